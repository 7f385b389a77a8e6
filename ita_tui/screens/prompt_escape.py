"""Esc answered 50 ms after it is typed rather than 100 ms (see PromptEscapeDriver), in a
terminal on Linux or macOS; the browser and Windows keep Textual's own drivers."""

from textual.app import App
from textual.driver import Driver

from ita_tui.widgets.textual_internals import prompt_escape


class PromptEscape(App[None]):
    def get_driver_class(self) -> type[Driver]:
        return prompt_escape(super().get_driver_class())

"""ปุ่มลัด: the keys of the screen in view first, then the app's, in the user's language, with a
line for moving about; it scrolls with the arrow and page keys and closes with Esc or `?`."""

from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen

from ita_tui.screens.localized import Key, install_bindings
from ita_tui.screens.modal import Modal
from ita_tui.widgets.plain import Static

if TYPE_CHECKING:
    from ita_tui.app import ItaApp

HELP_KEYS = [
    Key("escape,question_mark", "close", "close-help"),
]


class HelpScreen(Modal[None]):
    AUTO_FOCUS = "#help"

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this screen runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self.underneath = underneath
        install_bindings(self, HELP_KEYS, self.app.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="form"):
            yield Static(self.app.t("help.title"), classes="form-title")
            yield Static(self._keys(), id="help-keys")

    def _keys(self) -> Text:
        """Each action once, by its key cap, the screen's own before the app's."""
        screen_keys: dict[str, tuple[list[str], str, str]] = {}
        app_keys: dict[str, tuple[list[str], str, str]] = {}
        for active in self.underneath.active_bindings.values():
            binding = active.binding
            if binding.id is None or binding.system:
                continue
            group = app_keys if active.node is self.app else screen_keys
            keys, _, _ = group.setdefault(
                binding.action, ([], binding.description, binding.tooltip or "")
            )
            shown = self.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
        text = Text()
        for heading, group in (("help.this_screen", screen_keys), ("help.everywhere", app_keys)):
            if not group:
                continue
            text.append(self.app.t(heading) + "\n", style="bold underline")
            for keys, description, tooltip in group.values():
                text.append(f"{' '.join(keys):>10}  ", style="bold")
                text.append(description)
                if tooltip and tooltip != description:
                    text.append(f"  {tooltip}", style="dim")
                text.append("\n")
            text.append("\n")
        text.append(self.app.t("help.moving") + "\n", style="bold underline")
        text.append(self.app.t("help.moving_keys") + "\n")
        return text

    def action_close(self) -> None:
        self.dismiss(None)

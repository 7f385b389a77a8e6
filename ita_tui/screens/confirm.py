"""A yes-or-no question that names exactly what the user is about to do."""

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from ita_tui.screens.localized import Key, install_bindings
from ita_tui.screens.modal import Modal
from ita_tui.widgets.plain import Static
from ita_tui.widgets.plain_fields import Button

if TYPE_CHECKING:
    from ita_tui.app import ItaApp

CONFIRM_KEYS = [
    Key("y,Y", "answer(True)", "yes"),
    Key("n,N", "answer(False)", "no"),
    Key("escape", "answer(False)", "cancel"),
]


class ConfirmScreen(Modal[bool]):
    AUTO_FOCUS = "#no"

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this screen runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        install_bindings(self, CONFIRM_KEYS, self.app.lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form confirm"):
            yield Static(self.question, id="question")
            with Horizontal(classes="form-buttons"):
                yield Button(self.app.t("confirm.yes"), id="yes", variant="warning")
                yield Button(self.app.t("confirm.no"), id="no", variant="primary")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

"""The Textual app."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class ItaApp(App):
    TITLE = "ita-tui"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("ita-tui")
        yield Footer()


def run_app(db, context) -> None:
    ItaApp().run()

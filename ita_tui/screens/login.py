"""Logging in, when the database is shared: nothing of the plan shows until the password is
right, and every failure is recorded (see ita_tui.db.people.authenticate)."""

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen

from ita_tui.core.errors import UserError
from ita_tui.screens.form import next_field_or
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import Label, Static
from ita_tui.widgets.plain_fields import Button, Input
from ita_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from ita_tui.app import ItaApp


class LoginScreen(Screen):
    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this screen runs in ItaApp
        app = getters.app(ItaApp)

    # Enter is taken before the keys typed after it are handed out, so that a password typed
    # ahead of the screen lands in the password field, not after the login.
    BINDINGS = [Binding("enter", "advance", show=False, priority=True)]

    def t(self, key: str, **params: object) -> str:
        return self.app.t(key, **params)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Center(), Vertical(id="login-box"):
            yield Static(self.t("login.title"), classes="form-title", id="login-title")
            yield Static(self.t("login.intro"), id="login-intro")
            yield Label(self.t("login.login"), classes="field-label", id="login-label")
            yield Input(id="login-name")
            yield Label(self.t("login.password"), classes="field-label", id="password-label")
            yield Input(id="login-password", password=True)
            yield Static("", id="login-error", classes="error")
            yield Button(self.t("login.submit"), id="login-submit", variant="primary")
        yield Footer(keys_at_once=not self.app.first_frame_shown)

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.compact = True
        self.query_one("#login-name", Input).focus()

    def refresh_view(self) -> None:
        """The language changed: relabel."""
        for widget_id, key in (("login-title", "login.title"), ("login-intro", "login.intro")):
            self.query_one(f"#{widget_id}", Static).update(self.t(key))
        for widget_id, key in (
            ("login-label", "login.login"),
            ("password-label", "login.password"),
        ):
            self.query_one(f"#{widget_id}", Label).update(self.t(key))
        self.query_one("#login-submit", Button).label = self.t("login.submit")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # On the button, Enter presses it as usual.
        return action != "advance" or isinstance(self.focused, Input)

    def action_advance(self) -> None:
        next_field_or(self, self.attempt)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "login-submit":
            self.attempt()

    def attempt(self) -> None:
        login = self.query_one("#login-name", Input)
        password = self.query_one("#login-password", Input)
        try:
            actor = self.app.desk.authenticate(login.value, password.value)
        except UserError as error:
            self.query_one("#login-error", Static).update(error.message(self.app.lang))
            password.value = ""
            password.focus()
            return
        password.value = ""
        self.app.logged_in(actor)

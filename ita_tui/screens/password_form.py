"""Change one's own password: the current one, then the new one twice."""

from ita_tui.core.errors import UserError
from ita_tui.screens.form import FieldErrors, FormScreen
from ita_tui.widgets.plain_fields import Input


class PasswordForm(FormScreen[bool | None]):
    title_key = "password.title"

    def fields(self):
        for field_id, key in (
            ("password-current", "password.current"),
            ("password-new", "password.new"),
            ("password-again", "password.again"),
        ):
            yield from self.field(key, Input(id=field_id, password=True))

    def save(self) -> bool:
        values = {w.id: w.value for w in self.query("Input").results(Input)}
        if values["password-new"] != values["password-again"]:
            raise FieldErrors({"password-again": UserError("password.mismatch")})
        actor = self.app.actor
        if actor is None or actor.login is None:
            raise UserError("password.not_logged_in")
        try:
            self.desk.set_password(
                actor.login, values["password-new"], current=values["password-current"]
            )
        except UserError as error:
            field = "password-current" if error.key == "password.wrong_current" else "password-new"
            raise FieldErrors({field: error}) from None
        self.app.notify(self.t("password.changed", login=actor.login))
        return True

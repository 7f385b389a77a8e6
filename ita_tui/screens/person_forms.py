"""Forms for people: add or change a person (administrators), and hand a person's units over to
a successor (supervisors)."""

from ita_tui.core.errors import UserError
from ita_tui.core.i18n import handover_message
from ita_tui.core.model import ROLES, Unit
from ita_tui.screens.form import FieldErrors, FormScreen
from ita_tui.widgets.plain_fields import Checkbox, Input, Select
from ita_tui.widgets.plain_for_forms import SelectionList


def _agency_units(form: FormScreen) -> list[Unit]:
    return form.desk.units()


class PersonForm(FormScreen[bool | None]):
    def __init__(self, login: str | None) -> None:
        self.login = login
        self.title_key = "person_form.edit" if login else "person_form.add"
        super().__init__()

    def fields(self):
        person = next((p for p in self.desk.people() if p.login == self.login), None)
        held = set(self.desk.unit_ids_of(self.login)) if self.login else set()
        yield from self.field(
            "people.col.login",
            Input(self.login or "", id="person-login", disabled=self.login is not None),
        )
        yield from self.field(
            "people.col.name", Input(person.name if person else "", id="person-name")
        )
        yield from self.field(
            "people.col.role",
            Select(
                [(self.t(f"role.{role}"), role) for role in ROLES],
                value=person.role if person else "officer",
                allow_blank=False,
                id="person-role",
            ),
        )
        yield from self.field(
            "people.col.units",
            SelectionList(
                *[(u.name, u.id, u.id in held) for u in _agency_units(self)],
                id="person-units",
            ),
        )
        if person is not None:
            yield Checkbox(self.t("person_form.active"), bool(person.active), id="person-active")
        yield from self.field(
            "person_form.password",
            Input(id="person-password", password=True),
            "person_form.password_hint" if person else "person_form.first_password_hint",
        )

    def save(self) -> bool:
        app = self.app
        name = self.query_one("#person-name", Input).value
        role = self.query_one("#person-role", Select).selection
        assert role is not None  # the select has no blank
        chosen = list(self.query_one("#person-units", SelectionList).selected)
        password = self.query_one("#person-password", Input).value
        field_errors = {}
        try:
            if password:
                from ita_tui.core import passwords

                passwords.check_new(password)
        except UserError as error:
            field_errors["person-password"] = error
        if not name.strip():
            field_errors["person-name"] = UserError("people.need_name")
        if field_errors:
            raise FieldErrors(field_errors)
        if self.login is None:
            login = self.query_one("#person-login", Input).value
            try:
                self.desk.add_person(login, name, role, chosen, password or None)
            except UserError as error:
                if error.key.startswith("people.") and "login" in error.key:
                    raise FieldErrors({"person-login": error}) from None
                raise
            app.notify(
                self.t(
                    "people.added", name=name, login=login.casefold(), role=self.t(f"role.{role}")
                )
            )
            return True
        # Units of other agencies in the same database stay as they are.
        shown = {u.id for u in _agency_units(self)}
        elsewhere = [u for u in self.desk.unit_ids_of(self.login) if u not in shown]
        self.desk.update_person(
            self.login,
            name=name,
            role=role,
            unit_ids=[*chosen, *elsewhere],
            active=self.query_one("#person-active", Checkbox).value,
        )
        if password:
            self.desk.set_password(self.login, password)
        app.notify(self.t("people.changed", login=self.login))
        return True


class HandoverForm(FormScreen[bool | None]):
    title_key = "handover_form.title"

    def __init__(self, login: str) -> None:
        self.login = login
        super().__init__()

    def fields(self):
        everyone = self.desk.people()
        held = set(self.desk.unit_ids_of(self.login))
        leaving = next(p for p in everyone if p.login == self.login)
        yield from self.field(
            "handover_form.from",
            Input(f"{leaving.name} ({self.login})", disabled=True, id="handover-from"),
        )
        yield from self.field(
            "handover_form.to",
            Select(
                [
                    (f"{p.name} ({p.login})", p.login)
                    for p in everyone
                    if p.active and p.login != self.login
                ],
                id="handover-to",
                prompt=self.t("handover_form.need_successor"),
            ),
        )
        yield from self.field(
            "handover_form.units",
            SelectionList(
                *[(u.name, u.id, True) for u in _agency_units(self) if u.id in held],
                id="handover-units",
            ),
        )

    def save(self) -> bool:
        app = self.app
        successor = self.query_one("#handover-to", Select).selection
        if successor is None:
            raise FieldErrors({"handover-to": UserError("handover_form.need_successor")})
        units = list(self.query_one("#handover-units", SelectionList).selected)
        if not units:
            raise FieldErrors({"handover-units": UserError("handover.no_units", login=self.login)})
        result = self.desk.handover(self.login, successor, units)
        app.notify(handover_message(result, app.lang, app.num))
        return True

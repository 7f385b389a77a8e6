"""ผู้ใช้: who works on the plan, in which role and for which units; for an administrator, the
record of logins and refusals too. Adding and changing people is an administrator's, handing
units over a supervisor's."""

from textual.app import ComposeResult
from textual.containers import Vertical

from ita_tui.core import access
from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.title_bar import TitleBar


class PeopleScreen(ItaScreen):
    section = "people"
    KEYS = [
        Key("a", "add_person", "add-person"),
        Key("e", "edit_person", "edit-person"),
        Key("h", "hand_over", "handover"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="people"):
            yield Static(id="people-heading", classes="headline")
            yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="events-heading", classes="headline")
            yield DataTable(id="events-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        app = self.app
        table = self.query_one("#people-table", DataTable)
        table.clear(columns=True)
        login = "people.login_on" if app.login_required else "people.login_off"
        self.query_one("#people-heading", Static).update(
            f"{self.t('people.title')} · {self.t(login)}"
        )
        for heading in ("people.col.login", "people.col.name", "people.col.role"):
            table.add_column(self.t(heading))
        table.add_column(self.t("people.col.units"))
        table.add_column(self.t("people.col.state"))
        for row in self.desk.people():
            state = [] if row.active else [self.t("people.inactive")]
            if not row.has_password:
                state.append(self.t("people.no_password"))
            table.add_row(
                row.login,
                row.name,
                self.t(f"role.{row.role}"),
                row.units or "-",
                ", ".join(state),
                key=row.login,
            )
        self._render_events()

    def _render_events(self) -> None:
        """The access record, for administrators only: it names who failed to log in."""
        app = self.app
        events = self.query_one("#events-table", DataTable)
        heading = self.query_one("#events-heading", Static)
        events.clear(columns=True)
        shown = app.actor is not None and app.actor.at_least(access.ADMINISTRATOR)
        events.display = shown
        heading.display = shown
        if not shown:
            return
        heading.update(self.t("people.events_title"))
        for column in (
            "people.col.at",
            "people.col.login",
            "people.col.event",
            "people.col.detail",
        ):
            events.add_column(self.t(column))
        for row in self.desk.access_events(200):
            detail = " ".join(part for part in (row.action, row.detail) if part)
            events.add_row(
                self.desk.words.moment(row.at),
                row.login or "-",
                self.t(f"event.{row.event}"),
                detail,
                key=str(row.id),
            )

    def _chosen_login(self) -> str | None:
        table = self.query_one("#people-table", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _after_form(self, result: object) -> None:
        if result is not None:
            self.changed()

    def action_add_person(self) -> None:
        from ita_tui.screens.person_forms import PersonForm

        if self.allowed("people"):
            self.app.push_screen(PersonForm(None), self._after_form)

    def action_edit_person(self) -> None:
        from ita_tui.screens.person_forms import PersonForm

        login = self._chosen_login()
        if login is not None and self.allowed("people"):
            self.app.push_screen(PersonForm(login), self._after_form)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "people-table":
            self.action_edit_person()

    def action_hand_over(self) -> None:
        from ita_tui.screens.person_forms import HandoverForm

        login = self._chosen_login()
        if login is not None and self.allowed("handover"):
            self.app.push_screen(HandoverForm(login), self._after_form)

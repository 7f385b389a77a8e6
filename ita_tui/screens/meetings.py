"""ประชุม: the monthly meetings, the decisions taken there (open ones first), and the meeting
pack written from the app."""

from textual.app import ComposeResult
from textual.containers import Vertical

from ita_tui.screens.localized import ItaScreen, Key
from ita_tui.widgets.keys_footer import Footer
from ita_tui.widgets.plain import DataTable, Static
from ita_tui.widgets.title_bar import TitleBar


class MeetingsScreen(ItaScreen):
    SCOPED_CSS = False  # see ItaScreen
    DEFAULT_CSS = """
    #meeting-table {
        height: 1fr;
        max-height: 10;
    }

    #decision-table {
        height: 2fr;
    }
    """

    section = "meetings"
    KEYS = [
        Key("a", "add_meeting", "add-meeting"),
        Key("n", "add_decision", "add-decision"),
        Key("c", "close_decision", "close-decision"),
        Key("r", "write_pack", "write-pack"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="meetings"):
            yield Static(id="meetings-heading", classes="headline")
            yield DataTable(id="meeting-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="decisions-heading", classes="headline")
            yield DataTable(id="decision-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def render_view(self) -> None:
        app = self.app
        meetings = self.query_one("#meeting-table", DataTable)
        decisions = self.query_one("#decision-table", DataTable)
        for table in (meetings, decisions):
            table.clear(columns=True)
        self.query_one("#meetings-heading", Static).update(self.t("meetings.title"))
        self.query_one("#decisions-heading", Static).update(self.t("meetings.decisions"))
        if self.desk.agency is None:
            return
        for heading in ("meetings.col.date", "meetings.col.attendees", "meetings.col.notes"):
            meetings.add_column(self.t(heading))
        for meeting in reversed(self.desk.meetings()):
            meetings.add_row(
                app.day(meeting.held_on),
                meeting.attendees or "",
                (meeting.notes or "")[:60],
                key=str(meeting.id),
            )
        for heading in (
            "meetings.col.state",
            "report.col.meeting",
            "report.col.decision",
            "report.col.measure_id",
            "report.col.unit",
            "report.col.due",
        ):
            decisions.add_column(self.t(heading))
        rows = sorted(
            self.desk.decisions(), key=lambda r: (r.closed_on is not None, r.due_on or r.held_on)
        )
        for row in rows:
            if row.closed_on:
                state = "✓ " + self.t("decision.closed_on", date=app.day(row.closed_on))
            elif row.due_on and row.due_on < app.as_of:
                state = "⚠ " + self.t("meetings.late")
            else:
                state = "○ " + self.t("decision.open")
            decisions.add_row(
                state,
                app.day(row.held_on),
                row.text,
                f"#{app.num(row.measure_id)}" if row.measure_id else "-",
                row.unit_name or "-",
                app.day(row.due_on),
                key=str(row.id),
            )

    def _after_form(self, result: object) -> None:
        if result is not None:
            self.changed()

    def action_add_meeting(self) -> None:
        from ita_tui.screens.meeting_forms import MeetingForm

        if self.desk.agency is not None and self.allowed("meeting"):
            self.app.push_screen(MeetingForm(), self._after_form)

    def action_add_decision(self) -> None:
        from ita_tui.screens.meeting_forms import DecisionForm

        if self.desk.agency is None or not self.allowed("decision"):
            return
        if not self.desk.meetings():
            self.notify(self.t("meeting.none"), severity="warning")
            return
        table = self.query_one("#meeting-table", DataTable)
        meeting_id = None
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            meeting_id = int(key) if key is not None else None
        self.app.push_screen(DecisionForm(meeting_id), self._after_form)

    def action_close_decision(self) -> None:
        from ita_tui.screens.meeting_forms import CloseDecisionForm

        table = self.query_one("#decision-table", DataTable)
        if not table.row_count or not self.allowed("close_decision"):
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.app.push_screen(CloseDecisionForm(int(key)), self._after_form)

    def action_write_pack(self) -> None:
        from ita_tui.screens.meeting_forms import ReportForm

        if self.desk.agency is not None and self.allowed("report"):
            self.app.push_screen(ReportForm())

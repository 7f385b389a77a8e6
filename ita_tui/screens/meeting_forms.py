"""Forms of the meeting: record a meeting, a decision, close a decision, write the pack."""

from ita_tui.core.thai_calendar import last_day_of_previous_month, parse_date
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input, Select

# A decision's measure is picked from the plan's first measures; a list of thousands would not
# be usable as a choice.
MEASURE_CHOICES = 300


def _optional_date(text: str):
    return parse_date(text) if text.strip() else None


class MeetingForm(FormScreen[int | None]):
    title_key = "meeting_form.title"

    def fields(self):
        yield from self.field(
            "meetings.col.date",
            Input(self.app.day(self.app.as_of), id="meeting-date"),
            "form.date_hint",
        )
        yield from self.field("meetings.col.attendees", Input(id="meeting-attendees"))
        yield from self.field("meetings.col.notes", Input(id="meeting-notes"))

    def save(self) -> int:
        collector = Collector()
        day = collector.read(
            "meeting-date", parse_date, self.query_one("#meeting-date", Input).value
        )
        collector.check()
        return self.desk.add_meeting(
            day,
            self.query_one("#meeting-attendees", Input).value,
            self.query_one("#meeting-notes", Input).value,
        )


class DecisionForm(FormScreen[int | None]):
    title_key = "decision_form.title"
    # What was decided is what the secretary types first; the lists are chosen after.
    initial_focus = "decision-text"

    def __init__(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self._lead_unit: dict[int, int] = {}
        super().__init__()

    def fields(self):
        app = self.app
        meetings = self.desk.meetings()
        chosen = self.meeting_id or meetings[-1].id
        yield from self.field(
            "report.col.meeting",
            Select(
                [(app.day(m.held_on), m.id) for m in reversed(meetings)],
                value=chosen,
                id="decision-meeting",
                allow_blank=False,
            ),
        )
        yield from self.field("report.col.decision", Input(id="decision-text"))
        # Measures of one title (the plan's several แผนปฏิบัติการ…) are told apart by topic.
        listed = self.desk.measures(limit=MEASURE_CHOICES)
        measures = [(f"#{app.num(m.id)} {m.full_title}", m.id) for m in listed]
        yield from self.field(
            "report.col.measure_id", Select(measures, id="decision-measure", prompt="-")
        )
        unit_ids = {u.name: u.id for u in self.desk.units() if u.id is not None}
        self._lead_unit = {
            m.id: unit_ids[m.units[0]]
            for m in listed
            if m.id and m.units and m.units[0] in unit_ids
        }
        units = [(name, unit_id) for name, unit_id in unit_ids.items()]
        yield from self.field("report.col.unit", Select(units, id="decision-unit", prompt="-"))
        yield from self.field("report.col.due", Input(id="decision-due"), "form.date_hint")

    def on_select_changed(self, event: Select.Changed) -> None:
        """The unit that carries a decision out is, unless chosen otherwise, the measure's lead."""
        if event.select.id == "decision-measure" and event.value in self._lead_unit:
            self.query_one("#decision-unit", Select).value = self._lead_unit[event.value]

    def save(self) -> int:
        collector = Collector()
        due = collector.read(
            "decision-due", _optional_date, self.query_one("#decision-due", Input).value
        )
        collector.check()
        meeting = self.query_one("#decision-meeting", Select).selection
        assert meeting is not None  # the select has no blank
        return self.desk.add_decision(
            meeting,
            self.query_one("#decision-text", Input).value,
            self.query_one("#decision-measure", Select).selection,
            self.query_one("#decision-unit", Select).selection,
            due,
        )


class CloseDecisionForm(FormScreen[bool | None]):
    title_key = "close_form.title"

    def __init__(self, decision_id: int) -> None:
        self.decision_id = decision_id
        super().__init__()

    def fields(self):
        yield from self.field(
            "close_form.date",
            Input(self.app.day(self.app.as_of), id="close-date"),
            "form.date_hint",
        )
        yield from self.field("close_form.note", Input(id="close-note"))

    def save(self) -> bool:
        collector = Collector()
        day = collector.read("close-date", parse_date, self.query_one("#close-date", Input).value)
        collector.check()
        self.desk.close_decision(self.decision_id, day, self.query_one("#close-note", Input).value)
        return True


class ReportForm(FormScreen[str | None]):
    title_key = "report_form.title"

    def fields(self):
        app = self.app
        as_of = last_day_of_previous_month(app.as_of) if app.as_of.day < 7 else app.as_of
        yield from self.field(
            "export.as_of", Input(app.day(as_of), id="report-as-of"), "form.date_hint"
        )
        yield from self.field(
            "report_form.since", Input(id="report-since"), "report_form.since_hint"
        )
        yield from self.field(
            "report_form.format",
            Select(
                [("HTML", "html"), ("Markdown", "md")],
                value="html",
                id="report-format",
                allow_blank=False,
            ),
        )
        yield from self.field(
            "export.file",
            Input(f"ita-pack-{as_of.isoformat()}.html", id="report-file"),
            hint=app.where_files_go(),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        name = self.query_one("#report-file", Input)
        stem = name.value.rsplit(".", 1)[0] if "." in name.value else name.value
        name.value = f"{stem}.{event.value}"

    def save(self) -> str:
        collector = Collector()
        as_of = collector.read(
            "report-as-of", parse_date, self.query_one("#report-as-of", Input).value
        )
        since = collector.read(
            "report-since", _optional_date, self.query_one("#report-since", Input).value
        )
        collector.check()
        app = self.app
        fmt = self.query_one("#report-format", Select).selection
        assert fmt is not None  # the select has no blank
        return app.save_user_file(
            self.query_one("#report-file", Input).value or "ita-pack",
            self.desk.pack(as_of, since, fmt),
            (f".{fmt}", ".htm") if fmt == "html" else (f".{fmt}", ".markdown"),
            "report.done",
        )

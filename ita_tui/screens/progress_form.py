"""Log progress on a measure: date (the as-of date unless changed), percent, note, evidence, the
problems met and what is suggested (the follow-up reports ask for both), and the budget spent."""

from decimal import Decimal

from ita_tui.core.errors import UserError
from ita_tui.core.money import grouped
from ita_tui.core.thai_calendar import parse_date, today
from ita_tui.core.user_input import parse_baht, parse_percent
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input


class ProgressForm(FormScreen[int | None]):
    initial_focus = "progress-percent"
    title_key = "progress.title"

    def __init__(
        self, measure_id: int, current_percent: int, budget_used: Decimal | None = None
    ) -> None:
        self.measure_id = measure_id
        self.current_percent = current_percent
        self.budget_used = budget_used
        super().__init__()

    def fields(self):
        app = self.app
        yield from self.field(
            "progress.date", Input(app.day(app.as_of), id="progress-date"), "form.date_hint"
        )
        yield from self.field(
            "progress.percent",
            Input(app.num(self.current_percent), id="progress-percent"),
            label=self.t("progress.percent", low=app.num(0), high=app.num(100)),
        )
        yield from self.field("progress.note", Input(id="progress-note"))
        yield from self.field(
            "progress.evidence", Input(id="progress-evidence", placeholder="https://")
        )
        yield from self.field("progress.problems", Input(id="progress-problems"))
        yield from self.field("progress.suggestions", Input(id="progress-suggestions"))
        spent = "" if self.budget_used is None else app.num(grouped(self.budget_used))
        yield from self.field(
            "progress.spent", Input(spent, id="progress-spent"), "progress.spent_hint"
        )

    def save(self) -> int:
        collector = Collector()
        day = collector.read(
            "progress-date", parse_date, self.query_one("#progress-date", Input).value
        )
        percent = collector.read(
            "progress-percent", parse_percent, self.query_one("#progress-percent", Input).value
        )
        spent_text = self.query_one("#progress-spent", Input).value
        spent = collector.read("progress-spent", parse_baht, spent_text)
        if day is not None and day > today():
            collector.errors["progress-date"] = UserError(
                "progress.future_date", date=self.app.day(day)
            )
        collector.check()
        return self.desk.log_progress(
            self.measure_id,
            day,
            percent,
            note=self.query_one("#progress-note", Input).value,
            evidence=self.query_one("#progress-evidence", Input).value,
            problems=self.query_one("#progress-problems", Input).value,
            suggestions=self.query_one("#progress-suggestions", Input).value,
            budget_used=spent,
        )

"""Change the date the plan is judged by: overdue, due soon and stale all follow it."""

from ita_tui.core.thai_calendar import parse_date
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input


class AsOfForm(FormScreen[None]):
    title_key = "as_of.title"

    def fields(self):
        yield from self.field(
            "as_of.date", Input(self.app.day(self.app.as_of), id="as-of-date"), "form.date_hint"
        )

    def save(self) -> None:
        collector = Collector()
        day = collector.read("as-of-date", parse_date, self.query_one("#as-of-date", Input).value)
        collector.check()
        self.app.as_of = day
        self.app.notify(self.t("as_of.changed", date=self.app.day(day)))

"""Add or edit a measure: what, by whom, when, what its report must contain, and which findings
it answers."""

from ita_tui.core.errors import UserError
from ita_tui.core.model import ChecklistItem, Measure
from ita_tui.core.money import grouped
from ita_tui.core.plan_periods import parse_period
from ita_tui.core.thai_calendar import fiscal_year
from ita_tui.core.user_input import parse_baht, parse_be_year
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input, Select
from ita_tui.widgets.plain_for_forms import SelectionList, TextArea


class MeasureForm(FormScreen[int | None]):
    def __init__(self, measure_id: int | None) -> None:
        self.measure_id = measure_id
        self.title_key = "measure_form.edit" if measure_id else "measure_form.add"
        super().__init__()

    def fields(self):
        app = self.app
        measure = self.desk.measure(self.measure_id) if self.measure_id else None
        units = self.desk.units()
        findings = self.desk.findings()
        lead = measure.units[0] if measure and measure.units else Select.NULL
        supporting = set(measure.units[1:]) if measure else set()
        linked = set(measure.findings) if measure else set()
        year = measure.fiscal_year if measure else fiscal_year(app.as_of)
        yield from self.field(
            "measure_form.title",
            Input(measure.title if measure else "", id="measure-title-input"),
        )
        yield from self.field(
            "measure_form.topic",
            Input(measure.topic or "" if measure else "", id="measure-topic"),
        )
        yield from self.field("measure_form.fiscal_year", Input(app.num(year), id="measure-year"))
        yield from self.field(
            "measure_form.period",
            Input(measure.period if measure else "", id="measure-period"),
            "measure_form.period_hint",
        )
        yield from self.field(
            "measure_form.lead",
            Select(
                [(u.name, u.name) for u in units],
                value=lead,
                id="measure-lead",
                prompt=self.t("measure_form.choose"),
            ),
        )
        yield from self.field(
            "measure_form.support",
            SelectionList(
                *[(u.name, u.name, u.name in supporting) for u in units],
                id="measure-support",
            ),
        )
        budget = measure.budget if measure else None
        shown_budget = "" if budget is None else app.num(grouped(budget))
        yield from self.field(
            "measure_form.budget",
            Input(shown_budget, id="measure-budget"),
            "measure_form.budget_hint",
        )
        yield from self.field(
            "measure_form.method",
            TextArea(measure.method if measure else "", id="measure-method"),
        )
        yield from self.field(
            "measure_form.follow_up",
            TextArea(measure.follow_up if measure else "", id="measure-follow-up"),
        )
        contents = "\n".join(c.text for c in measure.contents) if measure else ""
        yield from self.field(
            "measure_form.contents",
            TextArea(contents, id="measure-contents"),
            "measure_form.contents_hint",
        )
        choices = []
        for finding in findings:
            label = " ".join(
                str(p)
                for p in (
                    finding.sub_indicator or finding.indicator or finding.instrument,
                    finding.oit_item,
                )
                if p
            )
            choices.append((f"{label} {finding.text[:70]}", finding.id, finding.id in linked))
        yield from self.field(
            "measure_form.findings", SelectionList(*choices, id="measure-findings")
        )

    def save(self) -> int:
        collector = Collector()
        year = collector.read(
            "measure-year",
            parse_be_year,
            self.query_one("#measure-year", Input).value,
        )
        period_text = self.query_one("#measure-period", Input).value
        # A period without a year (ต.ค. – ธ.ค., ไตรมาส ๒) is of the measure's fiscal year.
        period = collector.read(
            "measure-period", lambda text: parse_period(text, year), period_text
        )
        title = self.query_one("#measure-title-input", Input).value
        if not title.strip():
            collector.errors["measure-title-input"] = UserError("form.required_field")
        budget = collector.read(
            "measure-budget", parse_baht, self.query_one("#measure-budget", Input).value
        )
        lead = self.query_one("#measure-lead", Select).selection
        if lead is None:
            collector.errors["measure-lead"] = UserError("snapshot.need_unit")
        if year is not None and not 2500 <= year <= 2700:
            collector.errors["measure-year"] = UserError("cli.bad_year", value=year)
        collector.check()
        assert lead is not None  # check() raised otherwise
        support = [
            u for u in self.query_one("#measure-support", SelectionList).selected if u != lead
        ]
        # What it has spent is logged with its progress: an edit keeps it.
        kept = self.desk.measure(self.measure_id) if self.measure_id else None
        measure = Measure(
            id=self.measure_id,
            budget=budget,
            budget_used=kept.budget_used if kept else None,
            fiscal_year=year,
            title=title,
            topic=self.query_one("#measure-topic", Input).value,
            period=period_text.strip() or "-",
            start=period.start,
            end=period.end,
            units=(lead, *support),
            method=self.query_one("#measure-method", TextArea).text,
            follow_up=self.query_one("#measure-follow-up", TextArea).text,
            contents=tuple(
                ChecklistItem(line)
                for line in self.query_one("#measure-contents", TextArea).text.splitlines()
            ),
            findings=tuple(self.query_one("#measure-findings", SelectionList).selected),
        )
        measure_id = self.desk.save_measure(measure)
        self.app.notify(self.t("measure_form.saved", id=self.app.num(measure_id)))
        return measure_id

"""Forms for the plan's units, findings and assessment scores."""

from decimal import Decimal

from textual.widgets.select import NoSelection

from ita_tui.core import scoring
from ita_tui.core.errors import UserError
from ita_tui.core.model import Finding
from ita_tui.core.thai_calendar import result_year_in_hand
from ita_tui.core.user_input import parse_be_year
from ita_tui.screens.form import Collector, FormScreen
from ita_tui.widgets.plain_fields import Input, Select


class UnitForm(FormScreen[int | None]):
    def __init__(self, unit_id: str | None) -> None:
        self.unit_id = int(unit_id) if unit_id else None
        self.title_key = "unit_form.edit" if unit_id else "unit_form.add"
        super().__init__()

    def fields(self):
        units = self.desk.units()
        unit = next((u for u in units if u.id == self.unit_id), None)
        yield from self.field("plan.name", Input(unit.name if unit else "", id="unit-name"))
        yield from self.field(
            "plan.kind",
            Input(unit.kind or "" if unit else "", id="unit-kind", placeholder="กอง / สำนัก / งาน"),
        )
        parents = [(u.name, u.id) for u in units if u.id != self.unit_id]
        parent = unit.parent_id if unit and unit.parent_id else Select.NULL
        yield from self.field(
            "plan.parent", Select(parents, value=parent, id="unit-parent", prompt="-")
        )

    def save(self) -> int:
        return self.desk.save_unit(
            self.query_one("#unit-name", Input).value,
            self.query_one("#unit-kind", Input).value,
            self.query_one("#unit-parent", Select).selection,
            self.unit_id,
        )


class FindingForm(FormScreen[int | None]):
    def __init__(self, finding_id: str | None) -> None:
        self.finding_id = int(finding_id) if finding_id else None
        self.title_key = "finding_form.edit" if finding_id else "finding_form.add"
        super().__init__()

    def fields(self):
        app = self.app
        finding = next((f for f in self.desk.findings() if f.id == self.finding_id), None)
        assessments = self.desk.assessments()
        year = (
            finding.assessment_year
            if finding
            else (assessments[-1].year if assessments else result_year_in_hand(app.as_of))
        )
        yield from self.field("plan.year", Input(app.num(year), id="finding-year"))
        # A finding is about one indicator, or about an instrument as a whole (the seed's
        # points to keep and develop for IIT and EIT).
        indicators: list[tuple[str, int | str]] = [
            (f"{i.number}. {i.name(app.lang)}", i.number) for i in scoring.indicators()
        ]
        indicators += [
            (self.t("finding_form.whole_instrument", instrument=name), name)
            for name in ("IIT", "EIT", "OIT")
        ]
        indicator: int | str | NoSelection = Select.NULL
        if finding:
            indicator = finding.indicator or finding.instrument or Select.NULL
        yield from self.field(
            "plan.indicator",
            Select(indicators, value=indicator, id="finding-indicator", prompt="-"),
        )
        yield from self.field(
            "finding_form.sub",
            Input(
                finding.sub_indicator or "" if finding else "", id="finding-sub", placeholder="9.2"
            ),
        )
        kinds = [(self.t(f"indicators.{k}"), k) for k in ("weakness", "develop")]
        yield from self.field(
            "plan.finding_kind",
            Select(
                kinds,
                value=finding.kind if finding else "weakness",
                id="finding-kind",
                allow_blank=False,
            ),
        )
        yield from self.field(
            "finding_form.topic",
            Input(finding.topic or "" if finding else "", id="finding-topic"),
        )
        yield from self.field(
            "plan.text", Input(finding.text if finding else "", id="finding-text")
        )
        yield from self.field(
            "plan.item",
            Input(finding.oit_item or "" if finding else "", id="finding-item", placeholder="o11"),
        )

    def save(self) -> int:
        collector = Collector()
        year = collector.read(
            "finding-year",
            parse_be_year,
            self.query_one("#finding-year", Input).value,
        )
        indicator = self.query_one("#finding-indicator", Select).value
        if indicator is Select.NULL:
            collector.errors["finding-indicator"] = UserError("finding_form.need_indicator")
        if not self.query_one("#finding-text", Input).value.strip():
            collector.errors["finding-text"] = UserError("form.required_field")
        collector.check()
        kind = self.query_one("#finding-kind", Select).selection
        assert kind is not None  # the select has no blank
        finding = Finding(
            id=self.finding_id,
            assessment_year=year,
            indicator=indicator if isinstance(indicator, int) else None,
            instrument=indicator if isinstance(indicator, str) else None,
            sub_indicator=self.query_one("#finding-sub", Input).value,
            kind=kind,
            topic=self.query_one("#finding-topic", Input).value,
            text=self.query_one("#finding-text", Input).value,
            oit_item=self.query_one("#finding-item", Input).value,
        )
        return self.desk.save_finding(finding)


class AssessmentForm(FormScreen[int | None]):
    def __init__(self, year: str | None) -> None:
        self.year = int(year) if year else None
        self.title_key = "assessment_form.edit" if year else "assessment_form.add"
        super().__init__()

    def fields(self):
        app = self.app
        assessments = self.desk.assessments()
        existing = next((a for a in assessments if a.year == self.year), None)
        in_hand = result_year_in_hand(app.as_of)
        latest = max((a.year for a in assessments), default=in_hand - 1)
        year = self.year or max(latest + 1, in_hand)
        yield from self.field(
            "plan.year", Input(app.num(year), id="assessment-year", disabled=self.year is not None)
        )
        for indicator in scoring.indicators():
            value = app.num(f"{existing.scores[indicator.number - 1]:g}") if existing else ""
            label = (
                f"{app.num(indicator.number)}. {indicator.name(app.lang)} ({indicator.instrument})"
            )
            yield from self.field("", Input(value, id=f"score-{indicator.number}"), label=label)
        published = existing.published_overall if existing else None
        yield from self.field(
            "assessment_form.published",
            Input(app.num(published) if published is not None else "", id="assessment-published"),
        )
        yield from self.field(
            "assessment_form.published_result",
            Input(existing.published_result or "" if existing else "", id="assessment-result"),
        )

    def save(self) -> int:
        collector = Collector()
        year = collector.read(
            "assessment-year",
            parse_be_year,
            self.query_one("#assessment-year", Input).value,
        )
        scores = [
            collector.read(
                f"score-{n}", scoring.parse_score, self.query_one(f"#score-{n}", Input).value
            )
            for n in (indicator.number for indicator in scoring.indicators())
        ]
        published_text = self.query_one("#assessment-published", Input).value.strip()
        published = (
            collector.read("assessment-published", scoring.parse_score, published_text)
            if published_text
            else None
        )
        if year is not None:
            collector.read("assessment-year", scoring.methodology, year)
        collector.check()
        self.desk.save_assessment(
            year,
            scores,
            float(published) if isinstance(published, Decimal) else None,
            self.query_one("#assessment-result", Input).value,
        )
        return year

"""The yearly cycle: from a new ITA result to the draft of next fiscal year's plan.

Given the plan as it stands and the result of assessment year N (its indicator scores and the
OIT items that failed), the draft holds findings for every indicator under the year's pass mark
and every failed item; the unfinished measures of the last plan carried into fiscal year N+1
(marked carried, their checklist and progress kept, linked to the measure they carry on); and a
proposed measure for every failed item that no carried measure answers, its checklist the
item's requirements. Nothing here writes: the draft is a whole plan, which the store loads as
one import when the user accepts it."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ita_tui.core import item_links, oit, scoring
from ita_tui.core.errors import UserError
from ita_tui.core.model import (
    CARRIED,
    Assessment,
    ChecklistItem,
    Finding,
    Measure,
    Plan,
    ProgressEntry,
)
from ita_tui.core.thai_calendar import fiscal_year_bounds, with_digits

OPEN_STATUSES = ("not_started", "in_progress")


@dataclass(frozen=True)
class Link:
    """The items of another year's list with the same meaning as an item (none, one, or several
    where the list split it), and whether that is inferred rather than read."""

    codes: tuple[str, ...]
    provisional: bool = False


# How a finding or measure tied to an item follows it into the next year's list.
SameItem = Callable[[str, int, int], Link]


@dataclass(frozen=True)
class YearDraft:
    """What accepting would add to the plan, and the whole plan after it."""

    year: int
    plan_year: int
    score: scoring.Score
    pass_mark: Decimal
    findings: tuple[Finding, ...]
    carried: tuple[Measure, ...]
    proposed: tuple[Measure, ...]
    plan: Plan
    # Failed items a carried measure answers only by a link the table marks provisional: the
    # user should check that the measure really covers them.
    provisional_links: tuple[str, ...] = ()


def _thai(text: str) -> str:
    """The plan is a Thai document, written in Thai digits as the agency's own report is;
    item codes and names stay as the year's list writes them."""
    return with_digits(text, "thai")


def same_item(code: str, from_year: int, to_year: int) -> Link:
    """Items by meaning: the table of correspondences (ita_tui.core.item_links) where it links the two
    years; where it is silent, the item of the same name in the other year's list."""
    try:
        counterpart = item_links.same_meaning(code, from_year, to_year)
    except UserError:
        counterpart = None
    if counterpart is not None:
        return Link(counterpart.codes, counterpart.provisional)
    try:
        name = oit.catalogue_for(from_year).item(code).name
        target = oit.catalogue_for(to_year)
    except UserError:
        return Link(())
    return Link(tuple(item.code for item in target.items if item.name == name))


def last_plan_year(plan: Plan, year: int) -> int | None:
    """The fiscal year of the plan that ran while year N was assessed: the latest up to N."""
    years = [m.fiscal_year for m in plan.measures if m.fiscal_year <= year]
    return max(years) if years else None


def _effective_progress(entries: Sequence[ProgressEntry]) -> tuple[ProgressEntry, ...]:
    """The history as it stands: an entry a later one corrects gives way to its correction.
    Copies carry no ids, so that the store gives them their own."""
    corrected = {entry.corrects for entry in entries if entry.corrects is not None}
    return tuple(
        replace(entry, id=None, corrects=None) for entry in entries if entry.id not in corrected
    )


def draft(
    plan: Plan,
    year: int,
    scores: Sequence[Decimal],
    failed: Sequence[str],
    catalogue: oit.Catalogue | None,
    same_item: SameItem = same_item,
    published_overall: float | None = None,
    published_result: str | None = None,
) -> YearDraft:
    """The plan for fiscal year N+1 from the result of assessment year N."""
    method = scoring.methodology(year)
    if len(scores) != method.indicator_count:
        raise UserError("score.need_ten", count=len(scores), expected=method.indicator_count)
    if any(a.year == year for a in plan.assessments):
        raise UserError("new_year.year_exists", year=year)
    plan_year = year + 1
    if any(m.fiscal_year == plan_year for m in plan.measures):
        raise UserError("new_year.plan_exists", year=plan_year)
    if failed and catalogue is None:
        raise UserError("oit.no_catalogue", year=year)
    items = {code: catalogue.item(code) for code in failed} if catalogue else {}
    score = scoring.compute(year, scores)
    findings = _findings(plan, year, scores, method.pass_mark, items)
    by_item = {f.oit_item: f.id for f in findings if f.oit_item and f.id is not None}
    old_findings = {f.id: f for f in plan.findings}

    def items_answered(measure: Measure) -> dict[str, bool]:
        """The codes, in year N's list, of the items a measure of an earlier plan answers, each
        with whether only a provisional link says so."""
        codes: dict[str, bool] = {}
        for finding_id in measure.findings:
            finding = old_findings.get(finding_id)
            if finding is None or finding.oit_item is None:
                continue
            link = same_item(finding.oit_item, finding.assessment_year, year)
            for code in link.codes:
                codes[code] = codes.get(code, True) and link.provisional
        return codes

    start, end = fiscal_year_bounds(plan_year)
    period = _thai(f"ปีงบประมาณ {plan_year}")
    source_year = last_plan_year(plan, year)
    covered: dict[str, bool] = {}
    carried = []
    for measure in plan.measures:
        if measure.fiscal_year != source_year or measure.status not in OPEN_STATUSES:
            continue
        answers = items_answered(measure)
        for code, provisional in answers.items():
            covered[code] = covered.get(code, True) and provisional
        new_findings = [by_item[code] for code in sorted(answers) if code in by_item]
        carried.append(
            replace(
                measure,
                id=None,
                fiscal_year=plan_year,
                period=period,
                start=start,
                end=end,
                findings=(*measure.findings, *new_findings),
                progress=_effective_progress(measure.progress),
                carried_from=measure.id,
                # A budget is a fiscal year's: the new plan states its own, and what was
                # spent stays with the year it was spent in.
                budget=None,
                budget_used=None,
            )
        )

    # What an earlier plan did for an item is the best guide to doing it again: its units and
    # the contents its report had to hold.
    earlier: dict[str, Measure] = {}
    for measure in plan.measures:
        for code in items_answered(measure):
            earlier[code] = measure
    proposed = []
    for code, item in items.items():
        if code in covered:
            continue
        before = earlier.get(code)
        if before is None and not plan.units:
            raise UserError("new_year.no_units")
        proposed.append(
            Measure(
                id=None,
                fiscal_year=plan_year,
                title=item.name or item.shown_code,
                units=before.units if before else (plan.units[0].name,),
                method=(
                    f"จัดทำและเผยแพร่ข้อมูลตามข้อ {item.shown_code} {item.name} บนเว็บไซต์ของหน่วยงาน"
                    + _thai(f" ให้ครบทุกองค์ประกอบตามคู่มือการประเมิน ITA ปี {plan_year}")
                ),
                follow_up=before.follow_up if before else "",
                period=period,
                start=start,
                end=end,
                findings=(by_item[code],),
                contents=_requirements(item, before),
            )
        )
    carried_ids = {measure.carried_from for measure in carried}
    whole = replace(
        plan,
        assessments=(
            *plan.assessments,
            Assessment(
                year=year,
                scores=tuple(float(s) for s in scores),
                published_overall=published_overall,
                published_result=published_result,
            ),
        ),
        findings=(*plan.findings, *findings),
        # The old plan's carried measures are carried on: not open, not overdue beside their copy.
        measures=(
            *(
                replace(measure, status=CARRIED) if measure.id in carried_ids else measure
                for measure in plan.measures
            ),
            *carried,
            *proposed,
        ),
    )
    return YearDraft(
        year,
        plan_year,
        score,
        method.pass_mark,
        tuple(findings),
        tuple(carried),
        tuple(proposed),
        whole,
        tuple(code for code in items if covered.get(code) is True),
    )


def _requirements(item: oit.Item, before: Measure | None) -> tuple[ChecklistItem, ...]:
    """The item's required elements as the year's list gives them; else those the earlier
    measure for the same item had to show; else the item itself, to be filled in from the
    year's manual."""
    if item.requirements:
        return tuple(ChecklistItem(text) for text in item.requirements)
    if before is not None and before.contents:
        return tuple(ChecklistItem(c.text) for c in before.contents)
    return (ChecklistItem(f"{item.shown_code} {item.name}".strip()),)


def _findings(
    plan: Plan,
    year: int,
    scores: Sequence[Decimal],
    pass_mark: Decimal,
    items: dict[str, oit.Item],
) -> list[Finding]:
    next_id = max((f.id or 0 for f in plan.findings), default=0) + 1
    found = []
    mark = pass_mark.normalize()
    for indicator in scoring.indicators(year):
        value = Decimal(str(scores[indicator.number - 1]))
        if value >= pass_mark:
            continue
        found.append(
            Finding(
                id=next_id,
                assessment_year=year,
                kind="weakness",
                instrument=indicator.instrument,
                indicator=indicator.number,
                topic=indicator.name_th,
                text=_thai(
                    f"ตัวชี้วัดที่ {indicator.number} {indicator.name_th}"
                    f" ได้ {scoring.round_half_up(value)} คะแนน ต่ำกว่าเกณฑ์ {mark} คะแนน"
                ),
            )
        )
        next_id += 1
    for code, item in items.items():
        found.append(
            Finding(
                id=next_id,
                assessment_year=year,
                kind="weakness",
                instrument="OIT",
                indicator=item.indicator,
                sub_indicator=item.sub_indicator,
                topic=item.name or None,
                text=" ".join(
                    part
                    for part in (
                        f"ข้อ {item.shown_code}",
                        item.name,
                        _thai(f"ไม่ผ่านเกณฑ์การประเมิน ITA ปี {year}"),
                    )
                    if part
                ),
                oit_item=code,
            )
        )
        next_id += 1
    return found

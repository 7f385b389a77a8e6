"""Evidence for the next assessment, from what the tool already holds: the two documents on the
integrity measures that an assessment year's OIT list asks for, as sections that every format is
rendered from. Kind "o25" is the analysis of the last result with the measures drawn from it;
"o26" is what became of the measures. Each year's item names them and dates them its own way
(`asks`): up to 2566 they are o42 and o43, both about the assessment's own fiscal year; the 2569
list calls them O25 and O26, and O26 reports the fiscal year before.

Every section a year's item requires is always there, saying "not yet" or "no data" when empty,
so that a missing element shows instead of vanishing. It is built in the one document model
(ita_tui.core.document) that every report is rendered from."""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from ita_tui.core import document as model
from ita_tui.core import scoring
from ita_tui.core.model import (
    MEASURE_STATUSES,
    Assessment,
    Finding,
    MeasureDetail,
    Meeting,
    Recommendation,
)
from ita_tui.core.words import Words
from ita_tui.documents import budgets

KINDS = ("o25", "o26")


# An evidence document is built straight into the one document model (ita_tui.core.document):
# a section is its heading and blocks, a section within one is a heading a level deeper (to
# the third, the deepest a Word template styles).
Blocks = tuple[model.Block, ...]


def table(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> model.Table:
    return model.Table(headers, rows, "evidence")


def section(
    heading: str,
    paragraphs: tuple[str, ...] = (),
    bullets: tuple[str, ...] = (),
    table: model.Table | None = None,
    parts: tuple[Blocks, ...] = (),
) -> Blocks:
    blocks: list[model.Block] = [model.Heading(heading, 2)]
    blocks.extend(model.Paragraph(text) for text in paragraphs)
    if bullets:
        blocks.append(model.Bullets(bullets))
    if table is not None:
        blocks.append(table)
    for part in parts:
        blocks.extend(
            replace(block, level=min(block.level + 1, 3))
            if isinstance(block, model.Heading)
            else block
            for block in part
        )
    return tuple(blocks)


def evidence_document(
    title: str, subtitle: tuple[str, ...], sections: tuple[Blocks, ...], words: Words
) -> model.Document:
    return model.Document(
        title=title,
        lang=words.lang,
        parts=(model.Section("evidence", tuple(b for blocks in sections for b in blocks)),),
        subtitle="\n".join(subtitle),
    )


@dataclass(frozen=True)
class Evidence:
    """What an evidence document is made from, read by the desk."""

    agency: str
    year: int
    assessments: tuple[Assessment, ...]
    findings: tuple[Finding, ...]
    recommendations: tuple[Recommendation, ...]
    measures: tuple[MeasureDetail, ...]
    meetings: tuple[Meeting, ...] = field(default=())
    # The item of the year's own list that asks for this document ("o42 มาตรการ…" in 2566), by
    # meaning; None when the year's list has none or is not bundled.
    item: str | None = None


@dataclass(frozen=True)
class Asks:
    """What the item of one assessment year asks of a document, and what of that is inferred."""

    title: str  # message key of the document's title, the item's name that year
    # 0: the measures of the assessment's own fiscal year; -1: those of the year before.
    plan_offset: int
    # Message keys of the rules not read in a source for this year (the item, the fiscal year
    # reported, the sections, the report's usual elements), shown to whoever writes the document
    # and never in it.
    inferred: tuple[str, ...]
    # Where the rule comes from, for whoever checks it against a newer manual.
    basis: str


# By kind, (first year, last year, what is asked); None is open-ended.
_ASKS: dict[str, tuple[tuple[int | None, int | None, Asks], ...]] = {
    "o25": (
        (
            None,
            2564,
            Asks(
                "oit_evidence.o42.title",
                0,
                ("oit_evidence.inferred.contents",),
                "o42 under the same name in the 2563-2565 list (item_links.toml); its contents "
                "are assumed to be 2565's.",
            ),
        ),
        (
            2565,
            2566,
            Asks(
                "oit_evidence.o42.title",
                0,
                (),
                "o42 as the seed report (measure 10) quotes it for ITA 2566: the analysis of the "
                "last result ((1) weaknesses to fix urgently, (2) points to develop) and measures "
                "with (1) who (2) steps (3) monitoring and reporting (4) circulation to every "
                "unit (5) keeping what passed 85; for the plan of the assessment's own year.",
            ),
        ),
        (
            2567,
            2568,
            Asks(
                "oit_evidence.o25.title",
                0,
                (
                    "oit_evidence.inferred.item",
                    "oit_evidence.inferred.fiscal_year",
                    "oit_evidence.inferred.contents",
                ),
                "No 2567 list is bundled and no such item was identified in 2568; the 2569 O25 "
                "framing is assumed, with o42's contents.",
            ),
        ),
        (
            2569,
            2569,
            Asks(
                "oit_evidence.o25.title",
                0,
                ("oit_evidence.inferred.fiscal_year", "oit_evidence.inferred.contents"),
                "2569 O25's name is read (RTRDA's 2569 headings, no fiscal year given: current "
                "assumed); its required contents were not found, o42's are assumed.",
            ),
        ),
        (
            2570,
            None,
            Asks(
                "oit_evidence.o25.title",
                0,
                (
                    "oit_evidence.inferred.item",
                    "oit_evidence.inferred.fiscal_year",
                    "oit_evidence.inferred.contents",
                ),
                "No list after 2569 is bundled; 2569's O25 is assumed.",
            ),
        ),
    ),
    "o26": (
        (
            None,
            2564,
            Asks(
                "oit_evidence.o43.title",
                0,
                ("oit_evidence.inferred.contents", "oit_evidence.inferred.report_elements"),
                "o43 under the same name in the 2563-2565 list; its contents are assumed to be "
                "2565's.",
            ),
        ),
        (
            2565,
            2566,
            Asks(
                "oit_evidence.o43.title",
                0,
                ("oit_evidence.inferred.report_elements",),
                "o43 asks for the progress or results of the o42 measures in the assessment's "
                "own year ('เป็นการดำเนินการในปี พ.ศ. ๒๕๖๖', the seed's measure 11). Problems, "
                "suggestions and budget used are what every NACC 'รายงานผล...' item read asks.",
            ),
        ),
        (
            2567,
            2568,
            Asks(
                "oit_evidence.o26.title",
                -1,
                (
                    "oit_evidence.inferred.item",
                    "oit_evidence.inferred.fiscal_year",
                    "oit_evidence.inferred.contents",
                    "oit_evidence.inferred.report_elements",
                ),
                "No 2567 list is bundled and no such item was identified in 2568; the 2569 O26 "
                "framing (the year before) is assumed.",
            ),
        ),
        (
            2569,
            2569,
            Asks(
                "oit_evidence.o26.title",
                -1,
                ("oit_evidence.inferred.contents", "oit_evidence.inferred.report_elements"),
                "2569 O26's name and fiscal year (พ.ศ. 2568, the year before) are read in "
                "RTRDA's 2569 headings; its required contents were not found: the results per "
                "measure, budget used, problems and suggestions of NACC's 'รายงานผล...' items "
                "are assumed.",
            ),
        ),
        (
            2570,
            None,
            Asks(
                "oit_evidence.o26.title",
                -1,
                (
                    "oit_evidence.inferred.item",
                    "oit_evidence.inferred.fiscal_year",
                    "oit_evidence.inferred.contents",
                    "oit_evidence.inferred.report_elements",
                ),
                "No list after 2569 is bundled; 2569's O26 is assumed.",
            ),
        ),
    ),
}


def asks(kind: str, year: int) -> Asks:
    """What assessment year `year` asks of the document of `kind`."""
    for first, last, rule in _ASKS[kind]:
        if (first is None or first <= year) and (last is None or year <= last):
            return rule
    raise ValueError(f"no rule for {kind} {year}")  # the table covers every year


def plan_year(kind: str, year: int) -> int:
    """The fiscal year whose plan the document for assessment year `year` is about."""
    return year + asks(kind, year).plan_offset


def assessment_years(kind: str, fiscal_year: int) -> list[int]:
    """The assessment years whose document of `kind` is about the plan of `fiscal_year`."""
    return [y for y in (fiscal_year, fiscal_year + 1) if plan_year(kind, y) == fiscal_year]


# The 2569 items these documents answer, from which the year's own item is found by meaning.
ITEMS_2569 = {"o25": "o25", "o26": "o26"}


def build(kind: str, evidence: Evidence, words: Words) -> model.Document:
    document = _o25(evidence, words) if kind == "o25" else _o26(evidence, words)
    if evidence.item is None:
        return document
    answers = words.t("oit_evidence.item", item=evidence.item, year=words.num(evidence.year))
    return replace(document, subtitle=f"{document.subtitle}\n{answers}")


def _units(measure: MeasureDetail, words: Words) -> str:
    if not measure.units:
        return "-"
    lead = f"{measure.units[0]} {words.t('measure.lead')}"
    return ", ".join((lead, *measure.units[1:]))


def _o25(evidence: Evidence, words: Words) -> model.Document:
    n = words.num
    result_year = evidence.year - 1
    fiscal_year = plan_year("o25", evidence.year)
    title = words.t(asks("o25", evidence.year).title, agency=evidence.agency, year=n(evidence.year))
    subtitle = words.t(
        "oit_evidence.o25.subtitle", result_year=n(result_year), plan_year=n(fiscal_year)
    )
    no_data = (words.t("oit_evidence.no_data"),)
    sections = []
    assessment = next((a for a in evidence.assessments if a.year == result_year), None)
    if assessment is None:
        sections.append(
            section(
                words.t("oit_evidence.result", year=n(result_year)),
                paragraphs=(words.t("oit_evidence.no_result", year=n(result_year)),),
            )
        )
    else:
        sections.append(_result_section(assessment, evidence, words))
    findings = [f for f in evidence.findings if f.assessment_year == result_year]
    for kind, key in (
        ("weakness", "oit_evidence.weaknesses"),
        ("develop", "oit_evidence.to_develop"),
    ):
        chosen = [f for f in findings if f.kind == kind]
        sections.append(
            section(
                words.t(key),
                bullets=tuple(_finding_line(f, words) for f in chosen),
                paragraphs=() if chosen else no_data,
            )
        )
    measures = [m for m in evidence.measures if m.fiscal_year == fiscal_year]
    rows = tuple(
        (
            f"{n(position)}. {m.full_title}",
            m.method or "-",
            _units(m, words),
            m.period or "-",
            m.follow_up or "-",
        )
        for position, m in enumerate(measures, start=1)
    )
    headers = tuple(
        words.t(k)
        for k in (
            "oit_evidence.col.measure",
            "oit_evidence.col.method",
            "oit_evidence.col.units",
            "oit_evidence.col.period",
            "oit_evidence.col.follow_up",
        )
    )
    sections.append(
        section(
            words.t("oit_evidence.measures", year=n(fiscal_year)),
            table=table(headers, rows) if rows else None,
            paragraphs=() if rows else (words.t("oit_evidence.no_measures", year=n(fiscal_year)),),
        )
    )
    shared = [r for r in evidence.recommendations if r.assessment_year == result_year]
    sections.append(
        section(
            words.t("oit_evidence.shared"),
            bullets=tuple(
                f"{r.text} ({words.t('oit_evidence.done_on', date=words.day(r.done_on))})"
                if r.done_on
                else f"{r.text} ({words.t('oit_evidence.not_yet')})"
                for r in shared
            ),
            paragraphs=() if shared else (words.t("oit_evidence.not_yet"),),
        )
    )
    sections.append(_keep_section(assessment, words))
    return evidence_document(title, (subtitle,), tuple(sections), words)


def _keep_section(assessment: Assessment | None, words: Words) -> Blocks:
    """Element (5) of o42: what passed the mark, to be kept at that level or raised."""
    n = words.num
    if assessment is None:
        return section(
            words.t("oit_evidence.keep_unknown"), paragraphs=(words.t("oit_evidence.no_data"),)
        )
    mark = scoring.methodology(assessment.year).pass_mark
    kept = [
        f"{n(i.number)}. {i.name(words.lang)} ({n(Decimal(str(s)).quantize(Decimal('0.01')))})"
        for i, s in zip(scoring.indicators(assessment.year), assessment.scores, strict=True)
        if Decimal(str(s)) >= mark
    ]
    return section(
        words.t("oit_evidence.keep", mark=n(mark)),
        bullets=tuple(kept),
        paragraphs=() if kept else (words.t("oit_evidence.none_passed"),),
    )


def _result_section(assessment: Assessment, evidence: Evidence, words: Words) -> Blocks:
    n = words.num
    score = scoring.compute(assessment.year, assessment.scores)
    mark = scoring.methodology(assessment.year).pass_mark
    findings = [f for f in evidence.findings if f.assessment_year == assessment.year]
    rows = []
    for indicator, value in zip(
        scoring.indicators(assessment.year), assessment.scores, strict=True
    ):
        about = [f.text for f in findings if f.indicator == indicator.number]
        rows.append(
            (
                f"{n(indicator.number)}. {indicator.name(words.lang)}",
                indicator.instrument,
                n(Decimal(str(value)).quantize(Decimal("0.01"))),
                words.t(
                    "oit_evidence.at_or_above"
                    if Decimal(str(value)) >= mark
                    else "oit_evidence.below"
                ),
                n(len(about)) if about else "-",
            )
        )
    headers = tuple(
        words.t(k)
        for k in (
            "oit_evidence.col.indicator",
            "oit_evidence.col.instrument",
            "oit_evidence.col.score",
            "oit_evidence.col.against_mark",
            "oit_evidence.col.findings",
        )
    )
    headline = words.t(
        "oit_evidence.headline",
        year=n(assessment.year),
        overall=n(score.overall),
        result=score.result(words.lang),
        mark=n(mark),
    )
    published = []
    if assessment.published_overall is not None or assessment.published_result:
        published.append(
            words.t(
                "oit_evidence.published",
                overall=n(assessment.published_overall)
                if assessment.published_overall is not None
                else "-",
                result=assessment.published_result or "-",
            )
        )
    return section(
        words.t("oit_evidence.result", year=n(assessment.year)),
        paragraphs=(headline, *published),
        table=table(headers, tuple(rows)),
    )


def _finding_line(finding: Finding, words: Words) -> str:
    where = " ".join(
        p
        for p in (
            words.num(finding.sub_indicator) if finding.sub_indicator else None,
            finding.oit_item,
            finding.topic,
        )
        if p
    )
    return f"{where}: {finding.text}" if where else finding.text


def _o26(evidence: Evidence, words: Words) -> model.Document:
    n = words.num
    year = plan_year("o26", evidence.year)
    title = words.t(asks("o26", evidence.year).title, agency=evidence.agency, year=n(year))
    subtitle = words.t("oit_evidence.o26.subtitle", plan_year=n(year), year=n(evidence.year))
    no_data = (words.t("oit_evidence.no_data"),)
    measures = [m for m in evidence.measures if m.fiscal_year == year]
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    for measure in measures:
        counts[measure.status] = counts.get(measure.status, 0) + 1
    summary = section(
        words.t("oit_evidence.summary"),
        paragraphs=(
            words.t("oit_evidence.count", count=n(len(measures)), year=n(year))
            if measures
            else words.t("oit_evidence.no_measures", year=n(year)),
        ),
        bullets=tuple(
            f"{words.t(f'status.{status}')}: {n(count)}"
            for status, count in counts.items()
            if count
        ),
    )
    sections = [summary]
    for position, measure in enumerate(measures, start=1):
        sections.append(_measure_section(position, measure, words))
    sections.append(_budget_section(measures, words))
    for heading, lines in (
        ("oit_evidence.problems", _remarks(measures, "problems", words)),
        ("oit_evidence.suggestions", _remarks(measures, "suggestions", words)),
    ):
        sections.append(
            section(words.t(heading), bullets=lines, paragraphs=() if lines else no_data)
        )
    first, last = _fiscal_bounds(year)
    held = [m for m in evidence.meetings if first <= m.held_on.isoformat() <= last]
    sections.append(
        section(
            words.t("oit_evidence.meetings"),
            bullets=tuple(
                " ".join(p for p in (words.day(m.held_on), m.attendees or "", m.notes or "") if p)
                for m in held
            ),
            paragraphs=() if held else (words.t("oit_evidence.no_meetings"),),
        )
    )
    return evidence_document(title, (subtitle,), tuple(sections), words)


def _budget_section(measures: list[MeasureDetail], words: Words) -> Blocks:
    """The budget planned and spent per measure that states one, with the totals."""
    stated = [(p, m) for p, m in enumerate(measures, start=1) if budgets.says_budget(m)]
    if not stated:
        return section(
            words.t("oit_evidence.budget"), paragraphs=(words.t("oit_evidence.no_data"),)
        )
    rows = [
        (
            f"{words.num(position)}. {measure.full_title}",
            words.t("budget.none")
            if measure.budget == 0 and not measure.budget_used
            else budgets.amount(measure.budget, words),
            budgets.amount(measure.budget_used, words),
        )
        for position, measure in stated
    ]
    planned = sum((m.budget or Decimal(0) for _, m in stated), Decimal(0))
    used = sum((m.budget_used or Decimal(0) for _, m in stated), Decimal(0))
    rows.append(
        (
            words.t("oit_evidence.total"),
            budgets.amount(planned, words),
            budgets.amount(used, words),
        )
    )
    headers = tuple(
        words.t(k)
        for k in ("oit_evidence.col.measure", "oit_evidence.col.planned", "oit_evidence.col.used")
    )
    return section(words.t("oit_evidence.budget"), table=table(headers, tuple(rows)))


def _remarks(measures: list[MeasureDetail], kind: str, words: Words) -> tuple[str, ...]:
    """The problems or suggestions logged on each measure's progress, under its number, its
    title and the day each was logged; an entry since corrected is left out."""
    lines = []
    for position, measure in enumerate(measures, start=1):
        corrected = {entry.corrects for entry in measure.progress if entry.corrects}
        for entry in sorted(measure.progress, key=lambda e: (e.date, e.id or 0)):
            if entry.id in corrected:
                continue
            said = entry.problems if kind == "problems" else entry.suggestions
            if said:
                lines.append(
                    f"{words.num(position)}. {measure.full_title} ({words.day(entry.date)}): {said}"
                )
    return tuple(lines)


def _fiscal_bounds(year: int) -> tuple[str, str]:
    from ita_tui.core.thai_calendar import fiscal_year_bounds

    first, last = fiscal_year_bounds(year)
    return first.isoformat(), last.isoformat()


def _measure_section(position: int, measure: MeasureDetail, words: Words) -> Blocks:
    n = words.num
    state = words.t(f"status.{measure.status}")
    facts = [
        f"{words.t('oit_evidence.col.units')}: {_units(measure, words)}",
        f"{words.t('oit_evidence.col.period')}: {measure.period or '-'}",
        f"{words.t('oit_evidence.col.status')}: {state} {n(measure.percent)}%",
    ]
    if measure.drop_reason:
        facts.append(f"{words.t('oit_evidence.col.drop_reason')}: {measure.drop_reason}")
    parts = []
    if measure.contents:
        parts.append(
            section(
                words.t("oit_evidence.contents"),
                table=table(
                    tuple(
                        words.t(k)
                        for k in (
                            "oit_evidence.col.content",
                            "oit_evidence.col.done_on",
                            "oit_evidence.col.evidence",
                        )
                    ),
                    tuple(
                        (item.text, words.day(item.done_on), item.evidence or "-")
                        for item in measure.contents
                    ),
                ),
            )
        )
    progress_headers = tuple(
        words.t(k)
        for k in (
            "oit_evidence.col.date",
            "oit_evidence.col.percent",
            "oit_evidence.col.note",
            "oit_evidence.col.evidence",
        )
    )
    progress_rows = tuple(
        (words.day(entry.date), f"{n(entry.percent)}%", entry.note or "-", entry.evidence or "-")
        for entry in measure.progress
    )
    parts.append(
        section(
            words.t("oit_evidence.progress"),
            table=table(progress_headers, progress_rows) if progress_rows else None,
            paragraphs=() if progress_rows else (words.t("oit_evidence.no_data"),),
        )
    )
    return section(
        f"{n(position)}. {measure.full_title}",
        paragraphs=tuple(facts),
        parts=tuple(parts),
    )

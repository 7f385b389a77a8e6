"""Evidence for the next assessment, from what the tool already holds: the documents the 2569
OIT items ask for, as sections that Markdown and HTML are rendered from.

- O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (current): the previous year's result and its
  analysis (weaknesses to fix urgently, points to develop, indicators to keep at or above the pass
  mark), and the measures of this fiscal year's plan with who, how, when and how they are followed.
- O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (previous fiscal year):
  what became of each measure of last year's plan, its checklist with dates and evidence, its
  progress, and the meetings that followed it up.

For the assessment of year Y, O25 draws on the result of Y-1 and the plan of fiscal year Y, and
O26 on the plan of fiscal year Y-1. The NACC's required elements for these items were not found
(see README); the sections follow what the 2565 items o42/o43 asked, which the 2569 pair splits.
The document is plain sections, so that it moves onto the report's document model as it is."""

from dataclasses import dataclass, field
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

KINDS = ("o25", "o26")


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    table: Table | None = None
    # Sections under this one (a measure's checklist and progress under the measure).
    parts: tuple["Section", ...] = ()


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: tuple[str, ...]
    sections: tuple[Section, ...]


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


def plan_year(kind: str, year: int) -> int:
    """The fiscal year whose plan the document for assessment year Y is about."""
    return year if kind == "o25" else year - 1


# The 2569 items these documents answer, from which the year's own item is found by meaning.
ITEMS_2569 = {"o25": "o25", "o26": "o26"}


def build(kind: str, evidence: Evidence, words: Words) -> Document:
    document = _o25(evidence, words) if kind == "o25" else _o26(evidence, words)
    if evidence.item is None:
        return document
    answers = words.t("oit_evidence.item", item=evidence.item, year=words.num(evidence.year))
    return Document(document.title, (*document.subtitle, answers), document.sections)


def _units(measure: MeasureDetail, words: Words) -> str:
    if not measure.units:
        return "-"
    lead = f"{measure.units[0]} {words.t('measure.lead')}"
    return ", ".join((lead, *measure.units[1:]))


def _o25(evidence: Evidence, words: Words) -> Document:
    n = words.num
    result_year = evidence.year - 1
    title = words.t("oit_evidence.o25.title", agency=evidence.agency, year=n(evidence.year))
    subtitle = words.t(
        "oit_evidence.o25.subtitle", result_year=n(result_year), plan_year=n(evidence.year)
    )
    sections = []
    assessment = next((a for a in evidence.assessments if a.year == result_year), None)
    if assessment is None:
        sections.append(
            Section(
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
            Section(
                words.t(key),
                bullets=tuple(_finding_line(f, words) for f in chosen),
                paragraphs=() if chosen else (words.t("oit_evidence.none"),),
            )
        )
    if assessment is not None:
        mark = scoring.methodology(assessment.year).pass_mark
        kept = [
            f"{n(i.number)}. {i.name(words.lang)} ({n(Decimal(str(s)).quantize(Decimal('0.01')))})"
            for i, s in zip(scoring.indicators(assessment.year), assessment.scores, strict=True)
            if Decimal(str(s)) >= mark
        ]
        sections.append(
            Section(
                words.t("oit_evidence.keep", mark=n(mark)),
                bullets=tuple(kept),
                paragraphs=() if kept else (words.t("oit_evidence.none"),),
            )
        )
    measures = [m for m in evidence.measures if m.fiscal_year == evidence.year]
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
        Section(
            words.t("oit_evidence.measures", year=n(evidence.year)),
            table=Table(headers, rows) if rows else None,
            paragraphs=()
            if rows
            else (words.t("oit_evidence.no_measures", year=n(evidence.year)),),
        )
    )
    shared = [r for r in evidence.recommendations if r.assessment_year == result_year]
    if shared:
        sections.append(
            Section(
                words.t("oit_evidence.shared"),
                bullets=tuple(
                    f"{r.text} ({words.t('oit_evidence.done_on', date=words.day(r.done_on))})"
                    if r.done_on
                    else f"{r.text} ({words.t('oit_evidence.not_yet')})"
                    for r in shared
                ),
            )
        )
    return Document(title, (subtitle,), tuple(sections))


def _result_section(assessment: Assessment, evidence: Evidence, words: Words) -> Section:
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
    return Section(
        words.t("oit_evidence.result", year=n(assessment.year)),
        paragraphs=(headline, *published),
        table=Table(headers, tuple(rows)),
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


def _o26(evidence: Evidence, words: Words) -> Document:
    n = words.num
    year = plan_year("o26", evidence.year)
    title = words.t("oit_evidence.o26.title", agency=evidence.agency, year=n(year))
    subtitle = words.t("oit_evidence.o26.subtitle", plan_year=n(year), year=n(evidence.year))
    measures = [m for m in evidence.measures if m.fiscal_year == year]
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    for measure in measures:
        counts[measure.status] = counts.get(measure.status, 0) + 1
    summary = Section(
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
    first, last = _fiscal_bounds(year)
    held = [m for m in evidence.meetings if first <= m.held_on.isoformat() <= last]
    sections.append(
        Section(
            words.t("oit_evidence.meetings"),
            bullets=tuple(
                " ".join(p for p in (words.day(m.held_on), m.attendees or "", m.notes or "") if p)
                for m in held
            ),
            paragraphs=() if held else (words.t("oit_evidence.no_meetings"),),
        )
    )
    return Document(title, (subtitle,), tuple(sections))


def _fiscal_bounds(year: int) -> tuple[str, str]:
    from ita_tui.core.thai_calendar import fiscal_year_bounds

    first, last = fiscal_year_bounds(year)
    return first.isoformat(), last.isoformat()


def _measure_section(position: int, measure: MeasureDetail, words: Words) -> Section:
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
            Section(
                words.t("oit_evidence.contents"),
                table=Table(
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
    if measure.progress:
        parts.append(
            Section(
                words.t("oit_evidence.progress"),
                table=Table(
                    tuple(
                        words.t(k)
                        for k in (
                            "oit_evidence.col.date",
                            "oit_evidence.col.percent",
                            "oit_evidence.col.note",
                            "oit_evidence.col.evidence",
                        )
                    ),
                    tuple(
                        (
                            words.day(entry.date),
                            f"{n(entry.percent)}%",
                            entry.note or "-",
                            entry.evidence or "-",
                        )
                        for entry in measure.progress
                    ),
                ),
            )
        )
    return Section(
        f"{n(position)}. {measure.full_title}",
        paragraphs=tuple(facts),
        parts=tuple(parts),
    )


def to_document(document: Document, lang: str) -> "model.Document":
    """The evidence in the document model that every report is rendered from: a section's
    heading one level below its parent's (to the third, the deepest a Word template styles)."""
    blocks: list[model.Block] = []

    def add(section: Section, level: int) -> None:
        blocks.append(model.Heading(section.heading, level))
        blocks.extend(model.Paragraph(text) for text in section.paragraphs)
        if section.bullets:
            blocks.append(model.Bullets(section.bullets))
        if section.table is not None:
            blocks.append(model.Table(section.table.headers, section.table.rows, "evidence"))
        for part in section.parts:
            add(part, min(level + 1, 3))

    for section in document.sections:
        add(section, 2)
    return model.Document(
        title=document.title,
        lang=lang,
        parts=(model.Section("evidence", tuple(blocks)),),
        subtitle="\n".join(document.subtitle),
    )

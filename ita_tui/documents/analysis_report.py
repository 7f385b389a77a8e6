"""The analysis of an ITA result as agencies write it (the seed's shape): the scores by
indicator beside last year's, for each instrument the weaknesses to fix at once and the points
to develop, the recommendations, and the plan of measures for the next fiscal year."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ita_tui.core import scoring
from ita_tui.core.document import Block, Bullets, Document, Heading, Paragraph, Section, Table
from ita_tui.core.model import Assessment, Finding, MeasureState, Recommendation
from ita_tui.core.words import Words
from ita_tui.documents.report import score_chart

INSTRUMENTS = ("IIT", "EIT", "OIT")


def analysis_report(
    agency: str,
    assessments: Sequence[Assessment],
    findings: Sequence[Finding],
    recommendations: Sequence[Recommendation],
    measures: Sequence[MeasureState],
    written_on: date,
    words: Words,
) -> Document:
    latest = assessments[-1] if assessments else None
    previous = assessments[-2] if len(assessments) > 1 else None
    year = latest.year if latest else None
    parts = [Section("result", tuple(_result(agency, latest, previous, words)))]
    if latest:
        mine = [f for f in findings if f.assessment_year == latest.year]
        parts.append(Section("analysis", tuple(_analysis(latest, mine, words))))
        advice = [r.text for r in recommendations if r.assessment_year == latest.year]
        if advice:
            parts.append(
                Section(
                    "recommendations",
                    (Heading(words.t("analysis.recommendations")), Bullets(tuple(advice))),
                )
            )
    plan_year = max((m.fiscal_year for m in measures), default=None)
    if plan_year is not None:
        parts.append(Section("measures", tuple(_plan(measures, plan_year, words))))
    return Document(
        title=words.t("analysis.title", year=words.num(year) if year else "-", agency=agency),
        subtitle=words.t("analysis.subtitle", date=words.day(written_on)),
        lang=words.lang,
        parts=tuple(parts),
    )


def _result(
    agency: str, latest: Assessment | None, previous: Assessment | None, words: Words
) -> list[Block]:
    blocks: list[Block] = [Heading(words.t("analysis.result"))]
    if latest is None:
        return [*blocks, Paragraph(words.t("overview.no_assessment"))]
    score = scoring.compute(latest.year, latest.scores)
    blocks.append(
        Paragraph(
            words.t(
                "analysis.headline",
                agency=agency,
                year=words.num(latest.year),
                overall=words.num(score.overall),
                kind=words.t(f"score.{score.result_kind}"),
                result=score.result(words.lang),
            ),
            emphasis=True,
        )
    )
    years = [a for a in (previous, latest) if a]
    headers = (
        words.t("analysis.col.indicator"),
        *(words.t("analysis.col.year", year=words.num(a.year)) for a in years),
    )
    rows = tuple(
        (
            f"{words.num(i.number)}. {i.name(words.lang)}",
            *(words.num(float(a.scores[i.number - 1])) for a in years),
        )
        for i in scoring.indicators()
    )
    chart = replace(score_chart(latest, previous, words), scores_beside=False)
    return [*blocks, Table(headers, rows, "scores"), chart, *_ranking(latest, words)]


def _ranking(latest: Assessment, words: Words) -> list[Block]:
    """The indicators from the highest score to the lowest, and which pass."""
    mark = scoring.methodology(latest.year).pass_mark
    ranked = sorted(scoring.indicators(), key=lambda i: -latest.scores[i.number - 1])
    rows = tuple(
        (words.num(place), i.name(words.lang), words.num(float(latest.scores[i.number - 1])))
        for place, i in enumerate(ranked, start=1)
    )
    headers = tuple(words.t(f"analysis.col.{name}") for name in ("rank", "indicator", "score"))
    passed = [i.number for i in scoring.indicators() if latest.scores[i.number - 1] >= mark]
    failed = [i.number for i in scoring.indicators() if latest.scores[i.number - 1] < mark]
    blocks: list[Block] = [Heading(words.t("analysis.ranking"), 3), Table(headers, rows, "ranking")]
    for key, numbers in (("analysis.passed", passed), ("analysis.failed", failed)):
        if numbers:
            listed = ", ".join(words.num(n) for n in numbers)
            blocks.append(Paragraph(words.t(key, numbers=listed, mark=words.num(mark))))
    return blocks


def _analysis(latest: Assessment, findings: Sequence[Finding], words: Words) -> list[Block]:
    by_instrument = {i.number: i.instrument for i in scoring.indicators()}
    rows = []
    for instrument in INSTRUMENTS:
        indicators = [i for i in scoring.indicators() if i.instrument == instrument]
        scores = [
            words.t(
                "analysis.indicator_score",
                number=words.num(i.number),
                name=i.name(words.lang),
                score=words.num(float(latest.scores[i.number - 1])),
            )
            for i in indicators
        ]
        mine = [
            f
            for f in findings
            if (f.instrument or by_instrument.get(f.indicator or 0)) == instrument
        ]
        rows.append(
            (
                "\n".join([words.t(f"analysis.instrument.{instrument.lower()}"), *scores]),
                _findings_cell([f for f in mine if f.kind == "weakness"], words),
                _findings_cell([f for f in mine if f.kind != "weakness"], words),
            )
        )
    headers = tuple(
        words.t(f"analysis.col.{name}") for name in ("indicators", "weaknesses", "develop")
    )
    return [
        Heading(words.t("analysis.by_indicator")),
        Table(headers, tuple(rows), "analysis"),
    ]


def _findings_cell(findings: Sequence[Finding], words: Words) -> str:
    """Findings under the sub-indicator (in the document's digits) and topic they concern."""
    lines: list[str] = []
    heading = None
    for finding in findings:
        number = words.num(finding.sub_indicator) if finding.sub_indicator else None
        about = " ".join(part for part in (number, finding.topic) if part)
        if about and about != heading:
            lines.append(about)
            heading = about
        lines.append(f"- {finding.text}")
    return "\n".join(lines) or "-"


def _plan(measures: Sequence[MeasureState], year: int, words: Words) -> list[Block]:
    headers = tuple(
        words.t(f"analysis.col.{name}")
        for name in ("measure", "method", "units", "period", "follow_up")
    )
    rows = tuple(
        (
            m.title,
            m.method or "-",
            "\n".join(m.units) or "-",
            m.period or "-",
            m.follow_up or "-",
        )
        for m in measures
        if m.fiscal_year == year
    )
    return [
        Heading(words.t("analysis.plan", year=words.num(year))),
        Table(headers, rows, "measures"),
    ]

"""The monthly meeting pack, built into the document model that every format renders."""

from collections.abc import Callable
from datetime import date

from ita_tui.core import scoring
from ita_tui.core.document import (
    Block,
    Bullets,
    ChartRow,
    ChartSeries,
    Document,
    Heading,
    Paragraph,
    ScoreChart,
    Section,
    Table,
)
from ita_tui.core.follow_up import expected_percent
from ita_tui.core.model import Assessment, Decision, MeasureState
from ita_tui.core.words import Words
from ita_tui.db.review import Review


def _assessments(
    review: Review,
) -> tuple[Assessment | None, Assessment | None, scoring.Score | None]:
    latest = review.assessments[-1] if review.assessments else None
    previous = review.assessments[-2] if len(review.assessments) > 1 else None
    return latest, previous, scoring.compute(latest.year, latest.scores) if latest else None


def _sections(
    words: Words, as_of: date
) -> list[tuple[str, str, Callable[[MeasureState], list[str]]]]:
    """The tables of a unit in the order a meeting reads them: (heading, kind, cells of a row)."""

    def overdue_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.end),
            words.t("measures.days", count=words.num(row.days_overdue)),
            f"{words.num(row.percent)}%",
        ]

    def due_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.end),
            f"{words.num(row.percent)}%",
        ]

    def behind_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            f"{words.num(row.percent)}%",
            f"{words.num(expected_percent(row.start, row.end, as_of))}%",
        ]

    def stale_cells(row: MeasureState) -> list[str]:
        return [
            f"#{words.num(row.id)}",
            row.full_title,
            words.day(row.last_progress),
            f"{words.num(row.percent)}%",
        ]

    def done_cells(row: MeasureState) -> list[str]:
        return [f"#{words.num(row.id)}", row.full_title, words.day(row.status_changed_on)]

    return [
        ("report.overdue", "overdue", overdue_cells),
        ("report.due_next_month", "due_next_month", due_cells),
        ("report.behind", "behind", behind_cells),
        ("report.stale", "stale", stale_cells),
        ("report.done_since", "done_since", done_cells),
    ]


_HEADERS = {
    "overdue": ("#", "report.col.measure", "report.col.due", "report.col.overdue", "%"),
    "due_next_month": ("#", "report.col.measure", "report.col.due", "%"),
    "behind": ("#", "report.col.measure", "%", "report.col.expected"),
    "stale": ("#", "report.col.measure", "report.col.last_progress", "%"),
    "done_since": ("#", "report.col.measure", "report.col.done_on"),
}


def _headers(kind: str, words: Words) -> list[str]:
    return [h if h in ("#", "%") else words.t(h) for h in _HEADERS[kind]]


def _decision_cells(row: Decision, words: Words) -> list[str]:
    about = f"#{words.num(row.measure_id)}" if row.measure_id else "-"
    return [
        words.day(row.held_on),
        row.text,
        about,
        row.unit_name or "-",
        words.day(row.due_on),
    ]


def _decision_headers(words: Words) -> list[str]:
    return [
        words.t(k)
        for k in (
            "report.col.meeting",
            "report.col.decision",
            "report.col.measure_id",
            "report.col.unit",
            "report.col.due",
        )
    ]


def monthly_pack(review: Review, words: Words) -> Document:
    """The pack a monthly meeting reads: the assessment, each unit's tables, open decisions and
    what changed since the last meeting."""
    latest, previous, score = _assessments(review)
    assessment: list[Block] = []
    if latest and score:
        verdict = words.t(
            "score.passed" if score.passed else "score.not_passed",
            mark=words.num(scoring.methodology(latest.year).pass_mark),
        )
        headline = words.t(
            "overview.headline",
            year=words.num(latest.year),
            overall=words.num(score.overall),
            kind=words.t(f"score.{score.result_kind}"),
            result=score.result(words.lang),
            verdict=verdict,
        )
        legend = words.t(
            "report.legend",
            last=words.num(previous.year) if previous else "-",
            this=words.num(latest.year),
            mark=words.num(scoring.methodology(latest.year).pass_mark),
        )
        assessment += [
            Paragraph(headline, emphasis=True),
            Paragraph(legend, muted=True),
            score_chart(latest, previous, words),
        ]
    else:
        assessment.append(Paragraph(words.t("overview.no_assessment")))
    units: list[Block] = []
    for unit in review.units:
        if unit.is_empty():
            continue
        units.append(Heading(unit.unit, 2))
        for heading, kind, cells in _sections(words, review.as_of):
            rows = getattr(unit, kind)
            if rows:
                units.append(Heading(words.t(heading), 3))
                units.append(_table(_headers(kind, words), [cells(r) for r in rows], kind))
    decisions: list[Block] = [
        _table(
            _decision_headers(words),
            [_decision_cells(r, words) for r in review.open_decisions],
            "decisions",
        )
        if review.open_decisions
        else Paragraph(words.t("report.no_decisions"))
    ]
    changes = _change_lines(review, words)
    return Document(
        title=words.t("report.title", agency=review.agency.name),
        subtitle=words.t(
            "report.subtitle", as_of=words.day(review.as_of), since=words.day(review.since)
        ),
        lang=words.lang,
        parts=(
            Section("assessment", (Heading(words.t("report.assessment")), *assessment)),
            Section("units", tuple(units)),
            Section("decisions", (Heading(words.t("report.decisions")), *decisions)),
            Section(
                "changes",
                (
                    Heading(words.t("report.changes")),
                    Bullets(tuple(changes)) if changes else Paragraph(words.t("report.no_changes")),
                ),
            ),
        ),
    )


def _table(headers: list[str], rows: list[list[str]], kind: str) -> Table:
    return Table(tuple(headers), tuple(tuple(row) for row in rows), kind)


def _change_lines(review: Review, words: Words) -> list[str]:
    lines = []
    for logged in review.progress:
        entry = logged.entry
        note = f" — {entry.note}" if entry.note else ""
        lines.append(
            words.t(
                "report.change.progress",
                date=words.day(entry.date),
                id=words.num(logged.measure_id),
                percent=words.num(entry.percent),
                by=entry.by,
            )
            + note
        )
    for ticked in review.ticked:
        lines.append(
            words.t(
                "report.change.ticked",
                date=words.day(ticked.item.done_on),
                id=words.num(ticked.measure_id),
                item=ticked.item.text,
            )
        )
    for row in review.status_changes:
        lines.append(
            words.t(
                "report.change.status",
                date=words.day(row.status_changed_on),
                id=words.num(row.id),
                status=words.t(f"status.{row.status}"),
            )
        )
    return lines


def score_chart(latest: Assessment, previous: Assessment | None, words: Words) -> ScoreChart:
    """The ten indicators, last year's scores beside this year's, against the pass mark."""
    mark = scoring.methodology(latest.year).pass_mark
    series = [(previous, False)] if previous else []
    series.append((latest, True))
    return ScoreChart(
        title=words.t("report.chart_title", mark=words.num(mark)),
        indicator_heading=words.t("report.col.indicator"),
        rows=tuple(
            ChartRow(words.num(i.number), i.name(words.lang))
            for i in scoring.indicators(latest.year)
        ),
        series=tuple(
            ChartSeries(
                label=words.num(assessment.year),
                scores=tuple(float(s) for s in assessment.scores),
                said=tuple(words.num(f"{float(s):.2f}") for s in assessment.scores),
                latest=is_latest,
            )
            for assessment, is_latest in series
        ),
        pass_mark=float(mark),
        pass_mark_said=words.num(mark),
    )


def render(review: Review, fmt: str, lang: str = "th", digits: str = "thai") -> str:
    """The monthly pack as Markdown ("md") or one HTML page ("html")."""
    from ita_tui.documents.render import as_text

    return as_text(monthly_pack(review, Words(lang, digits)), fmt)

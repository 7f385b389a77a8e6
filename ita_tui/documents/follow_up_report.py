"""The follow-up reports an agency publishes on its plan (OIT evidence): the six-month round
(October to March) and the year's result, as the document model. Each measure as it stood at
the end of the round: its progress and status then, and what was logged and ticked by then;
its budget as planned and spent (as recorded now: the store keeps no history of spending)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ita_tui.core.document import Document, Heading, Paragraph, Section, Table
from ita_tui.core.model import MEASURE_STATUSES, MeasureDetail, ProgressEntry
from ita_tui.core.thai_calendar import fiscal_year_bounds, six_month_round
from ita_tui.core.words import Words
from ita_tui.documents import budgets

KINDS = ("six-month", "annual")


def round_bounds(kind: str, fiscal_year: int) -> tuple[date, date]:
    """The first and last day the report covers."""
    return six_month_round(fiscal_year) if kind == "six-month" else fiscal_year_bounds(fiscal_year)


@dataclass(frozen=True)
class Standing:
    """A measure at the end of a round."""

    status: str
    percent: int
    entries: tuple[ProgressEntry, ...]


def standing(measure: MeasureDetail, as_of: date) -> Standing:
    """What the log said on the as-of date: later entries and corrected ones are left out, and
    a status set after that date is not yet known then."""
    corrected = {entry.corrects for entry in measure.progress if entry.corrects}
    kept = [e for e in measure.progress if e.date <= as_of and e.id not in corrected]
    entries = tuple(sorted(kept, key=lambda e: (e.date, e.id or 0)))  # the log is newest first
    percent = entries[-1].percent if entries else 0
    status = measure.status
    if measure.status_changed_on and measure.status_changed_on > as_of:
        status = "in_progress" if percent else "not_started"
    return Standing(status, percent, entries)


def follow_up_report(
    kind: str,
    agency: str,
    fiscal_year: int,
    measures: Sequence[MeasureDetail],
    as_of: date,
    words: Words,
) -> Document:
    first, last = round_bounds(kind, fiscal_year)
    stood = [(m, standing(m, as_of)) for m in measures if m.fiscal_year == fiscal_year]
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    for _, state in stood:
        counts[state.status] = counts.get(state.status, 0) + 1
    kept = [state.percent for _, state in stood if state.status != "dropped"]
    mean = round(sum(kept) / len(kept)) if kept else 0
    summary = words.t(
        "follow_report.summary",
        total=words.num(len(stood)),
        done=words.num(counts["done"]),
        in_progress=words.num(counts["in_progress"]),
        not_started=words.num(counts["not_started"]),
        dropped=words.num(counts["dropped"]),
        mean=words.num(mean),
    )
    budget_totals = budgets.totals([measure for measure, _ in stood], words)
    # A column of budgets when any measure states one; else the summary says none does.
    with_budget = budget_totals is not None
    headers = tuple(
        words.t(f"follow_report.col.{name}")
        for name in ("number", "measure", "units", "period", "progress", "budget", "result")
        if with_budget or name != "budget"
    )
    rows = tuple(
        (
            words.num(index),
            measure.full_title,
            "\n".join(measure.units) or "-",
            measure.period or f"{words.day(measure.start)} – {words.day(measure.end)}",
            _progress(state, words),
            *((budgets.cell(measure, words),) if with_budget else ()),
            _result(measure, state, as_of, words),
        )
        for index, (measure, state) in enumerate(stood, start=1)
    )
    return Document(
        title=words.t(f"follow_report.title.{kind}", year=words.num(fiscal_year), agency=agency),
        subtitle=words.t(
            "follow_report.subtitle",
            as_of=words.day(as_of),
            first=words.day(first),
            last=words.day(last),
        ),
        lang=words.lang,
        parts=(
            Section(
                "summary",
                (
                    Heading(words.t("follow_report.summary_heading")),
                    # One paragraph: the counts, then the budget.
                    Paragraph(f"{summary} · {budget_totals or words.t('budget.none_stated')}"),
                ),
            ),
            Section(
                "measures",
                (
                    Heading(words.t("follow_report.measures_heading")),
                    Table(headers, rows, "measures")
                    if rows
                    else Paragraph(words.t("follow_report.no_measures")),
                ),
            ),
            Section(
                "sign",
                (
                    Paragraph(words.t("follow_report.reported_by")),
                    Paragraph(words.t("follow_report.seen_by")),
                ),
            ),
        ),
    )


def _progress(state: Standing, words: Words) -> str:
    status = words.t(f"status.{state.status}")
    if state.status == "dropped":
        return status
    return words.t("follow_report.progress", percent=words.num(state.percent), status=status)


def _result(measure: MeasureDetail, state: Standing, as_of: date, words: Words) -> str:
    """What was done by the as-of date: each note logged, then the contents the report holds."""
    if state.status == "dropped":
        return words.t("follow_report.dropped", reason=measure.drop_reason or "-")
    lines = [f"{words.day(entry.date)}: {entry.note}" for entry in state.entries if entry.note]
    ready = [item.text for item in measure.contents if item.done_on and item.done_on <= as_of]
    if ready:
        lines.append(words.t("follow_report.contents_ready", items=", ".join(ready)))
    return "\n".join(lines) or "-"

"""The follow-up rules a supervisor reviews by: overdue, due soon, stale, behind schedule, and
periods that lie outside the plan's fiscal year. All of them are judged as of a date, never the
clock.

Each rule is written here twice, side by side: in Python, for a measure in hand, and as SQL, so
that the database filters and counts a plan of any size. A test runs both on generated plans
over many as-of dates and expects the same verdicts (tests/test_follow_up_rules.py)."""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ita_tui.core.model import Record
from ita_tui.core.thai_calendar import fiscal_year_bounds

if TYPE_CHECKING:
    from ita_tui.core.model import MeasureState

OPEN_STATUSES = ("not_started", "in_progress")
DUE_SOON_DAYS = 30
STALE_DAYS = 30
BEHIND_GAP = 25  # percentage points below the share of the period already passed
FOLLOW_UPS = ("overdue", "due_soon", "stale")

# SQL over `m`, a row of measures. Dates are ISO text, so they compare as text.
SQL_OPEN = "m.status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"
SQL_LAST_PROGRESS = "(SELECT max(p.entry_date) FROM progress p WHERE p.measure_id = m.id)"
SQL_OUTSIDE_FISCAL_YEAR = (
    "(m.end_date < printf('%04d-10-01', m.fiscal_year - 544)"
    " OR m.start_date > printf('%04d-09-30', m.fiscal_year - 543))"
)


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def days_overdue(status: str, end: date | None, as_of: date) -> int:
    """Days since the end date of a measure that is still open; 0 when it is not overdue."""
    if end is None or not is_open(status) or end >= as_of:
        return 0
    return (as_of - end).days


def sql_overdue(as_of: date) -> tuple[str, list[str]]:
    return f"{SQL_OPEN} AND m.end_date < ?", [as_of.isoformat()]


def is_due_soon(
    status: str, end: date | None, as_of: date, within_days: int = DUE_SOON_DAYS
) -> bool:
    return end is not None and is_open(status) and as_of <= end <= as_of + timedelta(within_days)


def sql_due_soon(as_of: date, within_days: int = DUE_SOON_DAYS) -> tuple[str, list[str]]:
    until = as_of + timedelta(within_days)
    return f"{SQL_OPEN} AND m.end_date BETWEEN ? AND ?", [as_of.isoformat(), until.isoformat()]


def is_stale(
    status: str, last_progress: date | None, start: date | None, as_of: date, days: int = STALE_DAYS
) -> bool:
    """Open, under way (its period has started), and nothing logged for `days` days."""
    if not is_open(status) or (start is not None and start > as_of):
        return False
    reference = last_progress or start
    return reference is None or (as_of - reference).days >= days


def sql_stale(as_of: date, days: int = STALE_DAYS) -> tuple[str, list[str]]:
    sql = (
        f"{SQL_OPEN} AND (m.start_date IS NULL OR m.start_date <= ?)"
        f" AND coalesce({SQL_LAST_PROGRESS}, m.start_date, '') <= ?"
    )
    return sql, [as_of.isoformat(), (as_of - timedelta(days)).isoformat()]


def sql_follow(
    follow: str, as_of: date, stale_days: int = STALE_DAYS, behind_gap: int = BEHIND_GAP
) -> tuple[str, list[str]]:
    """The SQL condition of one of FOLLOW_UPS, or of "behind" (`is_behind`)."""
    if follow == "overdue":
        return sql_overdue(as_of)
    if follow == "due_soon":
        return sql_due_soon(as_of)
    if follow == "stale":
        return sql_stale(as_of, stale_days)
    if follow == "behind":
        return sql_behind(as_of, behind_gap)
    raise ValueError(follow)


def outside_fiscal_year(fiscal_year: int, start: date | None, end: date | None) -> bool:
    first, last = fiscal_year_bounds(fiscal_year)
    return (end is not None and end < first) or (start is not None and start > last)


def expected_percent(start: date | None, end: date | None, as_of: date) -> int | None:
    """The share of a measure's period already passed, as a percentage; None without a period."""
    if start is None or end is None:
        return None
    if as_of < start:
        return 0
    total = (end - start).days + 1
    return min(100, round(100 * ((as_of - start).days + 1) / total))


def is_behind(measure: "MeasureState", as_of: date, gap: int = BEHIND_GAP) -> bool:
    """Open, not yet overdue, and `gap` points or more below the share of its period passed."""
    expected = expected_percent(measure.start, measure.end, as_of)
    return (
        is_open(measure.status)
        and not measure.overdue
        and expected is not None
        and expected - measure.percent >= gap
    )


# Whole days as SQLite counts them between two ISO dates.
def _sql_days(later: str, earlier: str) -> str:
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def sql_expected_percent(as_of: date) -> tuple[str, list[str]]:
    """`expected_percent` in SQL over `m`: rounded as Python's round() does, half to even, in
    whole numbers so that no float can tip a verdict."""
    passed = f"(100 * ({_sql_days('?', 'm.start_date')} + 1))"
    total = f"({_sql_days('m.end_date', 'm.start_date')} + 1)"
    whole, rest = f"({passed} / {total})", f"({passed} % {total})"
    rounded = (
        f"({whole} + CASE WHEN 2 * {rest} > {total} THEN 1"
        f" WHEN 2 * {rest} < {total} THEN 0 ELSE {whole} % 2 END)"
    )
    sql = (
        "(CASE WHEN m.start_date IS NULL OR m.end_date IS NULL THEN NULL"
        f" WHEN ? < m.start_date THEN 0 ELSE min(100, {rounded}) END)"
    )
    # Every parameter is the as-of date, however often the expression repeats it.
    return sql, [as_of.isoformat()] * sql.count("?")


def sql_behind(as_of: date, gap: int = BEHIND_GAP) -> tuple[str, list[str]]:
    """`is_behind` in SQL over `m`, its percent the latest entry's (0 with none)."""
    expected, values = sql_expected_percent(as_of)
    latest = (
        "coalesce((SELECT p.percent FROM progress p WHERE p.measure_id = m.id"
        " ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), 0)"
    )
    # The gap is a whole number, written in: compared with a text parameter, SQLite would find
    # any number smaller.
    sql = f"{SQL_OPEN} AND m.end_date >= ? AND {expected} - {latest} >= {int(gap)}"
    return sql, [as_of.isoformat(), *values]


def is_due_by(measure: "MeasureState", as_of: date, until: date) -> bool:
    """Open and due after the as-of date, by `until` (the next meeting, the month's end)."""
    return is_open(measure.status) and measure.end is not None and as_of < measure.end <= until


def untouched_since(measure: "MeasureState", as_of: date, since: date) -> bool:
    """Open, under way, and nothing logged after `since` (the last meeting)."""
    return (
        is_open(measure.status)
        and (measure.start is None or measure.start <= as_of)
        and (measure.last_progress is None or measure.last_progress <= since)
    )


def done_between(measure: "MeasureState", since: date, as_of: date) -> bool:
    changed = measure.status_changed_on
    return measure.status == "done" and changed is not None and since < changed <= as_of


class Groups(Record):
    """A plan as the follow-up screen shows it: each measure in the first group it belongs
    to, in this order."""

    overdue: list["MeasureState"]
    due_soon: list["MeasureState"]
    stale: list["MeasureState"]
    on_track: list["MeasureState"]
    done: list["MeasureState"]
    dropped: int
    stale_in_all: int


def grouped(measures: Sequence["MeasureState"]) -> Groups:
    kept = [m for m in measures if m.status != "dropped"]
    overdue = [m for m in kept if m.overdue]
    due_soon = [m for m in kept if m.due_soon and not m.overdue]
    stale = [m for m in kept if m.stale and not m.overdue and not m.due_soon]
    listed = {m.id for m in (*overdue, *due_soon, *stale)}
    return Groups(
        overdue=overdue,
        due_soon=due_soon,
        stale=stale,
        on_track=[m for m in kept if m.id not in listed and m.status != "done"],
        done=[m for m in kept if m.status == "done"],
        dropped=len(measures) - len(kept),
        stale_in_all=sum(1 for m in kept if m.stale),
    )


def longest_overdue_first(measures: Iterable["MeasureState"]) -> list["MeasureState"]:
    return sorted(measures, key=lambda m: -m.days_overdue)

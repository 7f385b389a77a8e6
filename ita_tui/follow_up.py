"""The follow-up rules a supervisor reviews by: overdue, due soon, stale, and periods that lie
outside the plan's fiscal year. All of them are judged as of a date, never the clock."""

from datetime import date, timedelta

from ita_tui.thai_calendar import fiscal_year_bounds

OPEN_STATUSES = ("not_started", "in_progress")
DUE_SOON_DAYS = 30
STALE_DAYS = 30


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def days_overdue(status: str, end: date | None, as_of: date) -> int:
    """Days since the end date of a measure that is still open; 0 when it is not overdue."""
    if end is None or not is_open(status) or end >= as_of:
        return 0
    return (as_of - end).days


def is_due_soon(
    status: str, end: date | None, as_of: date, within_days: int = DUE_SOON_DAYS
) -> bool:
    return end is not None and is_open(status) and as_of <= end <= as_of + timedelta(within_days)


def is_stale(
    status: str, last_progress: date | None, start: date | None, as_of: date, days: int = STALE_DAYS
) -> bool:
    """Open, under way (its period has started), and nothing logged for `days` days."""
    if not is_open(status) or (start is not None and start > as_of):
        return False
    reference = last_progress or start
    return reference is None or (as_of - reference).days >= days


def outside_fiscal_year(fiscal_year: int, start: date | None, end: date | None) -> bool:
    first, last = fiscal_year_bounds(fiscal_year)
    return (end is not None and end < first) or (start is not None and start > last)

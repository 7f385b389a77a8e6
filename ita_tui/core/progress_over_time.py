"""Progress over the fiscal year: where each measure stood at the end of each month, and the mean
of a unit's or the plan's measures."""

from collections.abc import Iterable
from datetime import date, timedelta

from ita_tui.core.model import LoggedProgress
from ita_tui.core.thai_calendar import add_months, fiscal_year_bounds


def month_ends(fiscal_year: int) -> list[date]:
    first, _ = fiscal_year_bounds(fiscal_year)
    return [add_months(first, n + 1) - timedelta(days=1) for n in range(12)]


def monthly_percent(
    entries: Iterable[LoggedProgress], measure_ids: list[int], fiscal_year: int, as_of: date
) -> list[tuple[date, float | None]]:
    """For each month end of the year, the mean latest percent of the measures (0 for one with
    nothing logged yet); None for months after the as-of date."""
    by_measure: dict[int, list[tuple[date, int]]] = {m: [] for m in measure_ids}
    for logged in entries:
        if logged.measure_id in by_measure:
            by_measure[logged.measure_id].append((logged.entry.date, logged.entry.percent))
    for days in by_measure.values():
        days.sort()
    result: list[tuple[date, float | None]] = []
    for month_end in month_ends(fiscal_year):
        if month_end > as_of and month_end.replace(day=1) > as_of:
            result.append((month_end, None))
            continue
        cutoff = min(month_end, as_of)
        values = []
        for days in by_measure.values():
            latest = [percent for day, percent in days if day <= cutoff]
            values.append(latest[-1] if latest else 0)
        result.append((month_end, sum(values) / len(values) if values else None))
    return result

"""The monthly review: for an as-of date, per unit, what is overdue, due next, behind schedule,
stale, done since the last meeting, and what changed since then."""

from dataclasses import dataclass, field
from datetime import date

from ita_tui.core import follow_up
from ita_tui.core.model import (
    Agency,
    Assessment,
    Decision,
    LoggedProgress,
    MeasureState,
    Meeting,
    TickedContent,
)
from ita_tui.core.thai_calendar import add_months
from ita_tui.db import queries
from ita_tui.db.connection import Database


@dataclass
class UnitReview:
    unit: str
    overdue: list[MeasureState] = field(default_factory=list)
    due_next_month: list[MeasureState] = field(default_factory=list)
    behind: list[MeasureState] = field(default_factory=list)
    stale: list[MeasureState] = field(default_factory=list)
    done_since: list[MeasureState] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.overdue or self.due_next_month or self.behind or self.stale or self.done_since
        )


@dataclass
class Review:
    agency: Agency
    as_of: date
    since: date
    last_meeting: Meeting | None
    assessments: list[Assessment]
    units: list[UnitReview]
    open_decisions: list[Decision]
    progress: list[LoggedProgress]
    ticked: list[TickedContent]
    status_changes: list[MeasureState]


def review(
    db: Database,
    agency_id: int,
    as_of: date,
    since: date | None = None,
    behind_gap: int = follow_up.BEHIND_GAP,
    stale_days: int = follow_up.STALE_DAYS,
) -> Review:
    meetings = [m for m in queries.meetings(db, agency_id) if m.held_on < as_of]
    last_meeting = meetings[-1] if meetings else None
    if since is None:
        since = last_meeting.held_on if last_meeting else add_months(as_of, -1)
    rows = queries.measures(db, agency_id, as_of, stale_days=stale_days)
    next_month = add_months(as_of, 1)
    units = []
    for unit in queries.units(db, agency_id):
        mine = [m for m in rows if unit.name in m.units]
        if not mine:
            continue
        entry = UnitReview(unit.name)
        for measure in mine:
            if measure.overdue:
                entry.overdue.append(measure)
            elif follow_up.is_due_by(measure, as_of, next_month):
                entry.due_next_month.append(measure)
            if follow_up.is_behind(measure, as_of, behind_gap):
                entry.behind.append(measure)
            # After a meeting, stale means untouched since it; before any, the usual rule.
            if follow_up.untouched_since(measure, as_of, since) if last_meeting else measure.stale:
                entry.stale.append(measure)
            if follow_up.done_between(measure, since, as_of):
                entry.done_since.append(measure)
        entry.overdue = follow_up.longest_overdue_first(entry.overdue)
        units.append(entry)
    changes = [
        m for m in rows if m.status_changed_on is not None and since < m.status_changed_on <= as_of
    ]
    agency = queries.agency_by_id(db, agency_id)
    assert agency is not None
    return Review(
        agency=agency,
        as_of=as_of,
        since=since,
        last_meeting=last_meeting,
        assessments=queries.assessments(db, agency_id),
        units=units,
        open_decisions=queries.decisions(db, agency_id, open_on=as_of),
        progress=queries.progress_since(db, agency_id, since, as_of),
        ticked=queries.contents_ticked_since(db, agency_id, since, as_of),
        status_changes=changes,
    )

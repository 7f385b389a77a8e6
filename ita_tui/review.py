"""The monthly review: for an as-of date, per unit, what is overdue, due next, behind schedule,
stale, done since the last meeting, and what changed since then."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from ita_tui.db import queries
from ita_tui.db.connection import Database
from ita_tui.follow_up import STALE_DAYS, is_open
from ita_tui.thai_calendar import add_months

BEHIND_GAP = 25  # percentage points below the share of the period already passed


def last_day_of_previous_month(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)


def expected_percent(start: date | None, end: date | None, as_of: date) -> int | None:
    """The share of a measure's period already passed, as a percentage; None without a period."""
    if start is None or end is None:
        return None
    if as_of < start:
        return 0
    total = (end - start).days + 1
    return min(100, round(100 * ((as_of - start).days + 1) / total))


@dataclass
class UnitReview:
    unit: str
    overdue: list[dict] = field(default_factory=list)
    due_next_month: list[dict] = field(default_factory=list)
    behind: list[dict] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)
    done_since: list[dict] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.overdue or self.due_next_month or self.behind or self.stale or self.done_since
        )


@dataclass
class Review:
    agency: dict
    as_of: date
    since: date
    last_meeting: dict | None
    assessments: list[dict]
    units: list[UnitReview]
    open_decisions: list[dict]
    progress: list[dict]
    ticked: list[dict]
    status_changes: list[dict]


def review(
    db: Database,
    agency_id: int,
    as_of: date,
    since: date | None = None,
    behind_gap: int = BEHIND_GAP,
    stale_days: int = STALE_DAYS,
) -> Review:
    meetings = [m for m in queries.meetings(db, agency_id) if m["held_on"] < as_of]
    last_meeting = meetings[-1] if meetings else None
    if since is None:
        since = last_meeting["held_on"] if last_meeting else add_months(as_of, -1)
    rows = queries.measures(db, agency_id, as_of, stale_days=stale_days)
    next_month = add_months(as_of, 1)
    for row in rows:
        row["expected"] = expected_percent(row["start"], row["end"], as_of)
        row["stale_since_meeting"] = (
            is_open(row["status"])
            and (row["start"] is None or row["start"] <= as_of)
            and (row["last_progress"] is None or row["last_progress"] <= since)
        )
    units = []
    for unit in queries.units(db, agency_id):
        mine = [r for r in rows if r["units"] and unit["name"] in r["units"]]
        if not mine:
            continue
        entry = UnitReview(unit["name"])
        for row in mine:
            open_now = is_open(row["status"])
            if row["overdue"]:
                entry.overdue.append(row)
            elif open_now and row["end"] is not None and as_of < row["end"] <= next_month:
                entry.due_next_month.append(row)
            if (
                open_now
                and not row["overdue"]
                and row["expected"] is not None
                and row["expected"] - row["percent"] >= behind_gap
            ):
                entry.behind.append(row)
            stale = row["stale_since_meeting"] if last_meeting else row["stale"]
            if stale:
                entry.stale.append(row)
            changed = row["status_changed_on"]
            if row["status"] == "done" and changed is not None and since < changed <= as_of:
                entry.done_since.append(row)
        entry.overdue.sort(key=lambda r: -r["days_overdue"])
        units.append(entry)
    changes = [
        r
        for r in rows
        if r["status_changed_on"] is not None and since < r["status_changed_on"] <= as_of
    ]
    return Review(
        agency={"id": agency_id, "name": _agency_name(db, agency_id)},
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


def _agency_name(db: Database, agency_id: int) -> str:
    return db.execute("SELECT name FROM agencies WHERE id = ?", (agency_id,)).fetchone()[0]

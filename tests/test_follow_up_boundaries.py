"""Each follow-up threshold on its edge: a measure exactly at it and one a day or a point short, as
of one date, judged in Python (the measure's own verdicts, `is_behind`) and in SQL (the filtered
list, its count). Moving a threshold by one (`>=` for `>`, `<` for `<=`) fails here."""

from datetime import date, timedelta

import pytest

from ita_tui.core import follow_up
from ita_tui.core.follow_up import BEHIND_GAP, DUE_SOON_DAYS, STALE_DAYS
from ita_tui.core.model import Measure, Plan, ProgressEntry, Unit
from ita_tui.db import open_database, queries
from ita_tui.documents import snapshot

AS_OF = date(2023, 3, 15)
DAY = timedelta(days=1)
FAR = AS_OF + timedelta(days=300)  # an end far enough off to be neither overdue nor due soon


def _measure(
    number: int, title: str, start: date, end: date, progress: tuple = (), status="in_progress"
) -> Measure:
    return Measure(
        id=number,
        fiscal_year=2566,
        title=title,
        units=("กองคลัง",),
        start=start,
        end=end,
        period="-",
        status=status,
        progress=progress,
    )


def _logged(day: date, percent: int = 90) -> tuple[ProgressEntry, ...]:
    return (ProgressEntry(date=day, percent=percent),)


# A hundred-day period half passed as of AS_OF: 50 % of it is expected.
HALF_START, HALF_END = AS_OF - timedelta(days=49), AS_OF + timedelta(days=50)
RECENT = AS_OF - DAY

MEASURES = [
    _measure(1, "ends the day before", AS_OF - 30 * DAY, AS_OF - DAY, _logged(RECENT)),
    _measure(2, "ends on the day", AS_OF - 30 * DAY, AS_OF, _logged(RECENT)),
    _measure(3, "ends at the due-soon edge", AS_OF - DAY, AS_OF + DUE_SOON_DAYS * DAY),
    _measure(4, "ends a day past it", AS_OF - DAY, AS_OF + (DUE_SOON_DAYS + 1) * DAY),
    _measure(5, "logged stale days ago", AS_OF - 400 * DAY, FAR, _logged(AS_OF - STALE_DAYS * DAY)),
    _measure(
        6, "logged a day later", AS_OF - 400 * DAY, FAR, _logged(AS_OF - (STALE_DAYS - 1) * DAY)
    ),
    _measure(7, "started stale days ago", AS_OF - STALE_DAYS * DAY, FAR),
    _measure(8, "started a day later", AS_OF - (STALE_DAYS - 1) * DAY, FAR),
    _measure(9, "behind by the gap", HALF_START, HALF_END, _logged(RECENT, 50 - BEHIND_GAP)),
    _measure(10, "a point short", HALF_START, HALF_END, _logged(RECENT, 50 - BEHIND_GAP + 1)),
    # 49 days of 200 passed is 24.5 % expected: Python rounds half to even, 24, a point short
    # of the gap; rounded half up it would be behind. The SQL twin must round as Python does.
    _measure(
        11,
        "half a point short",
        AS_OF - 48 * DAY,
        AS_OF + 151 * DAY,
        _logged(RECENT, 24 - (BEHIND_GAP - 1)),
    ),
]

EXPECTED = {
    "overdue": {"ends the day before"},
    "due_soon": {"ends on the day", "ends at the due-soon edge"},
    "stale": {"logged stale days ago", "started stale days ago"},
    "behind": {"behind by the gap"},
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("edges") / "edges.db", create=True)
    plan = Plan(agency="หน่วยงานขอบ", units=(Unit("กองคลัง"),), measures=tuple(MEASURES))
    snapshot.import_plan(db, plan, "test")
    agency = queries.agencies(db)[0]
    return db, agency.id


def _python_verdicts(every) -> dict[str, set[str]]:
    return {
        "overdue": {m.title for m in every if m.overdue},
        "due_soon": {m.title for m in every if m.due_soon},
        "stale": {m.title for m in every if m.stale},
        "behind": {m.title for m in every if follow_up.is_behind(m, AS_OF)},
    }


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_python_puts_each_edge_on_the_right_side(store, rule):
    db, agency_id = store
    every = queries.measures(db, agency_id, AS_OF)
    assert _python_verdicts(every)[rule] == EXPECTED[rule]


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_sql_puts_each_edge_on_the_right_side(store, rule):
    db, agency_id = store
    listed = queries.measures(db, agency_id, AS_OF, follow=rule)
    assert {m.title for m in listed} == EXPECTED[rule]
    assert queries.count_measures(db, agency_id, AS_OF, follow=rule) == len(EXPECTED[rule])


def test_the_half_point_rounds_to_even():
    assert follow_up.expected_percent(AS_OF - 48 * DAY, AS_OF + 151 * DAY, AS_OF) == 24


@pytest.mark.parametrize("days", [7, 60])
def test_stale_follows_the_setting_to_the_day(store, days):
    """The user's own number of days is the edge, in Python and in SQL."""
    db, agency_id = store
    every = queries.measures(db, agency_id, AS_OF + (days - STALE_DAYS) * DAY, stale_days=days)
    listed = queries.measures(
        db, agency_id, AS_OF + (days - STALE_DAYS) * DAY, stale_days=days, follow="stale"
    )
    stale = {m.title for m in every if m.stale}
    assert {"logged stale days ago", "started stale days ago"} <= stale
    assert not {"logged a day later", "started a day later"} & stale
    assert {m.title for m in listed} == stale


def test_the_settings_default_to_the_rules_thresholds(tmp_path):
    from ita_tui.files.settings import Settings, load

    loaded, problems = load(tmp_path / "none.toml")
    assert problems == []
    assert (loaded.stale_days, loaded.behind_gap) == (STALE_DAYS, BEHIND_GAP)
    assert (Settings().stale_days, Settings().behind_gap) == (STALE_DAYS, BEHIND_GAP)

"""The follow-up rules are written twice, in Python for a measure in hand and in SQL for a plan of
any size (ita_tui/core/follow_up.py). On generated plans, over many as-of dates, both forms must give
every measure the same verdict: the list a supervisor filters, the count on the overview, the
national table and `overdue --json` can never disagree with the measure's own page."""

import json
import random
from datetime import date, timedelta

import pytest

from ita_tui.core.follow_up import is_behind
from ita_tui.core.model import MEASURE_STATUSES, Measure, Plan, ProgressEntry, Unit
from ita_tui.db import open_database, queries
from ita_tui.documents import snapshot

FIRST_DAY = date(2022, 9, 1)


def _day(rng: random.Random, spread: int = 500) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange(spread))


def generated_plan(seed: int, size: int = 60) -> Plan:
    rng = random.Random(seed)
    units = (Unit("กองคลัง"), Unit("กองช่าง"), Unit("งานนิติการ"))
    measures = []
    for number in range(1, size + 1):
        start = _day(rng) if rng.random() < 0.8 else None
        end = (
            start + timedelta(days=rng.randrange(0, 200)) if start and rng.random() < 0.9 else None
        )
        if start is None and rng.random() < 0.3:
            end = _day(rng)
        status = rng.choice(MEASURE_STATUSES)
        progress = tuple(
            ProgressEntry(date=_day(rng), percent=rng.randrange(0, 101))
            for _ in range(rng.choice((0, 0, 1, 2, 3)))
        )
        measures.append(
            Measure(
                id=number,
                fiscal_year=rng.choice((2565, 2566, 2567)),
                title=f"มาตรการที่ {number}",
                units=(rng.choice(units).name,),
                start=start,
                end=end,
                period="-",
                status=status,
                drop_reason="เลิก" if status == "dropped" else None,
                progress=progress,
            )
        )
    return Plan(agency=f"หน่วยงาน {seed}", units=units, measures=tuple(measures))


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("rules") / "rules.db", create=True)
    for seed in range(4):
        snapshot.import_plan(db, generated_plan(seed), "test")
    return db


AS_OF_DATES = [FIRST_DAY + timedelta(days=d) for d in range(-40, 560, 13)]


@pytest.mark.parametrize("stale_days", [30, 7])
def test_python_and_sql_agree_on_every_measure_over_the_year(plans, stale_days):
    checked = 0
    for agency in queries.agencies(plans):
        for as_of in AS_OF_DATES:
            every = queries.measures(plans, agency.id, as_of, stale_days=stale_days)
            verdicts = {
                "overdue": {m.id for m in every if m.overdue},
                "due_soon": {m.id for m in every if m.due_soon},
                "stale": {m.id for m in every if m.stale},
                "behind": {m.id for m in every if is_behind(m, as_of)},
            }
            for follow, expected in verdicts.items():
                found = queries.measures(
                    plans, agency.id, as_of, stale_days=stale_days, follow=follow
                )
                assert {m.id for m in found} == expected, (agency.name, as_of, follow)
                counted = queries.count_measures(
                    plans, agency.id, as_of, stale_days=stale_days, follow=follow
                )
                assert counted == len(expected)
                checked += len(expected)
            listed = json.loads(
                "[" + ",".join(queries.overdue_json_items(plans, agency.id, as_of)) + "]"
            )
            by_id = {m.id: m for m in every}
            assert {item["id"] for item in listed} == verdicts["overdue"]
            for item in listed:
                measure = by_id[item["id"]]
                assert item["days_overdue"] == measure.days_overdue
                assert item["outside_fiscal_year"] == measure.outside_fiscal_year
    assert checked > 500  # the generated plans exercise every rule, not empty sets


def test_the_national_table_counts_what_the_measures_say(plans):
    for as_of in AS_OF_DATES[::4]:
        rows, total = queries.agency_summaries(plans, as_of, limit=50)
        assert total == 4
        for row in rows:
            every = queries.measures(plans, row["id"], as_of)
            assert row["measures"] == len(every)
            assert row["overdue"] == sum(m.overdue for m in every), as_of
            assert row["stale"] == sum(m.stale for m in every), as_of

"""A measure's budget and what it has spent; a progress entry's problems (ปัญหาอุปสรรค) and
suggestions (ข้อเสนอแนะ): stored, upgraded into old databases, written to and read from the
snapshot, refused when they are not what they say."""

import os
import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from ita_tui.core.i18n import translate
from ita_tui.core.model import Measure, field_names
from ita_tui.db import open_database, queries
from ita_tui.db.schema import MIGRATIONS
from ita_tui.desk import Desk
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import SnapshotInvalid, validate
from tests.hostile import ACCEPTED
from tests.refusals import expect_refusal

AS_OF = date(2023, 4, 3)


@pytest.fixture
def desk():
    db = open_database(":memory:")
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    return Desk(db, as_of=AS_OF)


def edited(measure, **changes) -> Measure:
    """A measure as a form hands it to the desk: its plan's fields, some changed."""
    return replace(
        Measure(**{name: getattr(measure, name) for name in field_names(Measure)}), **changes
    )


def _older_database(path: Path) -> None:
    """A database of the schema before budgets, with a measure and its progress."""
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m012_budgets_and_obstacles")
    old.execute("INSERT INTO agencies (id, name) VALUES (1, 'อบต.เก่า')")
    old.execute("INSERT INTO units (id, agency_id, name, position) VALUES (1, 1, 'กองคลัง', 1)")
    old.execute(
        "INSERT INTO measures (id, agency_id, fiscal_year, position, title, start_date, end_date)"
        " VALUES (1, 1, 2566, 1, 'มาตรการเดิม', '2022-10-01', '2023-09-30')"
    )
    old.execute(
        "INSERT INTO measure_units (measure_id, unit_id, role, position) VALUES (1, 1, 'lead', 0)"
    )
    old.execute(
        "INSERT INTO progress (measure_id, entry_date, percent, note, recorded_by, recorded_at)"
        " VALUES (1, '2023-01-10', 20, 'เริ่มแล้ว', 'สมชาย', '2023-01-10T03:00:00+00:00')"
    )
    old.conn.commit()
    old.close()
    os.chmod(path, 0o600)


def test_an_older_database_gains_budgets_and_obstacles_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    _older_database(path)
    desk = Desk(open_database(path), as_of=AS_OF)
    measure = desk.measure(1)
    assert measure.title == "มาตรการเดิม" and measure.budget is None
    assert measure.budget_used is None
    (entry,) = measure.progress
    assert (entry.note, entry.problems, entry.suggestions) == ("เริ่มแล้ว", None, None)

    desk.save_measure(edited(measure, budget=Decimal("5000.5")))
    desk.log_progress(1, date(2023, 2, 1), 40, problems="รองบ", suggestions="ขอโอนงบ")
    again = desk.measure(1)
    assert again.budget == Decimal("5000.50")
    assert [(e.percent, e.problems, e.suggestions) for e in again.progress] == [
        (40, "รองบ", "ขอโอนงบ"),
        (20, None, None),
    ]


def test_saving_a_measure_keeps_its_budget_and_tells_none_from_zero(desk):
    measure = desk.measure(3)
    assert measure.budget is None
    desk.save_measure(edited(measure, budget=Decimal(0)))
    assert desk.measure(3).budget == Decimal(0) and desk.measure(3).budget is not None
    desk.save_measure(edited(desk.measure(3), budget=Decimal("120000"), budget_used=Decimal("0.5")))
    # Saved again with another change, the budget and the spending stay.
    desk.save_measure(edited(desk.measure(3), title="ชื่อใหม่"))
    kept = desk.measure(3)
    assert (kept.title, kept.budget, kept.budget_used) == (
        "ชื่อใหม่",
        Decimal(120000),
        Decimal("0.50"),
    )


@pytest.mark.parametrize(
    "budget, key",
    [
        (Decimal(-1), "measure.budget_not_baht"),
        (Decimal("1.005"), "measure.budget_not_baht"),
        (Decimal("NaN"), "measure.budget_not_baht"),
    ],
)
def test_a_measure_saved_with_a_budget_that_is_not_an_amount_is_refused(desk, budget, key):
    before = desk.measure(3)
    with expect_refusal(key) as refused:
        desk.save_measure(edited(before, budget=budget))
    assert "งบประมาณ" in refused.value.message("th") and "budget" in refused.value.message("en")
    assert desk.measure(3) == before


def test_a_spending_that_is_not_an_amount_is_refused(desk):
    with expect_refusal("measure.budget_used_not_baht"):
        desk.save_measure(edited(desk.measure(3), budget_used=Decimal(-5)))


def _plan(**measure) -> dict:
    return {
        "format": "ita-tui-snapshot",
        "version": 1,
        "agency": {"name": "อบต.ทดสอบ"},
        "units": [{"name": "กองคลัง"}],
        "measures": [
            {
                "fiscal_year": 2567,
                "title": "มาตรการ",
                "units": ["กองคลัง"],
                "period": "ปีงบประมาณ 2567",
                **measure,
            }
        ],
    }


@pytest.mark.parametrize(
    "value, read",
    [
        (0, Decimal(0)),
        (15000, Decimal(15000)),
        (15000.5, Decimal("15000.50")),
        (0.1, Decimal("0.10")),
        (999_999_999_999.99, Decimal("999999999999.99")),
    ],
)
def test_a_budget_is_read_as_an_exact_amount(value, read):
    plan = validate(_plan(budget=value, budget_used=value))
    assert plan.measures[0].budget == read and plan.measures[0].budget_used == read


@pytest.mark.parametrize(
    "value",
    [-1, -0.01, "15000", "หนึ่งหมื่น", 1.005, float("nan"), float("inf"), True, 1e12, [1]],
    ids=repr,
)
@pytest.mark.parametrize("key", ["budget", "budget_used"])
def test_a_budget_that_is_not_an_amount_of_baht_is_refused_naming_its_place(value, key):
    with pytest.raises(SnapshotInvalid) as refused:
        validate(_plan(**{key: value}), "plan.toml")
    assert [(p.path, p.key) for p in refused.value.problems] == [
        (f"measures[0].{key}", "snapshot.not_baht")
    ]
    thai, english = refused.value.message("th"), refused.value.message("en")
    assert f"measures[0].{key}: {repr(value)} ไม่ใช่จำนวนเงินบาท" in thai
    assert f"measures[0].{key}: {repr(value)} is not an amount of baht" in english


@pytest.mark.parametrize("key", ["problems", "suggestions"])
def test_problems_and_suggestions_must_be_text(key):
    document = _plan(progress=[{"date": "2023-11-01", "percent": 10, key: 5}])
    with pytest.raises(SnapshotInvalid) as refused:
        validate(document)
    assert [(p.path, p.key) for p in refused.value.problems] == [
        (f"measures[0].progress[0].{key}", "snapshot.not_text")
    ]


def test_a_snapshot_written_before_budgets_imports_with_none_stated():
    plan = snapshot.sample_plan()
    assert all(m.budget is None and m.budget_used is None for m in plan.measures)
    db = open_database(":memory:")
    snapshot.import_plan(db, plan, "test")
    text = snapshot.dumps(snapshot.build(db, AS_OF))
    assert "budget" not in text and "problems" not in text and "suggestions" not in text


def test_budgets_and_obstacles_are_written_to_the_snapshot(desk):
    desk.save_measure(edited(desk.measure(3), budget=Decimal(0), budget_used=Decimal("10.25")))
    desk.save_measure(edited(desk.measure(4), budget=Decimal("250000")))
    desk.log_progress(5, date(2023, 3, 1), 20, problems="ขาดผู้รับผิดชอบ", suggestions="มอบหมายใหม่")
    document = tomllib.loads(desk.snapshot(AS_OF))
    measures = {m["id"]: m for m in document["measures"]}
    # TOML numbers in baht: a whole amount as an integer, 0 as no budget.
    assert (measures[3]["budget"], measures[3]["budget_used"]) == (0, 10.25)
    assert measures[4]["budget"] == 250000 and isinstance(measures[4]["budget"], int)
    assert "budget" not in measures[5]
    (entry,) = measures[5]["progress"]
    assert (entry["problems"], entry["suggestions"]) == ("ขาดผู้รับผิดชอบ", "มอบหมายใหม่")


def test_the_hostile_corpus_as_problems_and_suggestions_survives_the_snapshot(desk):
    for case in ACCEPTED:
        desk.log_progress(2, date(2023, 3, 15), 30, problems=case.text, suggestions=case.text)
    text = desk.snapshot(AS_OF)
    # Data keeps its characters as escapes: nothing a terminal acts on is written raw.
    assert "\x1b" not in text and "\x07" not in text
    other = open_database(":memory:")
    snapshot.import_plan(other, validate(tomllib.loads(text)), "test")
    agency = queries.agency(other).id
    logged = [e.entry for e in queries.progress_entries(other, agency) if e.measure_id == 2]
    assert [e.problems for e in logged] == [case.expected for case in ACCEPTED]
    assert [e.suggestions for e in logged] == [case.expected for case in ACCEPTED]


def test_translations_of_the_new_messages_name_the_amount():
    assert "12x" in translate("snapshot.not_baht", "th", value="12x")
    assert "12x" in translate("measure.budget_used_not_baht", "en", value="12x")

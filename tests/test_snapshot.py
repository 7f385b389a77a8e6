"""The snapshot format: what an export holds, and what an import refuses."""

import tomllib
from datetime import date

import pytest

from ita_tui.db import open_database, queries
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import SnapshotInvalid, validate
from tests.refusals import expect_refusal


@pytest.fixture
def db():
    database = open_database(":memory:")
    snapshot.import_plan(database, snapshot.sample_plan(), "test")
    return database


def test_export_holds_status_overdue_and_a_summary_per_unit(db):
    document = tomllib.loads(snapshot.dumps(snapshot.build(db, date(2023, 4, 3))))
    assert document["format"] == "ita-tui-snapshot" and document["version"] == 1
    assert document["as_of"] == date(2023, 4, 3)
    assert "generated_at" in document
    measures = {m["id"]: m for m in document["measures"]}
    assert measures[2]["overdue"] is True and measures[2]["days_overdue"] == 3
    assert measures[1]["overdue"] is False and measures[1]["percent"] == 0
    assert measures[11]["flags"] == ["period_outside_fiscal_year"]
    assert len(measures[1]["contents"]) == 5
    summary = {row["unit"]: row for row in document["summary"]}
    assert summary["กองคลัง"] == {
        "unit": "กองคลัง", "measures": 2, "not_started": 0, "in_progress": 0, "done": 0, "dropped": 2, "carried": 0, "overdue": 0,
    }  # fmt: skip
    assert summary["กองยุทธศาสตร์และงบประมาณ"]["measures"] == 3
    assert summary["งานนิติการ"]["overdue"] == 1
    assert document["assessments"][1]["computed_overall"] == 80.61


def test_reimporting_the_same_agency_replaces_it_and_keeps_measure_numbers(db):
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    agency_id = queries.agency(db).id
    rows = queries.measures(db, agency_id, date(2023, 4, 3))
    assert [r.id for r in rows] == list(range(1, 12))
    assert len(queries.agencies(db)) == 1


def minimal(**overrides):
    document = {
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
            }
        ],
    }
    document.update(overrides)
    return document


def test_a_minimal_plan_is_valid():
    plan = validate(minimal())
    assert plan.measures[0].end == date(2024, 9, 30)


def test_every_problem_of_a_file_is_reported_at_once():
    document = minimal(
        extra="?",
        measures=[
            {
                "fiscal_year": 2567,
                "title": "ก",
                "units": ["กองช่าง"],
                "end": "31/02/2566",
                "colour": "red",
            },
            {"fiscal_year": "2567", "title": "", "units": ["กองคลัง"], "period": "ตลอดปี"},
            {"fiscal_year": 2567, "title": "ข", "units": ["กองคลัง"], "status": "late"},
            {
                "fiscal_year": 2567,
                "title": "ค",
                "units": ["กองคลัง"],
                "status": "dropped",
                "progress": [{"date": "2023-01-01", "percent": 140}],
            },
        ],
    )
    with pytest.raises(SnapshotInvalid) as error:
        validate(document)
    found = {(p.path, p.key) for p in error.value.problems}
    assert found >= {
        ("extra", "snapshot.unknown_key"),
        ("measures[0].colour", "snapshot.unknown_key"),
        ("measures[0].units[0]", "snapshot.unknown_unit"),
        ("measures[0].end", "snapshot.not_date"),
        ("measures[1].fiscal_year", "snapshot.not_integer"),
        ("measures[1].title", "snapshot.empty_text"),
        ("measures[1].period", "period.needs_year"),
        ("measures[2].status", "snapshot.not_choice"),
        ("measures[3].drop_reason", "snapshot.need_drop_reason"),
        ("measures[3].progress[0].percent", "snapshot.out_of_range"),
    }
    message = error.value.message("en")
    assert "measures[0].end: “31/02/2566” is not a date" in message
    assert "the file has" in message.splitlines()[0]


def test_text_is_normalised_on_import():
    plan = validate(
        minimal(agency={"name": "อบต.\u200bทดสอบ\ufeff"}, units=[{"name": "กองคลัง\u00ad"}])
    )
    assert plan.agency == "อบต.ทดสอบ"
    assert plan.units[0].name == "กองคลัง"
    assert plan.measures[0].units == ("กองคลัง",)


def test_a_wrong_version_or_missing_agency_is_refused():
    with expect_refusal("snapshot.invalid") as error:
        validate(minimal(version=2))
    assert "version 2 is not supported" in str(error.value)
    document = minimal()
    del document["agency"]
    with pytest.raises(SnapshotInvalid) as error:
        validate(document)
    assert ("agency", "snapshot.missing_key") in {(p.path, p.key) for p in error.value.problems}


def test_corrections_survive_the_round_trip(db):
    from ita_tui.db import writes

    first = writes.log_progress(db, 2, date(2023, 3, 1), 30, "ก", date(2023, 4, 3))
    writes.log_progress(db, 2, date(2023, 3, 1), 25, "ข", date(2023, 4, 3), corrects=first)
    text = snapshot.dumps(snapshot.build(db, date(2023, 4, 3)))
    other = open_database(":memory:")
    snapshot.import_plan(other, validate(tomllib.loads(text)), "test")
    again = snapshot.dumps(snapshot.build(other, date(2023, 4, 3)))

    def strip(t):
        return [
            x
            for x in t.splitlines()
            if not x.startswith(("generated_at", "journal_head", "journal_entry"))
        ]  # noqa: E731

    assert strip(text) == strip(again)
    assert other.execute("SELECT percent, corrects_id FROM progress ORDER BY id").fetchall() == [
        (30, None),
        (25, 1),
    ]

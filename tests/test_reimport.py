"""Importing a plan again writes only what changed: the journal, ids, people's units, progress
history and meetings stay as they are for whatever the file leaves alone."""

import sqlite3
from datetime import date

import pytest

from ita_tui.db import journal, open_database, queries, writes
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import validate
from tests.conftest import dump
from tests.plan_factory import big_plan_text
from tests.refusals import expect_refusal

AS_OF = date(2023, 4, 3)


def _entries(db) -> int:
    return db.execute("SELECT count(*) FROM journal").fetchone()[0]


def _new_entries(db, since: int) -> list[tuple[str, str, str]]:
    """(subject, key, what) of each entry after `since`: what is insert, update or delete."""
    rows = db.execute(
        "SELECT subject, subject_key, before IS NULL, after IS NULL FROM journal WHERE id > ?"
        " ORDER BY id",
        (since,),
    ).fetchall()
    return [
        (subject, key, "insert" if no_before else "delete" if no_after else "update")
        for subject, key, no_before, no_after in rows
    ]


def _document(db, agency: str | None = None) -> dict:
    import tomllib

    return tomllib.loads(snapshot.dumps(snapshot.build(db, AS_OF, agency)))


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "plan.db", create=True)
    snapshot.import_plan(database, snapshot.sample_plan(), "ผู้นำเข้า")
    writes.log_progress(database, 2, date(2023, 3, 1), 40, "สมชาย", AS_OF, note="ร่างแล้ว")
    writes.tick_content(database, 1, date(2023, 2, 1), "สมชาย")
    meeting = writes.add_meeting(database, 1, date(2023, 3, 31), "ปลัด")
    writes.add_decision(database, 1, meeting, "เร่งรัด", measure_id=2, by="ปลัด")
    return database


def test_reimporting_an_unchanged_plan_writes_nothing(db):
    document = _document(db)
    before, rows_before = _entries(db), dump(db.location())
    snapshot.import_plan(db, validate(document), "คนอื่น")
    assert _new_entries(db, before) == [("agencies", "1", "update")]  # when the file was written
    again = _entries(db)
    snapshot.import_plan(db, validate(document), "คนอื่น")
    assert _entries(db) == again
    changed = [line for line in dump(db.location()) if line not in rows_before]
    assert sorted(line.split(" VALUES")[0] for line in changed) == [
        'INSERT INTO "agencies"',  # its snapshot_generated_at
        'INSERT INTO "journal"',
    ]
    # Meetings and decisions, which a plan file does not hold, stay.
    assert db.execute("SELECT measure_id, text FROM decisions").fetchall() == [(2, "เร่งรัด")]
    assert journal.verify(db) == []


def test_reimporting_the_sample_plan_file_writes_nothing(tmp_path):
    db = open_database(tmp_path / "plan.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "ก")
    before = _entries(db)
    snapshot.import_plan(db, snapshot.sample_plan(), "ข")
    assert _entries(db) == before


def _rows_of_measure(db, measure_id: int) -> set[tuple[str, str, str]]:
    """The journal's (subject, key, "delete") for every row that goes with a measure."""
    gone = {("measures", str(measure_id), "delete")}
    for table in ("measure_contents", "progress"):
        for (row_id,) in db.execute(f"SELECT id FROM {table} WHERE measure_id = ?", (measure_id,)):
            gone.add((table, str(row_id), "delete"))
    for table, column in (("measure_units", "unit_id"), ("measure_findings", "finding_id")):
        for (other,) in db.execute(
            f"SELECT {column} FROM {table} WHERE measure_id = ?", (measure_id,)
        ):
            gone.add((table, f"{measure_id}:{other}", "delete"))
    return gone


def test_a_changed_plan_journals_what_changed_and_keeps_the_rest(db):
    document = _document(db)
    snapshot.import_plan(db, validate(document), "ก")
    measures = {m["id"]: m for m in document["measures"]}
    measures[1]["title"] += " (ปรับปรุง)"
    measures[2]["progress"].append({"date": date(2023, 3, 20), "percent": 60, "by": "สมศรี"})
    measures[5]["contents"][0]["done_on"] = date(2023, 3, 5)
    measures[7]["units"] = [*measures[7]["units"], "กองคลัง"]
    document["measures"] = [m for m in document["measures"] if m["id"] != 10]
    progress_ids = [r[0] for r in db.execute("SELECT id FROM progress ORDER BY id")]
    first_content_of_5 = db.execute(
        "SELECT id FROM measure_contents WHERE measure_id = 5 ORDER BY position LIMIT 1"
    ).fetchone()[0]
    treasury = queries.find_unit(db, 1, "กองคลัง").id
    tenth = _rows_of_measure(db, 10)
    before = _entries(db)
    snapshot.import_plan(db, validate(document), "ก")
    new = _new_entries(db, before)
    assert sorted(e for e in new if e not in tenth) == sorted(
        [
            ("measures", "1", "update"),
            ("measures", "11", "update"),  # now 10th in the plan
            ("progress", str(max(progress_ids) + 1), "insert"),
            ("measure_contents", str(first_content_of_5), "update"),
            ("measure_units", f"7:{treasury}", "insert"),
        ]
    )
    assert {e for e in new if e in tenth} == tenth
    kept = [r[0] for r in db.execute("SELECT id FROM progress ORDER BY id")]
    assert kept == [*progress_ids, max(progress_ids) + 1]
    assert db.execute("SELECT measure_id FROM decisions").fetchall() == [(2,)]
    assert journal.verify(db) == []


def test_a_removed_measure_leaves_its_decisions_without_it(db):
    document = _document(db)
    document["measures"] = [m for m in document["measures"] if m["id"] != 2]
    snapshot.import_plan(db, validate(document), "ก")
    assert db.execute("SELECT measure_id, text FROM decisions").fetchall() == [(None, "เร่งรัด")]
    assert db.execute("SELECT count(*) FROM progress WHERE measure_id = 2").fetchone() == (0,)
    assert journal.verify(db) == []


def test_people_keep_their_units_and_lose_only_a_removed_one(db):
    from ita_tui.core.access import Actor
    from ita_tui.db.people import add_person, unit_ids_of

    admin = Actor(name="ผู้ดูแล", role="administrator")
    treasury = queries.find_unit(db, 1, "กองคลัง").id
    legal = queries.find_unit(db, 1, "งานนิติการ").id
    add_person(db, admin, "somchai", "สมชาย", "officer", [treasury, legal])
    document = _document(db)
    document["units"] = [u for u in document["units"] if u["name"] != "กองคลัง"]
    for measure in document["measures"]:
        measure["units"] = [u for u in measure["units"] if u != "กองคลัง"] or ["งานนิติการ"]
    document["summary"] = []
    snapshot.import_plan(db, validate(document), "ก")
    assert unit_ids_of(db, "somchai") == [legal]
    assert journal.verify(db) == []


def test_an_aggregate_database_reimports_an_unchanged_agency_without_writing(tmp_path):
    db = open_database(tmp_path / "national.db", create=True)
    text = snapshot.dumps(snapshot.build(_sample(tmp_path), AS_OF))
    for name in ("เทศบาลตำบลก", "เทศบาลตำบลข"):
        renamed = text.replace('name = "เทศบาลตำบลมวกเหล็ก"', f'name = "{name}"', 1)
        snapshot.import_plan(db, validate(snapshot.loads(renamed, name)), "ก")
    second = queries.agency(db, "เทศบาลตำบลข").id
    ids = [r[0] for r in db.execute("SELECT id FROM measures WHERE agency_id = ?", (second,))]
    assert min(ids) > 11  # its measure numbers were taken by the first agency
    before = _entries(db)
    renamed = text.replace('name = "เทศบาลตำบลมวกเหล็ก"', 'name = "เทศบาลตำบลข"', 1)
    snapshot.import_plan(db, validate(snapshot.loads(renamed, "ข")), "ก")
    assert _entries(db) == before
    assert [
        r[0] for r in db.execute("SELECT id FROM measures WHERE agency_id = ?", (second,))
    ] == ids


def _sample(tmp_path):
    db = open_database(tmp_path / "sample.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "ก")
    writes.log_progress(db, 2, date(2023, 3, 1), 40, "สมชาย", AS_OF)
    return db


def test_a_failed_reimport_changes_nothing(db, monkeypatch):
    document = _document(db)
    document["measures"][0]["title"] = "ใหม่"
    document["measures"][3]["title"] = "ใหม่เช่นกัน"
    before = dump(db.location())
    calls = []
    real_update = journal.update

    def failing_update(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real_update(*args, **kwargs)

    monkeypatch.setattr(journal, "update", failing_update)
    with expect_refusal("db.disk_full"):
        snapshot.import_plan(db, validate(document), "ก")
    assert dump(db.location()) == before


def test_a_big_unchanged_plan_reimports_without_a_journal_entry(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(big_plan_text(300), "utf-8")
    db = open_database(tmp_path / "big.db", create=True)
    snapshot.import_file(db, path, "ก")
    before = _entries(db)
    snapshot.import_file(db, path, "ข")
    assert _entries(db) == before

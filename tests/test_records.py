"""Records beyond doubt: many writers at once, crashes, tampering, backups, schema versions."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date

import pytest

from ita_tui.core.model import ChecklistItem, Measure
from ita_tui.db import journal, open_database, writes
from ita_tui.db.schema import MIGRATIONS
from ita_tui.documents import snapshot
from tests.conftest import dump
from tests.plan_factory import big_plan_text
from tests.refusals import expect_refusal

WRITER = """
import sys
from datetime import date
from ita_tui.db import open_database, writes
db = open_database(sys.argv[1])
open_measures = [1, 2, 5, 6, 7, 8, 9, 10, 11]
for n in range(int(sys.argv[3])):
    writes.log_progress(db, open_measures[n % 9], date(2023, 1, 1 + n % 28), n % 101, sys.argv[2], date(2023, 4, 3), note=f"{sys.argv[2]} {n}")

"""


def test_eight_writers_at_once_lose_nothing(sample_db):
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(sample_db), f"officer-{n}", "200"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
        assert "locked" not in errors
    db = open_database(sample_db)
    assert db.execute("SELECT count(*) FROM progress").fetchone()[0] == 1600
    per_officer = dict(
        db.execute("SELECT recorded_by, count(*) FROM progress GROUP BY recorded_by").fetchall()
    )
    assert per_officer == {f"officer-{n}": 200 for n in range(8)}
    assert journal.verify(db) == []


def counts(path) -> tuple[str, int, int]:
    """Integrity and what the plan holds, read only: a missing database stays missing."""
    if not path.exists():
        return "ok", 0, 0
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "measures" not in tables:
            return check, 0, 0
        measures = connection.execute("SELECT count(*) FROM measures").fetchone()[0]
        progress = connection.execute("SELECT count(*) FROM progress").fetchone()[0]
        return check, measures, progress
    finally:
        connection.close()


def import_command(database, plan) -> list[str]:
    return [sys.executable, "-m", "ita_tui", "--db", str(database), "import", str(plan)]


@pytest.mark.slow
def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path):
    plan = tmp_path / "big.toml"
    plan.write_text(big_plan_text(3000), "utf-8")
    # How long a whole import takes on this machine now: each kill falls somewhere within it.
    started = time.monotonic()
    subprocess.run(import_command(tmp_path / "whole.db", plan), check=True, capture_output=True)
    whole = time.monotonic() - started
    rng = random.Random(20231001)
    killed_half_way = 0
    for attempt in range(10):
        database = tmp_path / f"crash-{attempt}.db"
        process = subprocess.Popen(
            import_command(database, plan), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, whole))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check, measures, progress = counts(database)
        assert check == "ok", f"attempt {attempt}"
        assert (measures, progress) in {(0, 0), (3000, 6000)}, (
            f"attempt {attempt}: {measures} measures"
        )
        if database.exists() and not measures:
            killed_half_way += 1
            if killed_half_way > 3:
                continue
            # What the kill left takes the same import whole.
            finished = subprocess.run(import_command(database, plan), capture_output=True)
            assert finished.returncode == 0, finished.stderr.decode()
            assert counts(database) == ("ok", 3000, 6000)
            db = open_database(database)
            assert journal.verify(db) == []
            db.close()
    # Some kills fell after the database was made and before the plan was in: the case at issue.
    assert killed_half_way > 0


@pytest.mark.slow
def test_a_progress_entry_killed_half_way_is_all_or_nothing(sample_db):
    rng = random.Random(7)
    for _ in range(10):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(sample_db), "cron", "100000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check, _, progress = counts(sample_db)
        assert check == "ok"
    db = open_database(sample_db)
    assert journal.verify(db) == []
    assert db.execute("SELECT count(*) FROM progress").fetchone()[0] > 0


def tamper(path, *statements):
    """Edit behind the tool's back as a careful intruder would: the journal's guards are
    lifted for the edit and put back after it, so that the schema looks untouched."""
    connection = sqlite3.connect(path)
    guards = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND tbl_name IN ('journal', 'access_events')"
    ).fetchall()
    for name, _ in guards:
        connection.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        connection.execute(statement)
    for _, sql in guards:
        connection.execute(sql)
    connection.commit()
    connection.close()


@pytest.fixture
def logged_db(sample_db, run):
    for n, percent in enumerate((10, 20, 30), start=1):
        assert (
            run(
                "--db",
                str(sample_db),
                "log",
                "2",
                "--percent",
                str(percent),
                "--date",
                f"2023-0{n}-01",
            ).code
            == 0
        )
    assert run("--db", str(sample_db), "verify").code == 0
    return sample_db


TAMPERING = {
    "edit an entry": ["UPDATE journal SET by = 'someone else' WHERE id = 40"],
    "edit the newest entry": [
        "UPDATE journal SET after = replace(after, '30', '90') WHERE id = (SELECT max(id) FROM journal)"
    ],
    "delete an entry": ["DELETE FROM journal WHERE id = 40"],
    "delete the newest entry": ["DELETE FROM journal WHERE id = (SELECT max(id) FROM journal)"],
    "insert an entry": [
        "INSERT INTO journal (id, at, by, action, subject, subject_key, before, after, prev_hash, hash)"
        " SELECT max(id) + 1, at, by, action, subject, subject_key, before, after, prev_hash, hash FROM journal"
    ],
    "reorder two entries": [
        "UPDATE journal SET id = -1 WHERE id = 40",
        "UPDATE journal SET id = 40 WHERE id = 41",
        "UPDATE journal SET id = 41 WHERE id = -1",
    ],
    "edit a progress row": ["UPDATE progress SET percent = 95 WHERE id = 2"],
    "delete a progress row": ["DELETE FROM progress WHERE id = 1"],
    "insert a progress row": [
        "INSERT INTO progress (measure_id, entry_date, percent, recorded_by, recorded_at) VALUES (2, '2023-03-15', 99, 'x', '2023-03-15')"
    ],
    "change a measure's status": ["UPDATE measures SET status = 'done' WHERE id = 11"],
    "tick a checklist item": ["UPDATE measure_contents SET done_on = '2023-03-01' WHERE id = 1"],
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_verify_catches_tampering(run, logged_db, how):
    tamper(logged_db, *TAMPERING[how])
    result = run("--db", str(logged_db), "verify")
    assert result.code == 1, result.out
    assert "ผิดปกติ" in result.err


def test_the_journal_refuses_edits_through_sqlite(logged_db):
    connection = sqlite3.connect(logged_db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("UPDATE journal SET by = 'x' WHERE id = 1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("DELETE FROM journal")
    connection.close()


def test_a_correction_is_a_new_entry_and_both_stay(run, logged_db):
    result = run(
        "--db",
        str(logged_db),
        "log",
        "2",
        "--percent",
        "25",
        "--date",
        "2023-03-01",
        "--corrects",
        "3",
        "--by",
        "หัวหน้ากอง",
    )
    assert result.code == 0, result.err
    connection = sqlite3.connect(logged_db)
    rows = connection.execute(
        "SELECT id, percent, corrects_id, recorded_by FROM progress ORDER BY id"
    ).fetchall()
    assert rows[-2:] == [(3, 30, None, rows[-2][3]), (4, 25, 3, "หัวหน้ากอง")]
    wrong = run("--db", str(logged_db), "log", "5", "--percent", "25", "--corrects", "3")
    assert wrong.code == 2 and "ไม่มีบันทึกความก้าวหน้าหมายเลข 3" in wrong.err
    assert run("--db", str(logged_db), "verify").code == 0


def test_every_change_says_who_and_when(run, sample_db, tmp_path, monkeypatch):
    (tmp_path / "settings.toml").write_text('name = "สมหญิง ใจดี"\n', "utf-8")
    assert (
        run("--db", str(sample_db), "log", "5", "--percent", "10", "--date", "2023-02-01").code == 0
    )
    db = open_database(sample_db)
    assert db.execute("SELECT recorded_by FROM progress").fetchone()[0] == "สมหญิง ใจดี"
    last = db.execute(
        "SELECT by, at, action, subject FROM journal ORDER BY id DESC LIMIT 2"
    ).fetchall()
    assert {row[0] for row in last} == {"สมหญิง ใจดี"}
    assert all(row[1].endswith("+00:00") for row in last)
    assert {row[3] for row in last} == {"progress", "measures"}


def test_the_snapshot_carries_the_chain_head(run, logged_db):
    text = run("--db", str(logged_db), "export", "-", "--as-of", "2023-04-03").out
    db = open_database(logged_db)
    assert f'journal_head = "{journal.head(db)}"' in text


def test_backup_while_another_process_writes_then_restore(run, sample_db, tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(sample_db), "officer", "300"])
    copy = tmp_path / "copy.db"
    time.sleep(0.3)
    assert run("--db", str(sample_db), "backup", str(copy)).code == 0
    writer.wait(timeout=120)
    check, measures, progress = counts(copy)
    assert check == "ok" and measures == 11
    assert run("--db", str(copy), "verify").code == 0
    before_restore = dump(sample_db)
    result = run("--db", str(sample_db), "restore", str(copy))
    assert result.code == 0, result.err
    assert counts(sample_db)[2] == progress
    saved = sorted((tmp_path / "plan.db.backups").glob("*before-restore.db"))
    assert len(saved) == 1 and dump(saved[0]) == before_restore


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a database at all", "ไม่ใช่ไฟล์ฐานข้อมูล SQLite"), (None, "ของโปรแกรมอื่น")],
)
def test_restore_refuses_what_is_not_ours(run, sample_db, tmp_path, content, message):
    source = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(source) as connection:
            connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    else:
        source.write_bytes(content)
    before = dump(sample_db)
    result = run("--db", str(sample_db), "restore", str(source))
    assert result.code == 2 and message in result.err
    assert dump(sample_db) == before


def test_a_database_from_a_newer_tool_is_refused_untouched(run, sample_db):
    with sqlite3.connect(sample_db) as connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('ita_tui', 'm999_future', 'x')"
        )
    before = sample_db.read_bytes()
    result = run("--db", str(sample_db), "measures")
    assert result.code == 2 and "รุ่นที่ใหม่กว่า" in result.err
    assert sample_db.read_bytes() == before


def test_an_older_database_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old.db"
    import sqlite_utils

    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m003_journal")
    old.execute("INSERT INTO agencies (name) VALUES ('อบต.เก่า')")
    old.conn.commit()
    old.close()
    upgraded = open_database(path)
    applied = {row[0] for row in upgraded.execute("SELECT name FROM _sqlite_migrations")}
    assert "m003_journal" in applied

    assert journal.verify(upgraded) == []
    copies = list((tmp_path / "old.db.backups").glob("*before-upgrade.db"))
    assert len(copies) == 1
    assert {
        m[0] for m in sqlite3.connect(copies[0]).execute("SELECT name FROM _sqlite_migrations")
    } == {
        "m001_initial",
        "m002_meetings",
    }


def test_deleting_in_the_app_takes_a_backup_first(tmp_path):
    from ita_tui.db import backup

    path = tmp_path / "plan.db"
    db = open_database(path, create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    saved = backup.before_delete(db)
    writes.delete_measure(db, 3, by="test")
    assert sqlite3.connect(saved).execute("SELECT count(*) FROM measures").fetchone()[0] == 11
    assert journal.verify(db) == []


def test_the_journal_replays_edits_of_every_kind(tmp_path):
    db = open_database(tmp_path / "plan.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), "test")
    writes.tick_content(db, 1, date(2023, 2, 1), "ก")
    writes.set_content_evidence(db, 1, "https://example.go.th/r", "ก")
    writes.set_status(db, 8, "dropped", "รวมกับ ๙", date(2023, 2, 2), by="ข")
    measure = Measure(
        None, 2566, "ใหม่", ("งานนิติการ",), contents=(ChecklistItem("ก"), ChecklistItem("ข"))
    )
    new_id = writes.save_measure(db, 1, measure, by="ค")
    changed = replace(measure, contents=(ChecklistItem("ข"),), units=("กองคลัง", "งานนิติการ"))
    writes.save_measure(db, 1, changed, new_id, by="ค")
    writes.add_meeting(db, 1, date(2023, 3, 1), "ง")
    writes.add_decision(db, 1, 1, "ทำ", new_id, by="ง")
    writes.delete_measure(db, new_id, by="จ")
    snapshot.import_plan(db, snapshot.sample_plan(), "ฉ")
    assert journal.verify(db) == []
    assert os.path.exists(tmp_path / "plan.db")


def _entry(path, entry_id: int) -> dict:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return dict(
            connection.execute("SELECT * FROM journal WHERE id = ?", (entry_id,)).fetchone()
        )
    finally:
        connection.close()


def test_verify_names_the_altered_entry_even_when_its_hash_was_made_again(run, logged_db):
    altered = _entry(logged_db, 20)
    altered["by"] = "someone else"
    tamper(
        logged_db,
        f"UPDATE journal SET by = 'someone else', hash = '{journal.entry_hash(altered)}' WHERE id = 20",
    )
    result = run("--db", str(logged_db), "--lang", "en", "--digits", "arabic", "verify")
    assert result.code == 1
    assert "entry 20: the entry was altered" in result.err
    assert "entry 21" not in result.err


def test_verify_names_a_removed_entry(run, logged_db):
    tamper(logged_db, "DELETE FROM journal WHERE id = 20")
    result = run("--db", str(logged_db), "--lang", "en", "--digits", "arabic", "verify")
    assert result.code == 1
    assert "entry 20: " in result.err and "removed" in result.err


def _truncate(path, keep: int) -> None:
    """What someone with write access could do: remove the newest entries and the rows they
    added, leaving a shorter chain that holds together."""
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT subject, subject_key, before FROM journal WHERE id > ? ORDER BY id DESC", (keep,)
    ).fetchall()
    connection.close()
    assert all(subject == "progress" and before is None for subject, _, before in rows), rows
    tamper(
        path,
        *[f"DELETE FROM progress WHERE id = {key}" for _, key, _ in rows],
        f"DELETE FROM journal WHERE id > {keep}",
    )


def test_verify_against_a_published_snapshot_catches_a_truncated_journal(run, logged_db, tmp_path):
    kept = tmp_path / "kept.toml"
    assert run("--db", str(logged_db), "export", str(kept)).code == 0
    connection = sqlite3.connect(logged_db)
    before_later = connection.execute("SELECT max(id) FROM journal").fetchone()[0]
    connection.close()
    for day in ("2023-03-10", "2023-03-20"):
        logged = run("--db", str(logged_db), "log", "2", "--percent", "40", "--date", day)
        assert logged.code == 0, logged.err
    later = tmp_path / "later.toml"
    assert run("--db", str(logged_db), "export", str(later)).code == 0
    assert run("--db", str(logged_db), "verify", "--against", str(kept), str(later)).code == 0

    _truncate(logged_db, before_later)
    assert run("--db", str(logged_db), "verify").code == 0  # a shorter chain holds together
    result = run(
        "--db",
        str(logged_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "verify",
        "--against",
        str(kept),
        str(later),
    )
    assert result.code == 1
    assert str(later) in result.err and "not in this database's journal" in result.err
    assert str(kept) not in result.err


def test_verify_against_catches_a_rebuilt_chain(run, logged_db, tmp_path):
    published = tmp_path / "published.toml"
    assert run("--db", str(logged_db), "export", str(published)).code == 0
    connection = sqlite3.connect(logged_db)
    connection.row_factory = sqlite3.Row
    entries = [dict(row) for row in connection.execute("SELECT * FROM journal ORDER BY id")]
    connection.close()
    # Entry 5 rewritten, and every hash after it made again: the chain holds, the head differs.
    statements = ["DELETE FROM journal"]
    previous = journal.GENESIS
    for entry in entries:
        if entry["id"] == 5:
            entry["at"] = "2000-01-01T00:00:00+00:00"
        entry["prev_hash"] = previous
        entry["hash"] = previous = journal.entry_hash(entry)
        values = ", ".join(
            "NULL" if v is None else "'" + str(v).replace("'", "''") + "'" for v in entry.values()
        )
        statements.append(f"INSERT INTO journal ({', '.join(entry)}) VALUES ({values})")
    tamper(logged_db, *statements)
    assert run("--db", str(logged_db), "verify").code == 0
    result = run(
        "--db",
        str(logged_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "verify",
        "--against",
        str(published),
    )
    assert result.code == 1 and "not in this database's journal" in result.err


def test_verify_against_a_file_without_a_journal_head_says_so(run, logged_db):
    from ita_tui.data import __path__ as data_path

    sample = f"{data_path[0]}/sample_plan.toml"
    result = run(
        "--db", str(logged_db), "--lang", "en", "--digits", "arabic", "verify", "--against", sample
    )
    assert result.code == 2
    assert "journal_head" in result.err


@pytest.fixture
def people_db(sample_db, run, tmp_path):
    """The sample plan with people, units of theirs, login on and an access record."""
    from ita_tui.core.access import Actor
    from ita_tui.db.people import add_person, authenticate, set_login_required

    db = open_database(sample_db)
    admin = Actor(name="ผู้ตั้งระบบ", role="administrator")
    add_person(db, admin, "admin", "ผู้ดูแล", "administrator", [], "admin-pass-1")
    add_person(db, admin, "somchai", "สมชาย ใจดี", "officer", [2], "somchai-pass")
    set_login_required(db, admin, True)
    with expect_refusal("login.failed"):
        authenticate(db, "somchai", "wrong-wrong")
    authenticate(db, "somchai", "somchai-pass")
    db.close()
    assert run("--db", str(sample_db), "verify").code == 0
    return sample_db


ACCESS_TAMPERING = {
    "make an officer an administrator": [
        "UPDATE people SET role = 'administrator' WHERE login = 'somchai'"
    ],
    "add a person": [
        "INSERT INTO people (login, name, role, active, created_at)"
        " VALUES ('ghost', 'ghost', 'administrator', 1, '2023-01-01')"
    ],
    "set a password": ["UPDATE people SET password_hash = NULL WHERE login = 'somchai'"],
    "give a unit": ["INSERT INTO person_units (person_id, unit_id) VALUES (2, 1)"],
    "take a unit": ["DELETE FROM person_units WHERE person_id = 2"],
    "turn login off": ["UPDATE database_settings SET value = 'no' WHERE key = 'login_required'"],
    "erase a failed login": ["DELETE FROM access_events WHERE event = 'login_failed'"],
    "rewrite the access record": [
        "UPDATE access_events SET login = 'admin' WHERE login = 'somchai'"
    ],
}


@pytest.mark.parametrize("how", sorted(ACCESS_TAMPERING))
def test_verify_catches_changes_to_people_and_the_access_record(run, people_db, how):
    tamper(people_db, *ACCESS_TAMPERING[how])
    result = run("--db", str(people_db), "verify")
    assert result.code == 1, result.out


def test_the_journal_keeps_no_password_hash(people_db):
    connection = sqlite3.connect(people_db)
    hashes = [h for (h,) in connection.execute("SELECT password_hash FROM people")]
    journal_text = " ".join(
        str(row) for row in connection.execute("SELECT before, after FROM journal")
    )
    connection.close()
    assert hashes and all(h.split("$")[-1] not in journal_text for h in hashes)


def test_people_of_an_older_database_enter_the_journal_when_it_is_upgraded(run, tmp_path):
    import sqlite_utils

    path = tmp_path / "people.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m007_access_journal")
    old.execute(
        "INSERT INTO people (login, name, role, password_hash, active, created_at)"
        " VALUES ('boss', 'ผู้ดูแล', 'administrator', 'scrypt$16384$8$1$00$00', 1, '2023-01-01')"
    )
    old.execute("INSERT INTO database_settings (key, value) VALUES ('login_required', 'yes')")
    old.execute(
        "INSERT INTO access_events (at, login, event) VALUES ('2023-01-01', 'boss', 'login')"
    )
    old.conn.commit()
    old.close()
    upgraded = open_database(path)
    baseline = upgraded.execute(
        "SELECT subject FROM journal WHERE action = 'baseline' ORDER BY id"
    ).fetchall()
    assert baseline == [("people",), ("database_settings",), ("access_events",)]
    assert journal.verify(upgraded) == []
    upgraded.close()
    tamper(path, "UPDATE people SET role = 'officer'")
    assert run("--db", str(path), "verify").code == 1


STALLED_BACKUP = """
import os, sys, time
from ita_tui.db import backup, open_database
db = open_database(sys.argv[1])
def stall(source, target):  # the copy is whole; the process dies before renaming it
    print("copied", flush=True)
    time.sleep(600)
os.replace = stall
backup.before_delete(db)
"""


def _stalled(script, *args):
    process = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "copied"
    return process


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name) if folder.exists() else []


def test_backups_killed_half_way_leave_nothing_behind_after_the_next_start(run, sample_db):
    backups = sample_db.with_name("plan.db.backups")
    for _ in range(10):
        process = _stalled(STALLED_BACKUP, sample_db)
        process.send_signal(signal.SIGKILL)
        process.wait()
    # Each start removed the leftover of the process killed before it: only the last is left.
    assert len(_leftovers(backups)) == 1
    assert run("--db", str(sample_db), "measures").code == 0
    assert _leftovers(backups) == []
    assert not [
        p for p in backups.iterdir() if p.name.endswith(".db") and "before-delete" in p.name
    ]


def test_a_backup_being_written_is_not_taken_for_a_leftover(run, sample_db):
    backups = sample_db.with_name("plan.db.backups")
    process = _stalled(STALLED_BACKUP, sample_db)
    try:
        assert run("--db", str(sample_db), "measures").code == 0
        assert len(_leftovers(backups)) == 1
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert run("--db", str(sample_db), "measures").code == 0
    assert _leftovers(backups) == []


STALLED_CREATION = """
import os, sys, time
from ita_tui.db import open_database
def stall(source, target):  # the new database is whole; the process dies before linking it
    print("copied", flush=True)
    time.sleep(600)
os.link = stall
open_database(sys.argv[1], create=True)
"""


def test_a_database_creation_killed_half_way_leaves_nothing_behind(run, tmp_path):
    database = tmp_path / "new.db"
    process = _stalled(STALLED_CREATION, database)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not database.exists() and _leftovers(tmp_path)
    assert run("--db", str(database), "init").code == 0
    assert _leftovers(tmp_path) == []


def test_a_database_is_created_where_files_cannot_be_linked(run, tmp_path, monkeypatch):
    import errno

    def refuse(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    database = tmp_path / "stick.db"
    assert run("--db", str(database), "init", "--sample").code == 0
    assert run("--db", str(database), "verify").code == 0
    assert _leftovers(tmp_path) == []

"""Only a database of ita-tui's own schema opens or is restored: a file with an extra trigger,
a view in place of a table, a table missing or added, a changed column, another program's
tables or no content at all is refused with a message saying what differs, and nothing is
written to it."""

import sqlite3

import pytest

from ita_tui.db import open_database
from ita_tui.db.schema import MIGRATIONS
from tests.conftest import dump


def _records(path):
    """The database's content but for the access record, which notes the administrator's login,
    and the journal entries that chain it."""
    return [
        line
        for line in dump(path)
        if not line.startswith('INSERT INTO "access_events"')
        and not (line.startswith('INSERT INTO "journal"') and "'access_events'" in line)
    ]


def _people(run, db, tmp_path):
    """An administrator and an officer, login on, as on a shared server."""
    for login, role in (("admin", "administrator"), ("somchai", "officer")):
        secret = tmp_path / f"{login}.pw"
        secret.write_text(f"{login}-pass-1\n", "utf-8")
        args = ["--db", str(db), "people", "add", login, "--name", login, "--role", role]
        result = run(*args, "--new-password-file", str(secret))
        assert result.code == 0, result.err
    assert run("--db", str(db), "people", "require-login").code == 0


def _crafted(source, target, *statements):
    """A copy of a real database (its WAL included), then changed by hand."""
    connection = sqlite3.connect(target)
    with sqlite3.connect(source) as original:
        original.backup(connection)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return target


BACKDOOR = (
    "CREATE TRIGGER backdoor AFTER INSERT ON access_events WHEN new.login = 'backdoor'"
    " BEGIN UPDATE people SET role = 'administrator' WHERE login = 'somchai'; END"
)
GHOST = [
    "ALTER TABLE people RENAME TO people_kept",
    "CREATE VIEW people AS SELECT * FROM people_kept UNION ALL"
    " SELECT 99, 'ghost', 'ghost', 'administrator', password_hash, 1, created_at"
    " FROM people_kept WHERE login = 'admin'",
]
CHANGED_COLUMN = [
    "DROP TABLE database_settings",
    "CREATE TABLE database_settings (key TEXT PRIMARY KEY, value TEXT DEFAULT 'no') STRICT",
    "INSERT INTO database_settings VALUES ('login_required', 'yes')",
]

CORPUS = {
    "an extra trigger": ([BACKDOOR], "backdoor"),
    "a view in place of a table": (GHOST, "people"),
    "a missing table": (["DROP TABLE handovers"], "handovers"),
    "an extra table": (["CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"], "notes"),
    "a changed column": (CHANGED_COLUMN, "database_settings"),
    "a missing trigger": (["DROP TRIGGER access_events_no_delete"], "access_events_no_delete"),
    "an extra index": (["CREATE INDEX idx_people_name ON people (name)"], "idx_people_name"),
}


@pytest.fixture
def shared_db(sample_db, run, tmp_path):
    _people(run, sample_db, tmp_path)
    return sample_db


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_a_crafted_backup_is_not_restored(run, shared_db, tmp_path, case):
    statements, named = CORPUS[case]
    crafted = _crafted(shared_db, tmp_path / "crafted.db", *statements)
    admin = ["--db", str(shared_db), "--by", "admin", "--password-file", str(tmp_path / "admin.pw")]
    before = _records(shared_db)
    crafted_before = crafted.read_bytes()
    result = run(*admin, "restore", str(crafted))
    assert result.code == 2, result.out
    assert "Traceback" not in result.err
    assert named in result.err
    assert "ยังใช้งานได้ตามเดิม" in result.err
    assert _records(shared_db) == before
    assert crafted.read_bytes() == crafted_before
    assert run(*admin, "measures").code == 0


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_a_crafted_database_does_not_open(run, shared_db, tmp_path, case):
    statements, named = CORPUS[case]
    crafted = _crafted(shared_db, tmp_path / "crafted.db", *statements)
    before = crafted.read_bytes()
    for command in (["measures"], ["verify"], ["overdue"]):
        result = run("--db", str(crafted), "--lang", "en", *command)
        assert result.code == 2, result.out
        assert "Traceback" not in result.err
        assert named in result.err and "not the schema" in result.err
    assert crafted.read_bytes() == before
    with pytest.raises(Exception, match=named):
        open_database(crafted)


def test_the_backdoor_trigger_never_reaches_the_live_database(run, shared_db, tmp_path):
    crafted = _crafted(shared_db, tmp_path / "crafted.db", BACKDOOR)
    admin = ["--db", str(shared_db), "--by", "admin", "--password-file", str(tmp_path / "admin.pw")]
    assert run(*admin, "restore", str(crafted)).code == 2
    wrong = tmp_path / "wrong.pw"
    wrong.write_text("guess\n", "utf-8")
    run("--db", str(shared_db), "--by", "backdoor", "--password-file", str(wrong), "measures")
    role = (
        sqlite3.connect(shared_db)
        .execute("SELECT role FROM people WHERE login = 'somchai'")
        .fetchone()
    )
    assert role == ("officer",)


def test_a_ghost_administrator_from_a_view_cannot_log_in(run, shared_db, tmp_path):
    crafted = _crafted(shared_db, tmp_path / "crafted.db", *GHOST)
    ghost = ["--by", "ghost", "--password-file", str(tmp_path / "admin.pw")]
    result = run("--db", str(crafted), *ghost, "people", "list")
    assert result.code == 2 and "people" in result.err
    assert "Traceback" not in result.err


def _only_migrations(path):
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
        " name TEXT, applied_at TEXT)"
    )
    connection.executemany(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, 'x')",
        [("ita_tui", m.name) for m in MIGRATIONS._migrations],
    )
    connection.commit()
    connection.close()
    return path


def test_a_file_of_migration_names_alone_is_not_restored(run, sample_db, tmp_path):
    crafted = _only_migrations(tmp_path / "names.db")
    before = dump(sample_db)
    result = run("--db", str(sample_db), "--lang", "en", "restore", str(crafted))
    assert result.code == 2 and "measures" in result.err
    assert "still usable" in result.err
    assert dump(sample_db) == before
    for command in (["measures"], ["verify"]):
        assert run("--db", str(sample_db), *command).code == 0


def test_a_database_of_migration_names_alone_can_be_restored_over(run, sample_db, tmp_path):
    good = tmp_path / "good.db"
    assert run("--db", str(sample_db), "backup", str(good)).code == 0
    broken = _only_migrations(tmp_path / "broken.db")
    for command in (["measures"], ["verify"]):
        result = run("--db", str(broken), *command)
        assert result.code == 2 and "Traceback" not in result.err
    result = run("--db", str(broken), "restore", str(good))
    assert result.code == 0, result.err
    assert run("--db", str(broken), "verify").code == 0
    assert dump(broken) == dump(good)
    kept = list((tmp_path / "broken.db.backups").glob("*before-restore.db"))
    assert len(kept) == 1


def test_another_programs_database_is_refused(run, sample_db, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = other.read_bytes()
    result = run("--db", str(other), "measures")
    assert result.code == 2 and "ของโปรแกรมอื่น" in result.err
    assert other.read_bytes() == before
    live = dump(sample_db)
    result = run("--db", str(sample_db), "restore", str(other))
    assert result.code == 2 and "ของโปรแกรมอื่น" in result.err
    assert dump(sample_db) == live


@pytest.mark.parametrize("command", [["measures"], ["import", "PLAN"], ["verify"]])
def test_an_empty_file_given_as_the_database_is_not_one(run, sample_db, tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    plan = tmp_path / "plan.toml"
    assert run("--db", str(sample_db), "export", str(plan)).code == 0
    words = [str(plan) if word == "PLAN" else word for word in command]
    result = run("--db", str(empty), *words)
    assert result.code == 2, result.out
    assert "Traceback" not in result.err
    assert "ว่างเปล่า" in result.err
    assert empty.read_bytes() == b""


def test_an_empty_file_is_not_restored(run, sample_db, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    before = dump(sample_db)
    result = run("--db", str(sample_db), "restore", str(empty))
    assert result.code == 2 and "ว่างเปล่า" in result.err
    assert dump(sample_db) == before


def test_init_makes_a_database_of_an_empty_file(run, tmp_path):
    empty = tmp_path / "new.db"
    empty.write_bytes(b"")
    assert run("--db", str(empty), "init").code == 0
    assert run("--db", str(empty), "verify").code == 0


def test_connections_do_not_trust_the_schema(sample_db):
    db = open_database(sample_db)
    assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_an_older_database_still_upgrades(tmp_path):
    import sqlite_utils

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m004_search")
    old.execute("INSERT INTO agencies (name) VALUES ('อบต.เก่า')")
    old.conn.commit()
    old.close()
    db = open_database(path)
    assert db.execute("SELECT name FROM agencies").fetchall() == [("อบต.เก่า",)]


def test_an_older_database_with_an_extra_table_is_refused_before_upgrading(tmp_path):
    import sqlite_utils

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m006_people")
    # The next step would fail half-way with "table people already exists".
    old.execute("CREATE TABLE people (id INTEGER PRIMARY KEY)")
    old.conn.commit()
    old.close()
    before = path.read_bytes()
    with pytest.raises(Exception, match="people") as refused:
        open_database(path)
    assert "already exists" not in str(refused.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "old.db.backups").exists()


def test_the_recorded_schema_is_what_the_migrations_make():
    from ita_tui.db import schema_check

    assert schema_check.recorded() == schema_check.built_by_migrations(), (
        "the schema changed: run `python -m ita_tui.db.schema_check` to record it"
    )

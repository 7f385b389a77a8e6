"""The database, its WAL, its backups, the settings and every other file or folder the tool
creates are for its user alone, or for the user and the group the database is shared with;
a database others can read is reported."""

import grp
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ita_tui.db import open_database
from ita_tui.db.schema import MIGRATIONS


@pytest.fixture(autouse=True)
def permissive_umask():
    """The usual umask, under which a file made without care is readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(root: Path, before: set[Path]) -> dict[str, int]:
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
        for path in root.rglob("*")
        if path not in before
    }


def _assert_private(root: Path, before: set[Path]) -> dict[str, int]:
    made = _modes(root, before)
    assert made, "the command made no file"
    exposed = {name: oct(mode) for name, mode in made.items() if mode & 0o077}
    assert not exposed
    return made


def _older_database(path: Path) -> None:
    import sqlite_utils

    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m006_people")
    old.close()
    os.chmod(path, 0o600)


COMMANDS = {
    "init": [["init", "--sample"]],
    "import into a new database": [["import", "PLAN"]],
    "backup": [["backup", "OUT/copy.db"]],
    "restore": [["restore", "COPY"]],
    "export": [["export", "OUT/snapshot.toml"]],
    "report": [["report", "-o", "OUT/pack.md", "--as-of", "2023-04-03"]],
    "upgrade of an older database": [["verify"]],
}


@pytest.mark.parametrize("case", sorted(COMMANDS))
def test_every_file_a_command_makes_is_private(run, sample_db, tmp_path, case):
    plan = tmp_path / "plan.toml"
    assert run("--db", str(sample_db), "export", str(plan)).code == 0
    copy = tmp_path / "copy.db"
    assert run("--db", str(sample_db), "backup", str(copy)).code == 0
    work = tmp_path / "work"
    work.mkdir()
    (work / "OUT").mkdir()
    database = work / "plan.db"
    if case == "upgrade of an older database":
        _older_database(database)
    elif case != "init" and not case.startswith("import"):
        open_database(database, create=True).close()
        assert run("--db", str(database), "import", str(plan)).code == 0
    before = set(work.rglob("*"))
    for command in COMMANDS[case]:
        words = [
            str(plan)
            if w == "PLAN"
            else str(copy)
            if w == "COPY"
            else w.replace("OUT", str(work / "OUT"))
            for w in command
        ]
        result = run("--db", str(database), *words)
        assert result.code == 0, result.err
    _assert_private(work, before)


def test_the_wal_and_shared_memory_files_are_private(sample_db):
    db = open_database(sample_db)
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO database_settings VALUES ('x', 'y')")
    db.execute("COMMIT")
    for suffix in ("-wal", "-shm"):
        assert stat.S_IMODE(Path(f"{sample_db}{suffix}").stat().st_mode) == 0o600
    db.close()


def test_the_default_database_and_its_folder_are_private(run, tmp_path):
    assert run("init").code == 0
    made = _assert_private(tmp_path / "data", set())
    assert "ita-tui" in made and "ita-tui/ita-tui.db" in made


def test_the_backups_folder_and_automatic_backups_are_private(tmp_path):
    from ita_tui.db import backup

    database = tmp_path / "plan.db"
    db = open_database(database, create=True)
    before = set(tmp_path.rglob("*"))
    backup.before_delete(db)
    made = _assert_private(tmp_path, before)
    assert "plan.db.backups" in made


def test_the_settings_file_and_its_folder_are_private(tmp_path):
    from ita_tui.files.settings import Settings, save

    path = tmp_path / "config" / "ita-tui" / "settings.toml"
    save(Settings(name="สมศรี"), path)
    _assert_private(tmp_path / "config", set())


def test_verify_reports_a_database_others_can_read(run, sample_db):
    assert run("--db", str(sample_db), "verify").code == 0
    os.chmod(sample_db, 0o644)
    result = run("--db", str(sample_db), "verify")
    assert result.code == 1
    assert "อ่านได้โดยผู้ใช้ทุกคน" in result.err and str(sample_db) in result.err


def test_verify_reports_a_backup_others_can_read(run, sample_db):
    from ita_tui.db import backup

    db = open_database(sample_db)
    saved = backup.before_delete(db)
    db.close()
    os.chmod(saved, 0o644)
    result = run("--db", str(sample_db), "--lang", "en", "verify")
    assert result.code == 1 and str(saved) in result.err and "every user" in result.err


def test_serve_warns_when_login_is_on_and_others_can_read_the_database(
    run, sample_db, tmp_path, monkeypatch
):
    from ita_tui.cli import served_app as serve

    monkeypatch.setattr(serve, "run", lambda *args, **kwargs: None)
    secret = tmp_path / "admin.pw"
    secret.write_text("admin-pass-1\n", "utf-8")
    args = ["--db", str(sample_db), "people", "add", "admin", "--name", "A"]
    assert run(*args, "--role", "administrator", "--new-password-file", str(secret)).code == 0
    assert run("--db", str(sample_db), "people", "require-login").code == 0
    assert "อ่านได้โดยผู้ใช้ทุกคน" not in run("--db", str(sample_db), "serve").err
    os.chmod(sample_db, 0o644)
    assert "อ่านได้โดยผู้ใช้ทุกคน" in run("--db", str(sample_db), "serve").err


def _own_group() -> str:
    return grp.getgrgid(os.getgid()).gr_name


def test_a_database_shared_with_a_group(run, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o2770)
    database = folder / "plan.db"
    result = run("--db", str(database), "init", "--sample", "--group", _own_group())
    assert result.code == 0, result.err
    assert run("--db", str(database), "log", "2", "--percent", "10").code == 0
    assert run("--db", str(database), "backup", str(folder / "copy.db")).code == 0
    db = open_database(database)
    from ita_tui.db import backup

    backup.before_delete(db)
    db.close()
    made = _modes(folder, set())
    for name, mode in made.items():
        assert mode & 0o007 == 0, name
        expected = 0o2770 if (folder / name).is_dir() else 0o660
        assert mode == expected, (name, oct(mode))
        assert (folder / name).stat().st_gid == os.getgid()
    assert run("--db", str(database), "verify").code == 0


def test_sharing_with_an_unknown_group_is_refused(run, tmp_path):
    database = tmp_path / "plan.db"
    result = run("--db", str(database), "init", "--group", "no-such-group-here")
    assert result.code == 2 and "no-such-group-here" in result.err


def test_sharing_says_when_the_folder_does_not_let_the_group_in(run, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o700)
    result = run("--db", str(folder / "plan.db"), "init", "--group", _own_group())
    assert result.code == 0
    assert "chmod 2770" in result.err


def test_an_empty_file_made_a_database_by_init_becomes_private(run, tmp_path):
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    assert run("--db", str(path), "init").code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sqlite3.connect(path).execute("SELECT count(*) FROM agencies").fetchone() == (0,)

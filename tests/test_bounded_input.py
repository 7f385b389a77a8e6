"""Numbers read from a file are bounded where they are read, a password file is checked whether
or not the database asks for one, and a backup of another page size is explained."""

import os
import re
import sqlite3

import pytest

from tests.conftest import dump


@pytest.mark.parametrize("entry", [2**70, 2**63, -(2**70)])
def test_a_huge_journal_entry_in_a_snapshot_is_no_entry_of_the_chain(
    run, sample_db, tmp_path, entry
):
    exported = tmp_path / "snapshot.toml"
    assert run("--db", str(sample_db), "export", str(exported)).code == 0
    text = exported.read_text("utf-8")
    exported.write_text(re.sub(r"journal_entry = \d+", f"journal_entry = {entry}", text), "utf-8")
    result = run("--db", str(sample_db), "--lang", "en", "verify", "--against", str(exported))
    assert "Traceback" not in result.err and "OverflowError" not in result.err
    assert result.code in (1, 2), result.out
    assert str(exported) in result.err


def test_a_password_file_that_is_not_there_is_refused_without_login(run, sample_db, tmp_path):
    missing = tmp_path / "no-such.pw"
    result = run("--db", str(sample_db), "--password-file", str(missing), "measures")
    assert result.code == 2, result.out
    assert "อ่านไฟล์รหัสผ่าน" in result.err and str(missing) in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("kind", ["a pipe", "an empty file", "a folder"])
def test_a_password_file_that_cannot_be_one_is_refused(run, sample_db, tmp_path, kind):
    path = tmp_path / "secret.pw"
    if kind == "a pipe":
        os.mkfifo(path)
    elif kind == "an empty file":
        path.write_text("", "utf-8")
    else:
        path.mkdir()
    result = run("--db", str(sample_db), "--password-file", str(path), "measures")
    assert result.code == 2, result.out
    assert "อ่านไฟล์รหัสผ่าน" in result.err and "Traceback" not in result.err


def test_a_backup_of_another_page_size_is_explained(run, sample_db, tmp_path):
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(sample_db) as source:
        source.execute(f"VACUUM INTO '{foreign}'")
    connection = sqlite3.connect(foreign)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA page_size = 512")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone()[0] == 512
    connection.close()
    before = dump(sample_db)
    result = run("--db", str(sample_db), "restore", str(foreign))
    assert result.code == 2, result.err
    assert "512 ไบต์" in result.err and "page_size=4096" in result.err
    assert "ยังใช้งานได้ตามเดิม" in result.err
    assert "Traceback" not in result.err and "not supported" not in result.err
    assert dump(sample_db) == before

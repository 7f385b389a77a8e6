"""Exit codes a script can act on: 0 done, 1 a failure the user did not cause, 2 a usage or input
error. Each class of failure is met through the command line, and leaves the database as it
was."""

import os
import resource
import sqlite3
import subprocess
import sys

import pytest

from ita_tui.core.errors import FAILURES
from ita_tui.db import opening
from tests.conftest import dump
from tests.test_i18n import keys

USAGE_ERRORS = [
    (["measures", "--bogus"], "--bogus"),
    (["--bogus"], "--bogus"),
    (["no-such-command"], "no-such-command"),
    (["log", "2"], "--percent"),
    (["import"], "FILE.toml"),
    (["serve", "--port", "0"], "--port"),
    (["people", "add", "x", "--name", "X", "--role", "boss"], "boss"),
    (["log", "2", "--percent", "120"], "120"),
    (["log", "2", "--percent", "10", "--date", "31/2/2566"], "31/2/2566"),
    (["measures", "--as-of", "tomorrow"], "tomorrow"),
    (["log", "999", "--percent", "10"], "999"),
    (["measures", "--unit", "no such unit"], "no such unit"),
    (["import", "missing.toml"], "missing.toml"),
    (["restore", "missing.db"], "missing.db"),
]


@pytest.mark.parametrize(("args", "named"), USAGE_ERRORS)
def test_a_usage_or_input_error_exits_2_and_changes_nothing(run, sample_db, args, named):
    before = dump(sample_db)
    result = run("--db", str(sample_db), "--lang", "en", *args)
    assert result.code == 2, result.err
    assert named in result.err and "Traceback" not in result.err
    assert dump(sample_db) == before


def test_a_file_that_is_not_an_ita_tui_file_exits_2(run, sample_db, tmp_path):
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('format = "something else"\n', "utf-8")
    result = run("--db", str(sample_db), "import", str(wrong))
    assert result.code == 2 and "ไม่ใช่ไฟล์ของ ita-tui" in result.err


def test_a_database_busy_past_the_timeout_exits_1_and_saves_nothing(run, sample_db, monkeypatch):
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", 1)
    before = dump(sample_db)
    other = sqlite3.connect(sample_db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another user's long write holds the lock
        result = run("--db", str(sample_db), "--lang", "en", "log", "2", "--percent", "10")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.code == 1
    assert "busy with another user for too long" in result.err
    assert dump(sample_db) == before


def _run_on_a_full_disk(*args: str) -> subprocess.CompletedProcess:
    """`ita-tui` where no file may grow past 32 KiB: a real write refusal from the kernel, as
    on a full disk (Python ignores the SIGXFSZ that would otherwise kill it)."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, 32 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "ita_tui", "--lang", "en", *args],
        preexec_fn=small_files,
        capture_output=True,
        text=True,
        env={**os.environ, "ITA_TUI_LANG": "en"},
        check=False,
    )


def test_a_full_disk_under_the_database_exits_1_and_saves_nothing(run, sample_db, tmp_path):
    plan = tmp_path / "plan.toml"
    assert run("--db", str(sample_db), "export", str(plan), "--as-of", "2023-04-03").code == 0
    empty = tmp_path / "empty.db"
    assert run("--db", str(empty), "init").code == 0
    before = dump(empty)
    done = _run_on_a_full_disk("--db", str(empty), "import", str(plan))
    assert done.returncode == 1, done.stderr
    assert "the disk is full or failing; nothing was saved" in done.stderr
    assert "Traceback" not in done.stderr
    assert dump(empty) == before


def test_a_full_disk_under_a_file_written_exits_1(sample_db, tmp_path):
    copy = tmp_path / "copy.db"
    done = _run_on_a_full_disk("--db", str(sample_db), "backup", str(copy))
    assert done.returncode == 1, done.stderr
    assert "Could not write" in done.stderr and "Traceback" not in done.stderr
    assert not copy.exists()


def test_an_import_of_several_files_exits_1_when_one_failed_for_want_of_disk(run, tmp_path):
    database = tmp_path / "plan.db"
    assert run("--db", str(database), "init", "--sample").code == 0
    plan = tmp_path / "plan.toml"
    assert run("--db", str(database), "export", str(plan), "--as-of", "2023-04-03").code == 0
    other = tmp_path / "other.toml"
    other.write_text(plan.read_text("utf-8").replace("เทศบาลตำบลมวกเหล็ก", "เทศบาลอื่น"), "utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('format = "something else"\n', "utf-8")
    empty = tmp_path / "empty.db"
    assert run("--db", str(empty), "init").code == 0
    done = _run_on_a_full_disk("--db", str(empty), "import", str(wrong), str(other))
    assert done.returncode == 1, done.stderr
    wrong_only = run("--db", str(empty), "import", str(wrong), str(wrong))
    assert wrong_only.code == 2


def test_every_failure_key_is_a_message_in_the_catalogue():
    assert sorted(FAILURES - set(keys("th"))) == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_help_documents_the_exit_codes(run, lang):
    result = run("--lang", lang, "--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    for code in ("0", "1", "2"):
        assert f" {code} " in text
    assert ("Exit codes" if lang == "en" else "รหัสออก") in text

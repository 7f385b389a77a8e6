"""Progress on long work: the lower layers report through ita_tui.core.progress; a command shows
a bar on a terminal, nothing when its output is not one or with --quiet; a busy database is
said to be waited for, and for how long."""

import os
import pty
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date

import pytest

from ita_tui.core import progress
from ita_tui.db import open_database
from ita_tui.documents import snapshot
from tests.plan_factory import big_plan_text


class Recorder:
    def __init__(self) -> None:
        self.steps: list[tuple[str, int, int | None]] = []
        self.waits: list[tuple[float, float]] = []

    def step(self, stage, done, total):
        self.steps.append((stage, done, total))

    def waiting(self, waited, limit):
        self.waits.append((waited, limit))

    def last(self, stage: str) -> tuple[int, int | None]:
        done, total = [(d, t) for s, d, t in self.steps if s == stage][-1]
        return done, total


def test_the_store_and_the_documents_report_to_a_listener_without_a_terminal(tmp_path):
    db = open_database(tmp_path / "plan.db", create=True)
    plan = snapshot.validate(snapshot.loads(big_plan_text(1200), "big.toml"), "big.toml")
    heard = Recorder()
    with progress.listening(heard):
        snapshot.import_plan(db, plan, "test")
        snapshot.build(db, date(2023, 4, 3))
        from ita_tui.db import journal

        assert journal.verify(db) == []
    assert heard.last("progress.import") == (1200, 1200)
    assert heard.last("progress.export") == (1200, 1200)
    verified, entries = heard.last("progress.verify")
    assert 1000 <= verified <= entries
    # In order, never backwards.
    imported = [d for s, d, _ in heard.steps if s == "progress.import"]
    assert imported == sorted(imported) and imported[0] == 0
    # Without a listener nothing is told, and nothing fails.
    snapshot.build(db, date(2023, 4, 3))


def test_without_a_terminal_a_command_prints_no_progress(run, tmp_path):
    plan = tmp_path / "big.toml"
    plan.write_text(big_plan_text(300), "utf-8")
    shown = run("--db", str(tmp_path / "a.db"), "import", str(plan))
    quiet = run("--db", str(tmp_path / "b.db"), "--quiet", "import", str(plan))
    assert shown.code == quiet.code == 0
    assert (shown.out, shown.err) == (quiet.out, quiet.err)
    assert "บันทึกมาตรการ" not in shown.err and "━" not in shown.err


def on_a_terminal(*arguments: str) -> str:
    """What `ita-tui` writes to a terminal (its standard error), as the terminal receives it."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ita_tui", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm-256color"},
    )
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert process.returncode == 0, received.decode("utf-8", "replace")
    return received.decode("utf-8", "replace")


@pytest.mark.slow
def test_on_a_terminal_a_long_import_draws_a_bar_unless_quiet(tmp_path):
    plan = tmp_path / "big.toml"
    plan.write_text(big_plan_text(2000), "utf-8")
    drawn = on_a_terminal("--db", str(tmp_path / "a.db"), "--lang", "en", "import", str(plan))
    assert "Writing the measures" in drawn
    assert "/2000" in drawn
    quiet = on_a_terminal(
        "--db", str(tmp_path / "b.db"), "--lang", "en", "--quiet", "import", str(plan)
    )
    assert "Writing the measures" not in quiet and "━" not in quiet


def hold_the_write_lock(path, seconds: float) -> threading.Event:
    """Another user's long write: the lock is taken now and let go after `seconds`."""
    taken = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")
        taken.set()
        time.sleep(seconds)
        other.rollback()
        other.close()

    threading.Thread(target=hold, daemon=True).start()
    taken.wait(5)
    return taken


def test_a_busy_database_is_said_to_be_waited_for_and_for_how_long(run, sample_db):
    log = ("--db", str(sample_db), "log", "1", "--percent", "40", "--date", "2023-04-01")
    hold_the_write_lock(sample_db, 1.5)
    started = time.monotonic()
    waited = run(*log)
    assert waited.code == 0, waited.err
    assert time.monotonic() - started >= 1.0
    # In the digits of the user's setting, Thai by default.
    assert "ฐานข้อมูลไม่ว่าง ผู้ใช้อื่นกำลังบันทึกอยู่ จะรอไม่เกิน ๓๐ วินาที" in waited.err
    assert waited.err.count("ฐานข้อมูลไม่ว่าง") == 1
    hold_the_write_lock(sample_db, 1.5)
    english = run("--lang", "en", "--digits", "arabic", *log[:-2], "--date", "2023-04-02")
    assert english.code == 0
    assert "The database is busy: another user is saving. Waiting up to 30 s" in english.err
    hold_the_write_lock(sample_db, 1.5)
    quiet = run("--quiet", *log[:-2], "--date", "2023-04-03")
    assert quiet.code == 0 and "ฐานข้อมูลไม่ว่าง" not in quiet.err


def test_a_free_database_says_nothing_of_waiting(run, sample_db):
    done = run("--db", str(sample_db), "log", "1", "--percent", "40", "--date", "2023-04-01")
    assert done.code == 0 and "ฐานข้อมูลไม่ว่าง" not in done.err


def test_the_app_opened_by_a_command_hears_no_progress(run, sample_db, monkeypatch):
    import ita_tui.app

    heard = []
    monkeypatch.setattr(ita_tui.app.ItaApp, "run", lambda self: heard.append(progress.listened()))
    # Started as from a terminal (the test runner's input is none, and the app refuses that).
    monkeypatch.setattr(ita_tui.app, "_keys_from_a_terminal", lambda: True)
    assert run("--db", str(sample_db)).code == 0
    assert run("--db", str(sample_db), "demo").code == 0
    assert heard == [False, False]


def table_document(rows: int):
    from ita_tui.core.document import Document, Section, Table

    table = Table(("#", "มาตรการ"), tuple((str(n), f"มาตรการที่ {n}") for n in range(rows)))
    return Document(title="รายงาน", lang="th", parts=(Section("s", (table,)),))


def test_a_word_table_reports_its_rows():
    from ita_tui.documents.render import as_bytes

    heard = Recorder()
    with progress.listening(heard):
        as_bytes(table_document(250), "docx")
    # The header row and every row of the table.
    assert heard.last("progress.word") == (251, 251)


@pytest.mark.browser
def test_printing_a_pdf_says_it_is_at_work():
    import shutil

    from ita_tui.documents.render import as_bytes

    if not shutil.which("chromium"):
        pytest.skip("Chromium is not installed")
    heard = Recorder()
    with progress.listening(heard):
        assert as_bytes(table_document(3), "pdf").startswith(b"%PDF")
    assert [s for s in heard.steps if s[0] == "progress.pdf"] == [
        ("progress.pdf", 0, None),
        ("progress.pdf", 1, 1),
    ]

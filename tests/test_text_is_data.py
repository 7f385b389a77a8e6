"""Text is data: whatever an officer types, a plan file holds or a login names is shown as the
letters it is, never run as an action, never parsed as markup, never sent to the terminal as a
control sequence, and never turned into a path the user did not choose."""

import hashlib
import sqlite3
from datetime import date

from ita_tui.db import writes
from tests.app_helpers import click_every, sample_app, screen_lines
from tests.test_app_flows import open_measure

SIZE = (120, 35)


def fingerprint(folder):
    """Every file in a folder by its content; SQLite's shared-memory index changes on any read."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        if not path.name.endswith("-shm")
        else "index"
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def set_title(app, measure_id: int, title: str) -> None:
    """Text already in the database (written by an older version, or by hand)."""
    app.db.execute("UPDATE measures SET title = ? WHERE id = ?", (title, measure_id))
    app.db.conn.commit()


async def test_a_note_with_action_markup_overwrites_nothing_when_clicked(tmp_path):
    app = sample_app(tmp_path)
    note = f"[@click=app.screenshot('app.db','{tmp_path}')]see attached evidence[/]"
    writes.log_progress(app.db, 2, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3), note=note)
    app.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        assert any("[@click=app.screenshot('app.db'," in line for line in screen_lines(app))
        assert await click_every(pilot, note) >= 1
        assert app.is_running
    app.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert fingerprint(tmp_path) == before
    assert sqlite3.connect(tmp_path / "app.db").execute("SELECT count(*) FROM measures").fetchone()


async def test_a_title_with_quit_markup_does_not_quit_the_measures_section(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 3, "[@click=app.quit]x[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert any("[@click=app.quit]x[/]" in line for line in screen_lines(app))
        assert await click_every(pilot, "[@click=app.quit]") >= 1
        assert app.is_running and app.return_code is None


async def test_a_bare_closing_tag_crashes_no_screen(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 2, "[/] และ [md](x)")
    writes.log_progress(app.db, 2, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3), note="[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert any("[/] และ [md](x)" in line for line in screen_lines(app))
        await open_measure(pilot, 2)
        lines = screen_lines(app)
        assert any("[/] และ [md](x)" in line for line in lines)
        assert app.is_running


async def test_escape_sequences_in_stored_text_never_reach_the_terminal(tmp_path):
    app = sample_app(tmp_path)
    set_title(app, 2, "ก่อน\x1b[2Jหลัง \x1b]52;c;T0ZGSUNFUi1XUk9URS1USElT\x07")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = screen_lines(app)
        assert not any("\x1b" in line or "\x07" in line for line in lines)
        assert any("ก่อน␛[2Jหลัง" in line for line in lines)


# What a terminal would act on: ESC, the C1 CSI, a bidi override, as UTF-8 bytes.
RAW_CONTROLS = (b"\x1b", "\x9b".encode(), "\u202e".encode(), b"\x07")
LEGACY = "ก่อน\x1b[2Jหลัง \x1b]52;c;T0ZGSUNFUi1XUk9URS1USElT\x07 x\x9b31m \u202egnp.exe"


def legacy_database(tmp_path, run):
    """A database holding control characters that an older version let in."""
    path = tmp_path / "legacy.db"
    assert run("--db", str(path), "init", "--sample").code == 0
    assert run("--db", str(path), "meeting", "add", "--date", "2023-04-05").code == 0
    assert run("--db", str(path), "decision", "add", "--text", "ติดตาม", "--measure", "2").code == 0
    assert run("--db", str(path), "people", "add", "somsri", "--name", "สมศรี").code == 0
    connection = sqlite3.connect(path)
    with connection:
        for table, column in [
            ("measures", "title"),
            ("units", "name"),
            ("meetings", "attendees"),
            ("decisions", "text"),
            ("people", "name"),
        ]:
            connection.execute(f"UPDATE {table} SET {column} = ? || {column}", (LEGACY,))
        connection.execute(
            "INSERT INTO access_events (at, login, event, detail) VALUES (?, ?, 'login_failed', ?)",
            ("2023-04-05T01:00:00+00:00", LEGACY, LEGACY),
        )
    connection.close()
    return path


COMMANDS = [
    ["measures"],
    ["measures", "--json"],
    ["overdue", "--as-of", "2023-04-03"],
    ["overdue", "--as-of", "2023-04-03", "--json"],
    ["export", "-", "--as-of", "2023-04-03"],
    ["report", "-o", "-", "--as-of", "2023-04-30", "--format", "md"],
    ["report", "-o", "-", "--as-of", "2023-04-30", "--format", "html"],
    ["meeting", "list"],
    ["decision", "list"],
    ["people", "list"],
    ["people", "list", "--json"],
    ["people", "events"],
    ["log", "2", "--percent", "10", "--note", "ก่อน\x1b[2Jหลัง"],
    ["--agency", "\x1b]52;c;QUdFTkNZ\x07", "measures"],
]


def output_through(path, arguments, terminal: bool) -> bytes:
    """Run ita-tui as a user's shell would: on a pseudo-terminal, or into a pipe."""
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-m", "ita_tui", "--db", str(path), *arguments]
    if not terminal:
        done = subprocess.run(command, capture_output=True, timeout=60)
        return done.stdout + done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def test_no_control_sequence_from_stored_text_reaches_a_terminal_or_a_pipe(tmp_path, run):
    import pytest

    path = legacy_database(tmp_path, run)
    seen_visible = 0
    for arguments in COMMANDS:
        for terminal in (True, False):
            output = output_through(path, arguments, terminal)
            for raw in RAW_CONTROLS:
                if raw in output:
                    pytest.fail(f"{arguments} on {'a pty' if terminal else 'a pipe'}: {raw!r}")
            text = output.decode("utf-8")
            seen_visible += "␛[2J" in text or "\\u001b[2J" in text
    assert seen_visible >= 2 * (len(COMMANDS) - 2)

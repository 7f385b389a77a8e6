"""Type-ahead as a user's terminal delivers it. The scenes of tests/test_type_ahead.py (an
officer's and a supervisor's work, in Thai and in the Thai keyboard layout) are played on the
real app, `python -m ita_tui --lang th --db …`, in a pseudo-terminal of 80×24: once slowly, each
key written and then a wait until the app is idle, and once as a burst, the bytes an xterm sends
for all the keys written back to back the moment the first frame shows. The database and the
screen as the terminal shows it must come out the same. Both plays of a scene run side by side,
each on its own copy of the sample plan."""

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from ita_tui.core.thai_calendar import today
from ita_tui.db import open_database
from tests.pseudo_terminal import KEY_BYTES, Terminal, key_bytes
from tests.test_type_ahead import NAMED_KEYS, SCENES, WRITTEN, without_clock_times

# Longest a play may take on a loaded machine: the app's start, every key and the wait for the
# toasts to go.
PLAY_SECONDS = 180
# Every section draws its bar: the first frame has come once it shows.
FIRST_FRAME_SHOWS = "ภาพรวม"
# A toast's left edge (Textual draws it with an `outer` border, nothing else in the app does).
TOAST_EDGE = "▌"


@dataclass
class Seen:
    written: list
    screen: list[str]


@dataclass
class Play:
    """One play of a scene: what the database and the screen held before the first key and
    once the app was done with the last."""

    before: Seen
    after: Seen


def written(database: Path) -> list:
    db = open_database(database)
    try:
        return [db.execute(sql).fetchall() for sql in WRITTEN]
    finally:
        db.close()


def settled(terminal: Terminal, deadline: float) -> list[str]:
    """The screen once the app is idle and the toasts it showed are gone (they would be there
    or not depending on how long ago their key came)."""
    terminal.wait_idle(deadline)
    while any(TOAST_EDGE in line for line in terminal.display()):
        terminal.check(deadline, "a toast stayed")
        time.sleep(0.05)
    terminal.wait_idle(deadline)
    return without_clock_times(terminal.display())


def played(folder: Path, keys: str, *, burst: bool, at_launch: bool = False) -> Play:
    """Played slowly, as a burst once the first frame shows, or (`at_launch`) as a burst as soon
    as the command has started, well before the app has the terminal."""
    database = folder / "plan.db"
    before = written(database)
    deadline = time.monotonic() + PLAY_SECONDS
    terminal = Terminal.start(
        ["--lang", "th", "--db", str(database)], settings=str(folder / "settings.toml")
    )
    try:
        if at_launch:
            while not terminal.passes_keys_on():
                terminal.check(deadline, "the command never took the keys as typed")
                time.sleep(0.001)
            typed_at_once(terminal, key_bytes(keys), deadline)
            assert not terminal.transcript, "the app had the terminal before the keys came"
        terminal.wait_for_frame(FIRST_FRAME_SHOWS, deadline)
        if at_launch:
            first_screen: list[str] = []
        elif burst:
            first_screen = without_clock_times(terminal.display())
            typed_at_once(terminal, key_bytes(keys), deadline)
        else:
            first_screen = settled(terminal, deadline)
            for key in key_bytes(keys):
                terminal.type(key, deadline)
                terminal.wait_idle(deadline)
        screen = settled(terminal, deadline)
    finally:
        terminal.stop()
        (folder / "terminal.out").write_bytes(terminal.transcript)
    return Play(Seen(before, first_screen), Seen(written(database), screen))


def typed_at_once(terminal: Terminal, keys: list[bytes], deadline: float) -> None:
    """In one write, but for Esc, which a keyboard cannot send in the same read as the key
    after it (see pseudo_terminal.ESCAPE_GAP_SECONDS)."""
    pending = b""
    for key in keys:
        if key == KEY_BYTES["escape"]:
            terminal.write(pending)
            pending = b""
            terminal.type(key, deadline)
        else:
            pending += key
    terminal.write(pending)


def both_plays(tmp_path: Path, run, keys: str, at_launch: bool = False) -> tuple[Play, Play]:
    """Side by side, each on a copy of the sample plan. The app dates its screens and records
    by today in Thailand: plays that began on one day and ended on the next are played again."""
    for attempt in ("first", "again"):
        day = today()
        folders = {
            "slowly": tmp_path / attempt / "slowly",
            "at-once": tmp_path / attempt / "at-once",
        }
        for folder in folders.values():
            folder.mkdir(parents=True)
            result = run("--db", str(folder / "plan.db"), "init", "--sample")
            assert result.code == 0, result.err
        with ThreadPoolExecutor(2) as pool:
            slowly = pool.submit(played, folders["slowly"], keys, burst=False)
            at_once = pool.submit(played, folders["at-once"], keys, burst=True, at_launch=at_launch)
            plays = slowly.result(), at_once.result()
        if today() == day:
            break
    return plays


@pytest.mark.slow
@pytest.mark.parametrize(("what", "keys"), SCENES, ids=[what for what, _ in SCENES])
def test_a_scene_typed_at_a_terminal_in_one_burst_does_what_it_does_typed_slowly(
    tmp_path, run, what, keys
):
    slowly, at_once = both_plays(tmp_path, run, keys)
    assert at_once.after.written == slowly.after.written
    assert at_once.after.screen == slowly.after.screen, "\n".join(
        ["typed slowly:", *slowly.after.screen, "at once:", *at_once.after.screen]
    )
    # The keys did something: a burst lost whole would leave both as they were before it.
    assert at_once.after != slowly.before


# Keys typed as the command starts, in both layouts: a section's key, Enter, a form, digits, Tab,
# Thai text, a shortcut to save.
AT_LAUNCH = [SCENES[0], SCENES[1]]


@pytest.mark.slow
@pytest.mark.parametrize(("what", "keys"), AT_LAUNCH, ids=[what for what, _ in AT_LAUNCH])
def test_keys_typed_before_the_app_has_the_terminal_do_what_they_do_typed_slowly(
    tmp_path, run, what, keys
):
    """Typed the moment `ita-tui` is started, before the app has the terminal: none are shown
    on the shell's screen nor lost, and Enter is Enter (the terminal's line editing would make
    it a line feed, Ctrl+J)."""
    slowly, at_launch = both_plays(tmp_path, run, keys, at_launch=True)
    assert at_launch.after.written == slowly.after.written
    assert at_launch.after.screen == slowly.after.screen, "\n".join(
        ["typed slowly:", *slowly.after.screen, "at launch:", *at_launch.after.screen]
    )
    assert at_launch.after.written != slowly.before.written


@pytest.mark.slow
def test_a_search_typed_at_a_terminal_in_a_burst_opens_the_measure_it_finds(tmp_path, run):
    """The scene of the issue, from the third row, searching a word only measure 7 has: the
    burst logs 40% with the note on measure 7, not on the row the cursor was on, and the Thai
    letters of the word act as no shortcut."""
    folder = tmp_path / "burst"
    folder.mkdir()
    assert run("--db", str(folder / "plan.db"), "init", "--sample").code == 0
    keys = "3 down down / ประชาคม enter enter p 4 0 tab note ctrl+s"
    play = played(folder, keys, burst=True)
    progress = play.after.written[0][len(play.before.written[0]) :]
    assert [(measure, percent, note) for measure, percent, note, _ in progress] == [(7, 40, "note")]
    assert any("ประชาคม" in line for line in play.after.screen)


def test_every_key_a_scene_names_is_sent_as_a_terminal_sends_it():
    assert set(NAMED_KEYS) <= set(KEY_BYTES)
    assert key_bytes("ctrl+s ก่ escape down") == [
        b"\x13",
        "ก".encode(),
        "่".encode(),
        b"\x1b",
        b"\x1b[B",
    ]

"""`ita-tui` started from a shell takes keys as typed while it starts (tests/test_type_ahead_terminal.py
types whole scenes then), and leaves the terminal as the shell had it: after the app, and for a
command, before the command reads anything."""

import termios
import time

import pytest

from tests.pseudo_terminal import Terminal

SECONDS = 60
# What a shell's terminal does and the app must leave as it was: Enter is a line feed, Ctrl+S
# pauses the output, keys are shown and held back line by line, Ctrl+V quotes.
INPUT_MODES = termios.ICRNL | termios.IXON
LOCAL_MODES = termios.ICANON | termios.ECHO | termios.IEXTEN | termios.ISIG


def modes(terminal: Terminal) -> tuple[int, int]:
    attributes = termios.tcgetattr(terminal.slave)
    return attributes[0] & INPUT_MODES, attributes[3] & LOCAL_MODES


def ended(terminal: Terminal) -> int:
    deadline = time.monotonic() + SECONDS
    while terminal.process.poll() is None:
        assert time.monotonic() < deadline, "\n".join(terminal.display())
        time.sleep(0.01)
    return terminal.process.returncode


@pytest.mark.slow
def test_the_terminal_is_as_the_shell_had_it_after_the_app(sample_db, tmp_path):
    terminal = Terminal.start(["--lang", "th", "--db", str(sample_db)], str(tmp_path / "s.toml"))
    try:
        shell_had = modes(terminal)
        assert shell_had == (INPUT_MODES, LOCAL_MODES)
        deadline = time.monotonic() + SECONDS
        terminal.wait_for_frame("ภาพรวม", deadline)
        terminal.write(b"q")
        assert ended(terminal) == 0
        assert modes(terminal) == shell_had
    finally:
        terminal.stop()


@pytest.mark.slow
def test_a_command_reads_its_prompt_from_the_terminal_as_the_shell_had_it(sample_db, tmp_path, run):
    """Keys are taken as typed only for the app: a password prompt gets the line the user types
    and ends with Enter, as the terminal's line editing gives it."""
    password_file = tmp_path / "admin.pw"
    password_file.write_text("a long pass phrase 1\n", encoding="utf-8")
    database = str(sample_db)
    added = run(
        "--db",
        database,
        "people",
        "add",
        "admin",
        "--name",
        "ผู้ดูแล",
        "--role",
        "administrator",
        "--new-password-file",
        str(password_file),
    )
    assert added.code == 0, added.err
    assert run("--db", database, "people", "require-login").code == 0
    terminal = Terminal.start(
        ["--db", database, "--lang", "en", "--by", "admin", "people", "events"],
        str(tmp_path / "s.toml"),
    )
    try:
        shell_had = modes(terminal)
        deadline = time.monotonic() + SECONDS
        while "assword" not in "".join(terminal.display()):
            terminal.check(deadline, "no password prompt")
            time.sleep(0.01)
        terminal.write(b"a long pass phrase 1\r")
        assert ended(terminal) == 0, "\n".join(terminal.display())
        assert any("admin" in line for line in terminal.display())
        assert modes(terminal) == shell_had
    finally:
        terminal.stop()


@pytest.mark.parametrize(
    ("lang", "says"), [("th", "เปิดได้ในเทอร์มินัลเท่านั้น"), ("en", "opens in a terminal")]
)
@pytest.mark.parametrize("command", [[], ["demo"]])
def test_the_app_with_no_terminal_to_read_keys_from_says_so_and_ends(
    sample_db, tmp_path, lang, says, command
):
    """Input from a file or a pipe: no key could ever reach the app, and Textual's reading went
    round at full speed for as long as nobody killed it."""
    import os
    import subprocess
    import sys

    environment = {**os.environ, "ITA_TUI_SETTINGS": str(tmp_path / "s.toml")}
    environment.pop("TEXTUAL_DRIVER", None)
    ended = subprocess.run(
        [sys.executable, "-m", "ita_tui", "--lang", lang, "--db", str(sample_db), *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment,
        timeout=SECONDS,
    )
    assert ended.returncode == 2, ended.stderr
    assert says in ended.stderr
    assert "Traceback" not in ended.stderr


@pytest.mark.slow
@pytest.mark.parametrize("ending", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_ended_by_a_signal_while_it_starts_it_leaves_the_terminal_as_the_shell_had_it(
    sample_db, tmp_path, ending
):
    """A shell that does not set the terminal up again after a program dies (`sh`, a script)
    is left with what the program made of it."""
    import signal

    terminal = Terminal.start(["--lang", "th", "--db", str(sample_db)], str(tmp_path / "s.toml"))
    try:
        shell_had = modes(terminal)
        deadline = time.monotonic() + SECONDS
        while not terminal.passes_keys_on():
            terminal.check(deadline, "the command never took the keys as typed")
            time.sleep(0.001)
        terminal.process.send_signal(getattr(signal, ending))
        ended(terminal)
        assert modes(terminal) == shell_had
    finally:
        terminal.stop()

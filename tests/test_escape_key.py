"""Esc, which closes every form, is answered after 50 ms rather than Textual's 100 ms, and is
still told apart from the keys a terminal sends as escape sequences: typed through a pseudo-
terminal as a user's terminal sends them, to an app on the app's terminal driver."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ita_tui.widgets import textual_internals
from tests.pseudo_terminal import end_process_group

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")

# An app on ita-tui's driver that writes down each key it is given, one a line.
KEY_LOGGER = textwrap.dedent(
    """
    import sys
    from ita_tui.screens.prompt_escape import PromptEscape

    class KeyLogger(PromptEscape):
        def on_ready(self):
            self.log_keys("ready")

        def on_key(self, event):
            self.log_keys(event.key)
            if event.key == "q":
                self.exit()

        def log_keys(self, line):
            with open(sys.argv[1], "a", encoding="utf-8") as log:
                log.write(line + "\\n")

    KeyLogger().run()
    """
)


class Terminal:
    def __init__(self, tmp_path: Path, environment: dict[str, str]) -> None:
        self.log = tmp_path / "keys.log"
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-c", KEY_LOGGER, str(self.log)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**environment, "TERM": "xterm-256color"},
            start_new_session=True,
        )
        os.close(slave)

    def keys(self) -> list[str]:
        if not self.log.exists():
            return []
        return self.log.read_text(encoding="utf-8").split()

    def wait_for(self, count: int, timeout: float = 60.0) -> list[str]:
        """Until the app has logged `count` lines (its first, "ready")."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._drain()
            if len(self.keys()) >= count:
                return self.keys()
            time.sleep(0.02)
        raise AssertionError(f"the app logged {self.keys()}, waiting for {count} lines")

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def _drain(self) -> None:
        # What the app draws is read and dropped, lest it block on a full terminal.
        import select

        while select.select([self.master], [], [], 0)[0]:
            try:
                if not os.read(self.master, 1 << 16):
                    return
            except OSError:
                return

    def close(self) -> None:
        end_process_group(self.process)
        os.close(self.master)


@pytest.fixture
def environment() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if name not in ("ESCDELAY", "TEXTUAL", "TEXTUAL_DRIVER")
    }


@pytest.fixture
def terminal(tmp_path, environment):
    terminals: list[Terminal] = []

    def start(**settings: str) -> Terminal:
        terminals.append(Terminal(tmp_path, {**environment, **settings}))
        terminals[-1].wait_for(1)
        return terminals[-1]

    yield start
    for started in terminals:
        started.close()


def test_esc_then_a_key_typed_after_it_are_esc_then_that_key(terminal):
    app = terminal()
    app.type(b"\x1b")
    # Past the app's 50 ms, and past Textual's own 100 ms: a quick hand, not a chord.
    time.sleep(0.2)
    app.type(b"e")
    assert app.wait_for(3)[1:] == ["escape", "e"]


def test_keys_sent_as_escape_sequences_stay_those_keys(terminal):
    app = terminal()
    # As a terminal sends them: the arrows, Home, F5 and shift+Tab, each in one write.
    for sequence in (b"\x1b[A", b"\x1b[B", b"\x1bOC", b"\x1b[H", b"\x1b[15~", b"\x1b[Z"):
        app.type(sequence)
        time.sleep(0.2)
    app.type(b"\x1b")
    assert app.wait_for(8)[1:] == ["up", "down", "right", "home", "f5", "shift+tab", "escape"]


def test_the_users_own_escdelay_wins(terminal):
    # Two seconds: Esc then a key 0.2 s later is one chord, alt and that key, as the user's
    # setting says, where the app's own 50 ms would have made them two keys.
    app = terminal(ESCDELAY="2000")
    app.type(b"\x1b")
    time.sleep(0.2)
    app.type(b"e")
    assert app.wait_for(2)[1:] == ["alt+e"]


def test_the_app_waits_50_ms_after_esc_unless_told_otherwise():
    assert textual_internals.escape_delay_from({}) == 0.05
    assert textual_internals.prompt_escape(textual_internals.LinuxDriver) is (
        textual_internals.PromptEscapeDriver
    )

"""The app in a pseudo-terminal, driven as a user's terminal drives it: keys go in as the bytes
an xterm sends, and what the app writes is drawn by a terminal emulator (pyte) into the screen
the user would see. The app's question whether the terminal supports synchronized output (mode
2026) is answered yes, as current terminals do, so that its frames arrive whole (see
benchmarks/keys.py, which measures keys in the same way)."""

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import unicodedata
from dataclasses import dataclass, field

import pyte

SYNC_END = b"\x1b[?2026l"
SYNC_QUERY, SYNC_ANSWER = b"\x1b[?2026$p", b"\x1b[?2026;2$y"

# The bytes an xterm sends for each named key; any other key is its character in UTF-8.
KEY_BYTES = {
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "space": b" ",
    "backspace": b"\x7f",
    "escape": b"\x1b",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "ctrl+a": b"\x01",
    "ctrl+k": b"\x0b",
    "ctrl+p": b"\x10",
    "ctrl+s": b"\x13",
}
# A lone Esc byte is a key only once nothing has followed it for ESCDELAY (100 ms, Textual's
# default as curses'): bytes that come sooner are read as the rest of an escape sequence, and a
# key after it as Alt+key. A keyboard cannot send Esc and the next key in one read, so a burst
# writes Esc on its own and waits this long once the app has read it (Textual looks for the
# delay's end only every 100 ms, between reads: so twice the delay, and some more for a busy
# machine) before the keys after it.
ESCAPE_GAP_SECONDS = 0.3


def key_bytes(keys: str) -> list[bytes]:
    """The bytes of each key of a space-separated scene: a named key (KEY_BYTES) or characters
    typed one by one, as a keyboard sends Thai text (each vowel and tone mark a key of its own)."""
    typed = []
    for token in keys.split(" "):
        if token in KEY_BYTES:
            typed.append(KEY_BYTES[token])
        else:
            typed.extend(character.encode() for character in token)
    return typed


class ThaiScreen(pyte.Screen):
    """pyte's screen, which stops drawing a piece of text at the first character of no width
    that Unicode gives no combining class (Thai ั ิ ี ึ ื ็ among them), so that the rest of the
    line was lost: here every mark joins the character before it, as a terminal shows it."""

    def draw(self, data: str) -> None:
        start = 0
        for index, character in enumerate(data):
            if unicodedata.category(character) in ("Mn", "Me"):
                super().draw(data[start:index])
                self._add_mark(character)
                start = index + 1
        super().draw(data[start:])

    def _add_mark(self, mark: str) -> None:
        if self.cursor.x == 0:
            return
        line = self.buffer[self.cursor.y]
        cell = line[self.cursor.x - 1]
        line[self.cursor.x - 1] = cell._replace(data=cell.data + mark)


@dataclass
class Terminal:
    """The app's process in a pseudo-terminal of `columns`×`rows`, and the screen it draws."""

    process: subprocess.Popen
    master: int
    # The terminal's side the app reads from, kept open here to see what it has not read yet.
    slave: int
    screen: ThaiScreen
    frames: int = 0
    last_output: float = field(default_factory=time.monotonic)
    closed: bool = False
    _stream: pyte.ByteStream = field(init=False)
    _tail: bytes = b""
    # Every byte the app wrote, for a failing test to be read afterwards.
    transcript: bytearray = field(default_factory=bytearray)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._stream = pyte.ByteStream(self.screen)
        threading.Thread(target=self._read, daemon=True).start()

    @classmethod
    def start(
        cls, arguments: list[str], settings: str, columns: int = 80, rows: int = 24
    ) -> "Terminal":
        """`python -m ita_tui` with the arguments and a settings file of its own (the app
        writes the language and digits chosen there), in the test's environment otherwise."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "ITA_TUI_SETTINGS": settings,
        }
        # COLUMNS and LINES (pytest-xdist's workers have 80 and 24) would override the size of
        # the terminal for Textual's first layout, as in no terminal a user opens.
        for name in (
            "TEXTUAL",
            "TEXTUAL_DRIVER",
            "ESCDELAY",
            "TEXTUAL_ALLOW_SIGNALS",
            "COLUMNS",
            "LINES",
        ):
            environment.pop(name, None)
        process = subprocess.Popen(
            [sys.executable, "-m", "ita_tui", *arguments],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        return cls(process, master, slave, ThaiScreen(columns, rows))

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self.last_output = time.monotonic()
                seen = self._tail + chunk
                if SYNC_QUERY in seen:
                    os.write(self.master, SYNC_ANSWER)
                self.frames += seen.count(SYNC_END)
                self._tail = seen[-(len(SYNC_QUERY) - 1) :]
                self.transcript += chunk
                self._stream.feed(chunk)
        self.closed = True

    def display(self) -> list[str]:
        """The screen's lines as the terminal shows them now."""
        with self._lock:
            return list(self.screen.display)

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def type(self, key: bytes, deadline: float) -> None:
        """One key as a keyboard sends it. After Esc, the wait that makes it a key (see
        ESCAPE_GAP_SECONDS)."""
        self.write(key)
        if key == KEY_BYTES["escape"]:
            self.wait_until_read(deadline)
            time.sleep(ESCAPE_GAP_SECONDS)

    def unread(self) -> int:
        """How many bytes typed the app has not read yet."""
        waiting = fcntl.ioctl(self.slave, termios.FIONREAD, struct.pack("i", 0))
        return struct.unpack("i", waiting)[0]

    def wait_until_read(self, deadline: float) -> None:
        while self.unread():
            self.check(deadline, "the app did not read what was typed")
            time.sleep(0.002)

    def passes_keys_on(self) -> bool:
        """Whether the terminal hands each key over as typed, unshown (not as a shell leaves it:
        shown, and held back line by line)."""
        local_modes = termios.tcgetattr(self.slave)[3]
        return not local_modes & (termios.ICANON | termios.ECHO)

    def wait_for_frame(self, shows: str, deadline: float) -> None:
        """Until a whole frame has arrived and the screen shows the words."""
        while not (self.frames and any(shows in line for line in self.display())):
            self.check(deadline, f"no frame showed {shows!r}")
            time.sleep(0.01)

    def wait_idle(self, deadline: float, quiet: float = 0.1) -> None:
        """Until the app has read every key and then, for `quiet` seconds, none of its threads
        wanted the processor or the disk (each is looked at every 10 ms), it used at most a tick
        of processor time, and it wrote nothing: it has done what the keys asked and drawn it.
        A blinking cursor (twice a second) may make it wait a little longer."""
        while True:
            self.wait_until_read(deadline)
            ticks = self.cpu_ticks()
            written = self.last_output
            start = time.monotonic()
            busy = False
            while time.monotonic() - start < quiet and not busy:
                time.sleep(0.01)
                busy = self.wants_processor() or self.last_output != written
            if not busy and self.cpu_ticks() - ticks <= 1 and not self.unread():
                return
            self.check(deadline, "the app never went idle")

    def _threads(self) -> list[str]:
        return os.listdir(f"/proc/{self.process.pid}/task")

    def wants_processor(self) -> bool:
        """Whether a thread of the app is running, waiting for a core, or waiting for the disk
        (a save's fsync on a busy machine)."""
        for thread in self._threads():
            try:
                with open(f"/proc/{self.process.pid}/task/{thread}/stat") as stat:
                    state = stat.read().rpartition(")")[2].split()[0]
            except FileNotFoundError:
                continue
            if state in ("R", "D"):
                return True
        return False

    def cpu_ticks(self) -> int:
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return int(fields[11]) + int(fields[12])

    def check(self, deadline: float, what: str) -> None:
        if self.process.poll() is not None:
            raise AssertionError(
                f"the app ended (code {self.process.returncode}); its screen:\n"
                + "\n".join(self.display())
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}; the screen:\n" + "\n".join(self.display()))

    def stop(self) -> None:
        end_process_group(self.process)
        os.close(self.slave)
        os.close(self.master)


def end_process_group(process: subprocess.Popen) -> None:
    """Stop an app started in a session of its own, as closing its terminal would, and wait for
    it; killed if it has not ended in 10 s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

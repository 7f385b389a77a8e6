"""Key to next frame in the app, as a user at a terminal sees it, first visits and later ones.

    python benchmarks/keys.py [--runs 5] [--eager]

Method. Each run starts `ita-tui --lang th demo` (the sample plan as of 3 เม.ย. 2566) in a pseudo-
terminal of 140×40 columns and rows, and this script plays the terminal: it reads everything the
app writes, and answers the app's question whether the terminal supports synchronized output
(mode 2026) with yes, as current terminals do (kitty, WezTerm, foot, iTerm2, Windows Terminal,
recent xterm and tmux). From then on Textual brackets every frame between `ESC[?2026h` and
`ESC[?2026l`, and a terminal shows a frame when its closing bracket arrives: that moment is when
the user sees it. A step writes one key's bytes to the terminal, as a keyboard does, and waits
for the first whole frame after it that holds the step's marks: words only the screen or form the
key opens draws (a form's title and a field's label; for a section, words from its data).
The latency is from writing the key to the arrival of that frame's closing bracket. For Esc the
marks are those of the screen beneath, drawn whole again when the form closes; its figure
includes the 50 ms the app waits after a lone Esc byte to tell it from the start of an escape
sequence (Textual's own wait is 100 ms; the user's `ESCDELAY`, unset here, would set it), which
every key sent as an escape sequence does not wait.

Before each key the script waits until the app is idle (its process used at most 2% of a core for
half a second, read from /proc, and wrote nothing new but a cursor's blink), as a user reads a
screen before typing: so a first visit here is the first time a screen is opened, after the app
has had time to prepare what it prepares after its first frame. `--eager` types the first key
the moment the first frame arrives instead, and waits for nothing between the first visits (the
case of someone who types ahead while the app starts).

Each run is a new process, so that the first visits are first visits; the steps go through every
section, open a measure and its forms, then the global forms, then all of it again (later
visits). The runs share a cache folder of their own, which one session before them, not counted,
fills as a user's earlier sessions do: it takes every step once and ends with `q` (a counted run
is stopped instead, and keeps nothing), so that the texts the screens show divide as they were
divided before, without the Thai word list being loaded on a key. The figures are the median and the worst over the runs, in milliseconds, beside the
machine's load average, which matters: this is measured on a shared machine. Beside them, the
median processor time the app's process used from the key to its frame (read from /proc, in
steps of 10 ms), which the load changes much less: on a machine whose cores are busy with other
work the wall time grows, the work the app does for the key does not."""

import argparse
import contextlib
import fcntl
import os
import platform
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field

COLUMNS, ROWS = 140, 40
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
SYNC_QUERY, SYNC_ANSWER = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
KEY_BYTES = {"enter": b"\r", "escape": b"\x1b"}
# Issue 22: every key within 100 ms (median) on a quiet machine.
TARGET_MS = 100
TICKS = os.sysconf("SC_CLK_TCK")

# What each key opens, by words that only it draws (Thai, the demo's language).
SAVE = "บันทึก (Ctrl+S)"
OVERVIEW = ("ข้อเสนอแนะจากการวิเคราะห์",)
MEASURES = ("แสดง ๑๑ จาก ๑๑",)
MEASURE = ("วิธีการดำเนินการ",)
MEETINGS = ("การประชุม (ล่าสุดก่อน)",)
PROGRESS_FORM = ("บันทึกความก้าวหน้า", SAVE)
EDIT_FORM = ("แก้ไขมาตรการ", "หัวข้อ (ถ้ามี)")
STATUS_FORM = ("เปลี่ยนสถานะ", SAVE)
EVIDENCE_FORM = ("แนบหลักฐาน", SAVE)
ADD_FORM = ("เพิ่มมาตรการ", "หัวข้อ (ถ้ามี)")
MEETING_FORM = ("บันทึกการประชุม", "ผู้เข้าประชุม", SAVE)
AS_OF_FORM = ("วันที่อ้างอิง", SAVE)
EXPORT_FORM = ("ส่งออกสถานะเป็น TOML", SAVE)

# (key, what it does, the words its frame shows, the words its frame no longer shows)
SECTIONS = [
    ("2", "section 2 indicators", ("ตัวชี้วัด (คะแนนล่าสุด)",), ()),
    ("3", "section 3 measures", MEASURES, ()),
    ("4", "section 4 follow-up", ("(ตามกองหลัก)",), ()),
    ("5", "section 5 plan editing", ("ผลการประเมิน",), ()),
    ("6", "section 6 meetings", MEETINGS, ()),
    ("7", "section 7 analysis", ("(▆) เทียบปี",), ()),
    ("8", "section 8 people", ("บันทึกการเข้าใช้",), ()),
    ("0", "section 0 agencies", ("ค้นหาหน่วยงาน",), ()),
    ("1", "section 1 overview", OVERVIEW, ()),
]
# Esc closing a form: the screen beneath drawn whole again (a form shows it dimmed behind it,
# so words of the form, found nowhere else, must have gone too).
CLOSE = "Esc closes a form"
MEASURE_AND_FORMS = [
    ("3", "section 3 measures", MEASURES, ()),
    ("enter", "Enter opens a measure", MEASURE, ()),
    ("p", "p progress form", PROGRESS_FORM, ()),
    ("escape", CLOSE, MEASURE, (SAVE,)),
    ("e", "e edit form", EDIT_FORM, ()),
    ("escape", CLOSE, MEASURE, EDIT_FORM[1:]),
    ("s", "s status form", STATUS_FORM, ()),
    ("escape", CLOSE, MEASURE, (SAVE,)),
    ("v", "v evidence form", EVIDENCE_FORM, ()),
    ("escape", CLOSE, MEASURE, (SAVE,)),
    ("escape", "Esc back to the measures", MEASURES, ()),
    ("a", "a add-measure form", ADD_FORM, ()),
    ("escape", CLOSE, MEASURES, ADD_FORM[1:]),
    ("6", "section 6 meetings", MEETINGS, ()),
    ("a", "a meeting form", MEETING_FORM, ()),
    ("escape", CLOSE, MEETINGS, (SAVE,)),
    ("d", "d as-of form", AS_OF_FORM, ()),
    ("escape", CLOSE, MEETINGS, (SAVE,)),
    ("x", "x export form", EXPORT_FORM, ()),
    ("escape", CLOSE, MEETINGS, (SAVE,)),
]
STEPS = SECTIONS + MEASURE_AND_FORMS


@dataclass
class Terminal:
    """The app in a pseudo-terminal, and every frame it has shown, with when it arrived."""

    process: subprocess.Popen
    master: int
    frames: list[tuple[float, bytes]] = field(default_factory=list)
    last_output: float = 0.0
    pending: bytes = b""
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls, settings_path: str, cache_folder: str) -> "Terminal":
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "ITA_TUI_SETTINGS": settings_path,
            "ITA_TUI_CACHE": cache_folder,
        }
        for name in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL", "TEXTUAL_DRIVER", "ESCDELAY"):
            environment.pop(name, None)
        process = subprocess.Popen(
            [sys.executable, "-m", "ita_tui", "--lang", "th", "demo"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        terminal = cls(process, master)
        threading.Thread(target=terminal._read, daemon=True).start()
        return terminal

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            with self.lock:
                self.last_output = now
                self.pending += chunk
                if SYNC_QUERY in self.pending:
                    os.write(self.master, SYNC_ANSWER)
                    self.pending = self.pending.replace(SYNC_QUERY, b"")
                while SYNC_END in self.pending:
                    frame, _, self.pending = self.pending.partition(SYNC_END)
                    self.frames.append((now, frame.rpartition(SYNC_START)[2]))

    def press(self, key: str) -> float:
        sent = time.perf_counter()
        os.write(self.master, KEY_BYTES.get(key, key.encode()))
        return sent

    def frame_after(
        self, since: float, marks: tuple[str, ...], gone: tuple[str, ...], timeout: float = 20.0
    ) -> float:
        """When the first frame after `since` holding every mark and none of `gone` arrived."""
        wanted = [mark.encode() for mark in marks]
        unwanted = [mark.encode() for mark in gone]
        deadline = time.perf_counter() + timeout
        seen = 0
        while time.perf_counter() < deadline:
            with self.lock:
                frames = self.frames[seen:]
                seen = len(self.frames)
            for arrived, frame in frames:
                if (
                    arrived >= since
                    and all(mark in frame for mark in wanted)
                    and not any(mark in frame for mark in unwanted)
                ):
                    return arrived
            time.sleep(0.001)
        raise SystemExit(f"no frame with {marks} within {timeout} s: has the screen changed?")

    def cpu_ticks(self) -> int:
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return int(fields[11]) + int(fields[12])

    def wait_idle(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Until the app has used at most 2% of a core over `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        allowed = max(1, round(quiet * TICKS * 0.02))
        while time.perf_counter() < deadline:
            before = self.cpu_ticks()
            time.sleep(quiet)
            if self.cpu_ticks() - before <= allowed:
                return

    def quit(self) -> None:
        """Back to the overview and out with `q`, as a user ends a session (the app keeps
        what it keeps between sessions then); stopped if it does not end."""
        for key in ("escape", "escape", "1"):
            self.press(key)
            self.wait_idle()
        self.press("q")
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is not None:
            os.close(self.master)
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def one_run(
    settings_path: str, cache_folder: str, eager: bool, rounds: tuple[str, ...] = ("first", "again")
) -> tuple[float, dict[str, list[float]], dict[str, list[float]]]:
    """Start-up to first frame, and each step's latencies and processor times in ms by label,
    in the order taken: the first is the first visit."""
    figures: dict[str, list[float]] = {}
    work: dict[str, list[float]] = {}
    started = time.perf_counter()
    terminal = Terminal.start(settings_path, cache_folder)
    try:
        first_frame = terminal.frame_after(started, OVERVIEW, (), timeout=60.0)
        for round_ in rounds:
            hurry = eager and round_ == "first"
            if not hurry:
                terminal.wait_idle()
            for key, label, marks, gone in STEPS:
                ticks = terminal.cpu_ticks()
                sent = terminal.press(key)
                arrived = terminal.frame_after(sent, marks, gone)
                figures.setdefault(label, []).append((arrived - sent) * 1000)
                work.setdefault(label, []).append((terminal.cpu_ticks() - ticks) * 1000 / TICKS)
                if hurry:
                    # Past the wait after Esc, lest Esc and the next key read as alt+key.
                    time.sleep(0.1)
                else:
                    terminal.wait_idle()
        if rounds == ("first",):
            terminal.quit()
    finally:
        terminal.stop()
    return (first_frame - started) * 1000, figures, work


def first_visits(runs: list[dict[str, list[float]]], label: str) -> list[float]:
    return [figures[label][0] for figures in runs]


def later_visits(runs: list[dict[str, list[float]]], label: str) -> list[float]:
    return [value for figures in runs for value in figures[label][1:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--eager", action="store_true", help="type the first visits at once")
    arguments = parser.parse_args()

    loads = [os.getloadavg()[0]]
    starts: list[float] = []
    runs: list[dict[str, list[float]]] = []
    works: list[dict[str, list[float]]] = []
    with tempfile.TemporaryDirectory(prefix="ita-tui-keys-") as folder:
        settings, cache = os.path.join(folder, "settings.toml"), os.path.join(folder, "cache")
        # One session, not counted, through every step and closed with `q`, as a user's earlier
        # sessions: what the app keeps between sessions (where its Thai texts divide, the built
        # sample) is then as it is for someone who has used it.
        one_run(settings, cache, eager=False, rounds=("first",))
        for number in range(arguments.runs):
            start, figures, work = one_run(settings, cache, arguments.eager)
            starts.append(start)
            runs.append(figures)
            works.append(work)
            loads.append(os.getloadavg()[0])
            print(f"run {number + 1}/{arguments.runs} done", file=sys.stderr)

    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, "
        f"{os.cpu_count()} cores, CPython {platform.python_version()}, "
        f"{COLUMNS}×{ROWS}, {arguments.runs} runs{' (eager)' if arguments.eager else ''}; "
        f"load average (1 min) {min(loads):.1f}–{max(loads):.1f} during the runs"
    )
    print()
    print(
        f"start-up to first frame: median {statistics.median(starts):.0f} ms, "
        f"worst {max(starts):.0f} ms"
    )
    print()
    print(
        "| key | first visit: median | worst | processor | "
        "later visit: median | worst | processor |"
    )
    print("|---|---|---|---|---|---|---|")
    labels = list(dict.fromkeys(label for _, label, _, _ in STEPS))
    over = []
    for label in labels:
        cells = []
        for visit, (latencies, processor) in {
            "first": (first_visits(runs, label), first_visits(works, label)),
            "later": (later_visits(runs, label), later_visits(works, label)),
        }.items():
            cells += [
                f"{statistics.median(latencies):.0f} ms",
                f"{max(latencies):.0f} ms",
                f"{statistics.median(processor):.0f} ms",
            ]
            if statistics.median(latencies) > TARGET_MS:
                over.append(f"{label} ({visit})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()
    print(f"over {TARGET_MS} ms (median): " + (", ".join(over) if over else "none"))


if __name__ == "__main__":
    main()

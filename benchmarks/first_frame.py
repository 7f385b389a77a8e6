"""Launch to first visible frame under tmux: the app beside a bare Textual app, in turn.

    python benchmarks/first_frame.py [--runs 10] [--size 80x24]

Method. A tmux server of its own (a socket of this script's) opens a window of the given size
for each launch, running in turn `python -m ita_tui --lang th demo` (the sample plan, README's first command),
`python -m ita_tui --lang th --db FILE` (an officer's own database, here the sample imported by
`init --sample`: the daily launch) and a bare Textual app that shows one word, with the same
interpreter. The
time runs from asking tmux for the window to the first capture of the pane (polled every 5 ms)
that shows the screen: for the app, the overview's score line ("คะแนนรวม") and its footer; for the
bare app, its word. The two are launched in turn, run after run, so that a change in the
machine's load falls on both alike, and the figures are medians with the worst case. Beside the
wall time, the processor time the launched process had used when its screen showed (from
/proc, in steps of 10 ms), which depends much less on what else the machine runs.

Target (issue #22): the app's first frame within 1.5× the bare app's."""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("ready")
Bare().run()
"""
TICKS = os.sysconf("SC_CLK_TCK")
TARGET = 1.5


def tmux(socket: str, *arguments: str) -> str:
    done = subprocess.run(
        ["tmux", "-L", socket, *arguments], capture_output=True, text=True, check=False
    )
    return done.stdout


def cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / TICKS


def launch(
    socket: str, size: str, command: str, marks: tuple[str, ...], quit_key: str | None = None
) -> tuple[float, float]:
    """Seconds from asking for the window to the first capture showing every mark, and the
    processor seconds the launched process had used by then; with `quit_key`, the program is
    then closed as a user closes it (and waited for), rather than its window."""
    width, height = size.split("x")
    started = time.perf_counter()
    tmux(socket, "new-session", "-d", "-s", "look", "-x", width, "-y", height, command)
    pid = int(tmux(socket, "display-message", "-p", "-t", "look", "#{pane_pid}").strip() or 0)
    deadline = started + 30
    try:
        while time.perf_counter() < deadline:
            screen = tmux(socket, "capture-pane", "-p", "-t", "look")
            if all(mark in screen for mark in marks):
                shown = time.perf_counter() - started, cpu_seconds(pid)
                if quit_key:
                    tmux(socket, "send-keys", "-t", "look", quit_key)
                    while "look" in tmux(socket, "list-sessions", "-F", "#{session_name}"):
                        time.sleep(0.05)
                return shown
            time.sleep(0.005)
        raise SystemExit(f"no screen with {marks} within 30 s:\n{screen}")
    finally:
        tmux(socket, "kill-session", "-t", "look")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="80x24")
    arguments = parser.parse_args()

    python = shlex.quote(sys.executable)
    socket = f"first-frame-{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "settings.toml"
        # As an installed program runs: its modules' bytecode cached (pip writes it at install).
        environment = (
            "-u PYTHONDONTWRITEBYTECODE TERM=xterm-256color"
            f" ITA_TUI_SETTINGS={shlex.quote(str(settings))}"
            f" ITA_TUI_CACHE={shlex.quote(folder)}"
        )
        database = Path(folder) / "plan.db"
        subprocess.run(
            [sys.executable, "-m", "ita_tui", "--db", str(database), "init", "--sample"],
            check=True,
            capture_output=True,
        )
        overview = ("คะแนนรวม", "ออก")
        launches = {
            "ita-tui demo": (
                f"env {environment} {python} -m ita_tui --lang th demo",
                overview,
                "q",
            ),
            "ita-tui --db": (
                f"env {environment} {python} -m ita_tui --lang th --db {shlex.quote(str(database))}",
                overview,
                "q",
            ),
            "bare Textual app": (
                f"env {environment} {python} -c {shlex.quote(BARE_APP)}",
                ("ready",),
                "C-q",
            ),
        }
        # tmux starts its server with the first session; one launch of each, not counted and
        # closed by its quit key, brings the programs' files into the page cache and leaves what
        # the app keeps between sessions (where its Thai texts divide) as a user's next launch
        # finds them.
        tmux(socket, "new-session", "-d", "-s", "keep", "sleep 3600")
        try:
            for command, marks, quit_key in launches.values():
                launch(socket, arguments.size, command, marks, quit_key)
            walls: dict[str, list[float]] = {name: [] for name in launches}
            cpus: dict[str, list[float]] = {name: [] for name in launches}
            for _ in range(arguments.runs):
                for name, (command, marks, _) in launches.items():
                    wall, cpu = launch(socket, arguments.size, command, marks)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
        finally:
            tmux(socket, "kill-server")

    load = os.getloadavg()
    print(
        f"launch to first frame under tmux at {arguments.size}, {arguments.runs} runs in turn,"
        f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    print(f"{'':18} {'median':>8} {'worst':>8} {'processor':>10}")
    for name in walls:
        print(
            f"{name:18} {statistics.median(walls[name]) * 1000:6.0f} ms"
            f" {max(walls[name]) * 1000:6.0f} ms"
            f" {statistics.median(cpus[name]) * 1000:7.0f} ms"
        )
    bare_wall = statistics.median(walls["bare Textual app"])
    bare_cpu = statistics.median(cpus["bare Textual app"])
    for name in list(launches)[:-1]:
        ratio = statistics.median(walls[name]) / bare_wall
        cpu_ratio = statistics.median(cpus[name]) / bare_cpu
        print(
            f"{name} against the bare app: {ratio:.2f}× by wall time,"
            f" {cpu_ratio:.2f}× by processor time (target ≤ {TARGET}×)"
        )


if __name__ == "__main__":
    main()

"""Measure ita-tui against its floors, side by side in one run, and print a Markdown table.

    python benchmarks/run.py [--sizes 1000,10000,100000,250000] [--runs 5] [--only overdue]

For each size a single-agency database is generated once (benchmarks/.data/, reused), then:
- `ita-tui overdue --json` against the least work that prints the same rows: a script that loads
  only sqlite3 and json and asks SQLite for each overdue measure's id, title, end, units and
  latest percent, with no more SQL than finds them (no order, no other field);
- building and writing the snapshot against `tomli_w.dumps` of the same document in memory;
- the time to the first frame of the measures screen against a minimal Textual app that exits
  on its first frame;
- a search typed into the measures screen, from keystroke to updated table;
- peak memory (maximum resident set) of each process;
- `task overdue` on the same measures loaded into taskwarrior (benchmarks/taskwarrior.py), when
  Debian's taskwarrior is installed (otherwise the row says skipped).
Figures are medians of several runs. Start-up compares `ita-tui overdue` on the bundled sample."""

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE / ".data"
AS_OF = "2023-06-01"

# The floor of `overdue --json`: the least a program must do to print the same rows. It loads
# sqlite3 and json only, finds the agency's open measures past their end (the index on agency,
# status and end date answers that), and has SQLite write each one's id, title, end, units (in
# their order) and latest percent as JSON; it neither sorts the rows nor adds other fields.
FLOOR_OVERDUE = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    "SELECT json_object('id', m.id, 'title', m.title, 'end', m.end_date,"
    " 'units', (SELECT json_group_array(name) FROM (SELECT u.name FROM measure_units mu"
    "   JOIN units u ON u.id = mu.unit_id WHERE mu.measure_id = m.id ORDER BY mu.position)),"
    " 'percent', coalesce((SELECT percent FROM progress WHERE measure_id = m.id"
    "   ORDER BY entry_date DESC, id DESC LIMIT 1), 0))"
    " FROM measures m WHERE m.agency_id = ? AND m.status IN ('not_started', 'in_progress')"
    " AND m.end_date < ?",
    (int(sys.argv[2]), sys.argv[3]),
)
sys.stdout.write("[" + ",".join(row for (row,) in rows) + "]")
"""

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("ready")
    def on_ready(self):
        self.exit()
Minimal().run(headless=True, size=(120, 35))
"""

FIRST_FRAME = """
import sys
from datetime import date
from ita_tui.app import ItaApp
from ita_tui.db import open_database
class FirstFrame(ItaApp):
    DEFAULT_MODE = sys.argv[2]
    def on_ready(self):
        self.call_after_refresh(self.exit)
FirstFrame(open_database(sys.argv[1]), as_of=date(2023, 6, 1), persist_settings=False).run(headless=True, size=(120, 35))
"""

SEARCH = """
import asyncio, sys, time
from datetime import date
from ita_tui.app import ItaApp
from ita_tui.db import open_database
async def main():
    app = ItaApp(open_database(sys.argv[1]), as_of=date(2023, 6, 1), persist_settings=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        search = screen.query_one("#search")
        timings = []
        for word in ("ทุจริต", "E-Service", "รอบ ๖", "งบ", ""):
            started = time.perf_counter()
            search.value = word
            screen.refresh_rows()
            timings.append(time.perf_counter() - started)
        # A word of two characters alone: its rows show at once, its count comes after.
        started = time.perf_counter()
        search.value = "งบ"
        screen.refresh_rows()
        count = screen.query_one("#measure-count")
        while "…" in str(count.render()):
            await asyncio.sleep(0.002)
        counted = time.perf_counter() - started
        print(max(timings), counted)
asyncio.run(main())
"""

EXPORT = """
import sys, time
from datetime import date
import tomli_w
from ita_tui.documents import snapshot
from ita_tui.db import open_database
db = open_database(sys.argv[1])
started = time.perf_counter()
snapshot.export(db, sys.argv[2], date(2023, 6, 1))
ours = time.perf_counter() - started
document = snapshot.build(db, date(2023, 6, 1))
started = time.perf_counter()
tomli_w.dumps(document)
floor = time.perf_counter() - started
print(ours, floor)
"""


def timed(command: list[str], runs: int) -> tuple[float, float, str]:
    """Median wall time, peak memory in MB of the slowest run's process, and its output."""
    times, peaks, output = [], [], ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peaks.append(max(after, before) / 1024)
        output = done.stdout
    return statistics.median(times), max(peaks), output


def interleaved(commands: list[list[str]], runs: int) -> list[tuple[float, float, str]]:
    """Median wall time, median processor time (user and system) and output of each command,
    run in turn, so that a change in the machine's load falls on all of them alike. On a machine
    shared with others the processor time is the steadier figure: waiting for a core is not
    counted in it."""
    times: list[list[float]] = [[] for _ in commands]
    cpu: list[list[float]] = [[] for _ in commands]
    outputs = [""] * len(commands)
    for _ in range(runs):
        for number, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            times[number].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[number].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            outputs[number] = done.stdout
    return [
        (statistics.median(t), statistics.median(c), output)
        for t, c, output in zip(times, cpu, outputs, strict=True)
    ]


def database_for(size: int) -> Path:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"single-{size}.db"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        print(f"generating {size} measures …", file=sys.stderr)
        generate(path, 1, size, seed=size)
    return path


def national_database_for(size: int) -> Path:
    """About 30 measures an agency, as across the country's 8,300 assessed agencies."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"national-{size}.db"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        print(f"generating {size} measures in {max(1, size // 30)} agencies …", file=sys.stderr)
        generate(path, max(1, size // 30), 30, seed=size)
    return path


def only_agency(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        (agency_id,) = connection.execute("SELECT id FROM agencies").fetchone()
    finally:
        connection.close()
    return str(agency_id)


def same_rows(ours: str, floor: str) -> bool:
    """Whether both printed the same measures with the same id, title, end, units and percent
    (the floor leaves them in the order it finds them)."""
    fields = ("id", "title", "end", "units", "percent")

    def keyed(printed: str) -> dict:
        return {row["id"]: [row[f] for f in fields] for row in json.loads(printed)}

    return keyed(ours) == keyed(floor) and len(json.loads(ours)) == len(json.loads(floor))


def taskwarrior_row(
    label: str, size: int, path: Path, ita: list[str], runs: int
) -> tuple[str, str, str, str]:
    """`ita-tui overdue --json` beside `task overdue` on the same measures. Taskwarrior knows
    no other day than today, so both judge overdue as of today."""
    sys.path.insert(0, str(HERE))
    import taskwarrior

    print(f"loading {size} measures into taskwarrior …", file=sys.stderr)
    taskrc = taskwarrior.prepare(path, DATA / f"task-{size}")
    today = date.today().isoformat()
    ours, _, _ = timed([*ita, "--db", str(path), "overdue", "--as-of", today, "--json"], runs)
    theirs, _, _ = timed(taskwarrior.overdue_command(taskrc), runs)
    return (
        f"{label}: `overdue --json` as of today vs taskwarrior `task overdue`",
        f"{ours * 1000:.0f} ms",
        f"{theirs * 1000:.0f} ms",
        f"{ours / theirs:.2f}× (target < 1× from 10,000)",
    )


def isolated_peak(command: list[str]) -> float:
    """Peak memory of one process on its own (ru_maxrss of children is a running maximum)."""
    wrapper = [
        sys.executable,
        "-c",
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
        *command,
    ]
    return int(subprocess.run(wrapper, capture_output=True, text=True, check=True).stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000,250000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        choices=["all", "overdue"],
        default="all",
        help="overdue: only start-up and `overdue --json` against its floor",
    )
    arguments = parser.parse_args()
    sizes = [int(s) for s in arguments.sizes.split(",")]
    # Measured as an installed ita-tui runs: with its bytecode cached (pip writes it when it
    # installs) and its output buffered. Some shells and containers set these two; compiling
    # every module at each start and writing unbuffered would be measured instead.
    for setting in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"):
        os.environ.pop(setting, None)
    python = sys.executable
    ita = [python, "-m", "ita_tui"]
    rows: list[tuple[str, str, str, str]] = []

    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample.db"
        subprocess.run(
            [*ita, "--db", str(sample), "init", "--sample"], capture_output=True, check=True
        )
        ours, _, _ = timed(
            [*ita, "--db", str(sample), "overdue", "--as-of", "2023-04-03", "--json"],
            arguments.runs,
        )
        floor, _, _ = timed([python, "-c", MINIMAL_APP], arguments.runs)
        rows.append(
            (
                "start-up: `overdue` on the sample vs minimal Textual app",
                f"{ours * 1000:.0f} ms",
                f"{floor * 1000:.0f} ms",
                f"{ours / floor:.2f}× (target ≤ 0.5×)",
            )
        )
        minimal_peak = isolated_peak([python, "-c", MINIMAL_APP])

        for size in sizes:
            path = database_for(size)
            label = f"{size:,}"
            (ours, ours_cpu, output), (floor, floor_cpu, floor_output) = interleaved(
                [
                    [*ita, "--db", str(path), "overdue", "--as-of", AS_OF, "--json"],
                    [python, "-c", FLOOR_OVERDUE, str(path), only_agency(path), AS_OF],
                ],
                arguments.runs,
            )
            same = same_rows(output, floor_output)
            rows.append(
                (
                    f"{label}: `overdue --json` vs the least sqlite3 script",
                    f"{ours * 1000:.0f} ms",
                    f"{floor * 1000:.0f} ms",
                    f"{ours / floor:.2f}× (target ≤ 2×){'' if same else ' ROWS DIFFER'}",
                )
            )
            rows.append(
                (
                    f"{label}: the same, processor time (user + system)",
                    f"{ours_cpu * 1000:.0f} ms",
                    f"{floor_cpu * 1000:.0f} ms",
                    f"{ours_cpu / floor_cpu:.2f}× (target ≤ 2×)",
                )
            )
            rows.append(
                (
                    f"{label}: peak memory of `overdue`",
                    f"{isolated_peak([*ita, '--db', str(path), 'overdue', '--as-of', AS_OF, '--json']):.0f} MB",
                    "",
                    "",
                )
            )

            if arguments.only == "overdue":
                continue

            target = Path(folder) / "snapshot.toml"
            export_runs = [
                subprocess.run(
                    [python, "-c", EXPORT, str(path), str(target)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split()
                for _ in range(max(1, arguments.runs // 2))
            ]
            ours = statistics.median(float(r[0]) for r in export_runs)
            floor = statistics.median(float(r[1]) for r in export_runs)
            rows.append(
                (
                    f"{label}: export vs bare `tomli_w.dumps`",
                    f"{ours * 1000:.0f} ms",
                    f"{floor * 1000:.0f} ms",
                    f"{ours / floor:.2f}× (target ≤ 1.3×)",
                )
            )

            frame_runs = 1 if size > 20000 else arguments.runs
            ours, _, _ = timed([python, "-c", FIRST_FRAME, str(path), "measures"], frame_runs)
            floor, _, _ = timed([python, "-c", MINIMAL_APP], frame_runs)
            limit = "1.5" if size <= 1000 else "2"
            rows.append(
                (
                    f"{label}: first frame of the measures screen vs minimal app",
                    f"{ours * 1000:.0f} ms",
                    f"{floor * 1000:.0f} ms",
                    f"{ours / floor:.2f}× (target ≤ {limit}×)",
                )
            )
            peak = isolated_peak([python, "-c", FIRST_FRAME, str(path), "measures"])
            rows.append(
                (
                    f"{label}: peak memory of the app (measures screen)",
                    f"{peak:.0f} MB",
                    f"{minimal_peak:.0f} MB",
                    "target < 150 MB at 250,000",
                )
            )

            national = national_database_for(size)
            ours, _, _ = timed([python, "-c", FIRST_FRAME, str(national), "agencies"], frame_runs)
            floor, _, _ = timed([python, "-c", MINIMAL_APP], frame_runs)
            rows.append(
                (
                    f"{label}: first frame of the cross-agency overview ({max(1, size // 30):,} agencies) vs minimal app",
                    f"{ours * 1000:.0f} ms",
                    f"{floor * 1000:.0f} ms",
                    f"{ours / floor:.2f}× (target ≤ {limit}×)",
                )
            )
            peak = isolated_peak([python, "-c", FIRST_FRAME, str(national), "agencies"])
            rows.append(
                (
                    f"{label}: peak memory of the app (cross-agency overview)",
                    f"{peak:.0f} MB",
                    f"{minimal_peak:.0f} MB",
                    "target < 150 MB at 250,000",
                )
            )

            search, counted = (
                float(figure)
                for figure in subprocess.run(
                    [python, "-c", SEARCH, str(path)], capture_output=True, text=True, check=True
                )
                .stdout.strip()
                .splitlines()[-1]
                .split()
            )
            rows.append(
                (
                    f"{label}: search in the measures screen, keystroke to table",
                    f"{search * 1000:.0f} ms",
                    "",
                    "target ≤ 100 ms",
                )
            )
            rows.append(
                (
                    f"{label}: a two-character search alone (`งบ`), keystroke to its count",
                    f"{counted * 1000:.0f} ms",
                    "",
                    "the rows show first; the count follows",
                )
            )

            if shutil.which("task"):
                rows.append(taskwarrior_row(label, size, path, ita, arguments.runs))
            else:
                rows.append(
                    (
                        f"{label}: taskwarrior `task overdue`",
                        "skipped",
                        "",
                        "taskwarrior is not installed",
                    )
                )

    print(
        f"Measured {date.today().isoformat()} on {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print("| what | ita-tui | floor | ratio / target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

"""Measure importing a big plan again: what it writes to the journal, how big the file grows,
how long it takes. Prints a Markdown table.

    python benchmarks/reimport.py [--measures 10000]

A single-agency database of that many measures is generated (benchmarks/generate.py) and its
snapshot exported; then, each with `ita-tui import` as a user runs it, into a new database:
the first import, the same file again, and a file in which 1% of the measures changed (a title
edited and a progress entry added each)."""

import argparse
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate  # noqa: E402

from ita_tui.db import open_database  # noqa: E402
from ita_tui.documents import snapshot  # noqa: E402

AS_OF = date(2023, 6, 1)


def _journal_entries(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM journal").fetchone()[0]
    finally:
        connection.close()


def _megabytes(path: Path) -> float:
    """The database with its write-ahead log, as it lies on disk after the command."""
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def _import(database: Path, plan: Path) -> tuple[float, int, float]:
    before = _journal_entries(database) if database.exists() else 0
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ita_tui", "--db", str(database), "import", str(plan)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    return seconds, _journal_entries(database) - before, _megabytes(database)


def _changed(plan: Path, target: Path, every: int) -> int:
    document = tomllib.loads(plan.read_text("utf-8"))
    changed = 0
    for number, measure in enumerate(document["measures"]):
        if number % every:
            continue
        measure["title"] += " (ปรับปรุง)"
        measure.setdefault("progress", []).append(
            {"date": AS_OF, "percent": 50, "note": "เพิ่มเติม", "by": "benchmark"}
        )
        changed += 1
    target.write_text(tomli_w.dumps(document), "utf-8")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, default=10_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ita-reimport-") as folder:
        work = Path(folder)
        source = work / "source.db"
        generate(source, 1, arguments.measures, seed=1, show_progress=False)
        plan = work / "plan.toml"
        snapshot.export(open_database(source), str(plan), AS_OF)
        edited = work / "edited.toml"
        changed = _changed(plan, edited, 100)

        database = work / "target.db"
        rows = [
            ("first import into a new database", *_import(database, plan)),
            ("the same file again", *_import(database, plan)),
            ("the same file a third time", *_import(database, plan)),
            (f"{changed} measures changed (title + a progress entry)", *_import(database, edited)),
        ]
    print(f"Measured {date.today().isoformat()} on {platform.machine()}, ", end="")
    print(f"CPython {platform.python_version()}, {arguments.measures:,} measures\n")
    print("| import | time | journal entries written | database on disk |")
    print("|---|---|---|---|")
    for what, seconds, entries, megabytes in rows:
        print(f"| {what} | {seconds:.1f} s | {entries:,} | {megabytes:.0f} MB |")


if __name__ == "__main__":
    main()

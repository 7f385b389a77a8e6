"""Measure writing a big plan's six-month report in Word against the same report in Markdown,
as a user runs it (`ita-tui report`, a process each). Prints a Markdown table; the target is
Word within 5x Markdown.

    python benchmarks/word_report.py [--measures 20000]

A single-agency database of that many measures is generated (benchmarks/generate.py); about
half fall in the fiscal year reported, so the default gives a report of some 10,000 measures."""

import argparse
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate  # noqa: E402

from ita_tui.db import open_database  # noqa: E402


def _report(database: Path, target: Path, year: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ita_tui", "--db", str(database), "report"]
        + ["--kind", "six-month", "--year", str(year), "-o", str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, default=20_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ita-word-") as folder:
        work = Path(folder)
        database = work / "plan.db"
        generate(database, 1, arguments.measures, seed=1, show_progress=False)
        db = open_database(database)
        year, count = db.execute(
            "SELECT fiscal_year, count(*) FROM measures GROUP BY fiscal_year "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        db.close()
        markdown = _report(database, work / "report.md", year)
        word = _report(database, work / "report.docx", year)
        size = (work / "report.docx").stat().st_size / 1e6
    print(f"Measured {date.today().isoformat()} on {platform.machine()}, ", end="")
    print(f"CPython {platform.python_version()}, {arguments.measures:,} measures generated,")
    print(f"the six-month report of fiscal year {year} ({count:,} measures)\n")
    print("| format | time | ratio to Markdown |")
    print("|---|---|---|")
    print(f"| Markdown | {markdown:.1f} s | 1.0x |")
    print(f"| Word ({size:.1f} MB) | {word:.1f} s | {word / markdown:.1f}x |")


if __name__ == "__main__":
    main()

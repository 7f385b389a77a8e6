"""What checking the schema costs each time a database opens (it runs on every command, also
on `overdue`'s hot path): the check alone, the whole open, and the command start-up.

    python benchmarks/schema_check.py [--runs 2000]

Prints medians in microseconds; the check reads sqlite_master once and compares it with the
schema recorded for this version (read once per process)."""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_us(action, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    arguments = parser.parse_args()

    import sqlite3

    from ita_tui.db import open_database, schema_check
    from ita_tui.documents import snapshot

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.db"
        db = open_database(path, create=True)
        snapshot.import_plan(db, snapshot.sample_plan(), "benchmark")
        db.close()

        schema_check.recorded.cache_clear()
        started = time.perf_counter()
        schema_check.recorded()
        first_read = (time.perf_counter() - started) * 1e6

        connection = sqlite3.connect(path)
        check = median_us(lambda: schema_check.check_schema(connection, str(path)), arguments.runs)
        bare = median_us(
            lambda: connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master"
            ).fetchall(),
            arguments.runs,
        )
        connection.close()
        whole_open = median_us(lambda: open_database(path).close(), arguments.runs)

        command = [sys.executable, "-m", "ita_tui", "--db", str(path), "overdue"]
        command += ["--as-of", "2023-04-03", "--json"]
        startup = []
        for _ in range(15):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            startup.append(time.perf_counter() - started)

    print(f"reading the recorded schema, once per process: {first_read:.0f} µs")
    print(f"reading sqlite_master alone:                   {bare:.0f} µs")
    print(f"the schema check (read and compare):          {check:.0f} µs")
    print(f"open_database as a whole:                       {whole_open:.0f} µs")
    print(
        f"`overdue --json` on the sample, start to end:   {statistics.median(startup) * 1e3:.0f} ms"
    )


if __name__ == "__main__":
    main()

"""Generate a realistic synthetic database for benchmarks.

    python benchmarks/generate.py --agencies 100 --measures-per-agency 100 --seed 1 --db bench.db

Thai unit names and titles, periods across fiscal years, every status, 0-5 progress entries per
measure, checklists and assessments; written with bulk inserts in one transaction, journal
included, so that `ita-tui verify` holds on the result as on real data."""

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ita_tui.cli.progress import shown
from ita_tui.core import progress
from ita_tui.core.scoring import compute
from ita_tui.core.thai_calendar import fiscal_year_bounds
from ita_tui.db import journal, open_database
from ita_tui.db.search_index import searchable

UNIT_NAMES = [
    "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม", "กองยุทธศาสตร์และงบประมาณ", "งานนิติการ", "งานการเจ้าหน้าที่", "งานพัสดุ",
]  # fmt: skip
TOPICS = [
    "การเปิดเผยข้อมูลสาธารณะ", "รายงานการกำกับติดตามการดำเนินงาน รอบ ๖ เดือน", "แผนการใช้จ่ายงบประมาณ",
    "การบริหารและพัฒนาทรัพยากรบุคคล", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "มาตรการส่งเสริมคุณธรรม",
    "การป้องกันการทุจริต", "การสร้างวัฒนธรรม No Gift Policy", "การจัดการเรื่องร้องเรียน", "E-Service",
]  # fmt: skip
KINDS = ["เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล"]
PLACES = ["บ้านใหม่", "หนองบัว", "ท่าช้าง", "โคกสูง", "นาดี", "ห้วยทราย", "บางปลา", "ดอนแก้ว", "มวกเหล็ก"]


class Writer:
    """Bulk inserts with their journal entries, chained as the tool chains them."""

    def __init__(self, db) -> None:
        self.db = db
        self.at = datetime.now(UTC).isoformat(timespec="seconds")
        last = db.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
        self.next_entry, self.prev_hash = (last[0] + 1, last[1]) if last else (1, journal.GENESIS)
        self.next_id: dict[str, int] = {}
        self.rows: dict[str, list[dict]] = {}
        self.entries: list[dict] = []
        self._columns: dict[str, list[str]] = {}

    def add(self, table: str, row: dict) -> int:
        if "id" in self.columns_of(table):
            if table not in self.next_id:
                self.next_id[table] = (
                    (self.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1
                )
            row = {"id": self.next_id[table], **row}
            self.next_id[table] += 1
        full = {column: row.get(column) for column in self.columns_of(table)}
        self.rows.setdefault(table, []).append(full)
        key = tuple(full[c] for c in journal.TRACKED[table])
        entry = {
            "id": self.next_entry,
            "at": self.at,
            "by": "generator",
            "action": "generate",
            "subject": table,
            "subject_key": ":".join(str(k) for k in key),
            "before": None,
            "after": journal._canonical(full),
            "prev_hash": self.prev_hash,
        }
        entry["hash"] = journal.entry_hash(entry)
        self.prev_hash, self.next_entry = entry["hash"], self.next_entry + 1
        self.entries.append(entry)
        return full.get("id") or 0

    def columns_of(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [
                row[1] for row in self.db.execute(f"PRAGMA table_info({table})")
            ]
        return self._columns[table]

    def flush(self) -> None:
        for table, rows in self.rows.items():
            columns = self.columns_of(table)
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                [[row[c] for c in columns] for row in rows],
            )
        if self.entries:
            names = list(self.entries[0])
            self.db.conn.executemany(
                f"INSERT INTO journal ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                [[entry[n] for n in names] for entry in self.entries],
            )
        self.rows, self.entries = {}, []


def generate(
    path: Path, agencies: int, per_agency: int, seed: int, show_progress: bool = True
) -> None:
    with shown("en", quiet=not show_progress):
        _generate(path, agencies, per_agency, seed)


def _generate(path: Path, agencies: int, per_agency: int, seed: int) -> None:
    rng = random.Random(seed)
    db = open_database(path, create=True)
    writer = Writer(db)
    db.execute("BEGIN IMMEDIATE")
    for number in range(1, agencies + 1):
        name = f"{rng.choice(KINDS)}{rng.choice(PLACES)} {number:05d}"
        agency_id = writer.add("agencies", {"name": name})
        for year in (2565, 2566):
            scores = [round(rng.uniform(40, 100), 2) for _ in range(10)]
            result = compute(year, scores)
            row = {f"indicator_{n}": s for n, s in enumerate(scores, start=1)}
            row.update(
                agency_id=agency_id,
                year=year,
                computed_overall=float(result.overall),
                computed_result=result.result_th,
            )
            writer.add("assessments", row)
        unit_ids = [
            writer.add(
                "units",
                {"agency_id": agency_id, "name": unit, "kind": unit[:3], "position": position},
            )
            for position, unit in enumerate(UNIT_NAMES, start=1)
        ]
        for position in range(1, per_agency + 1):
            fiscal = rng.choice((2565, 2566, 2566, 2567))
            first, last = fiscal_year_bounds(fiscal)
            start = first + timedelta(days=rng.randrange(0, 180))
            end = min(last, start + timedelta(days=rng.randrange(30, 330)))
            status = rng.choices(("not_started", "in_progress", "done", "dropped"), (4, 4, 2, 1))[0]
            topic = rng.choice(TOPICS)
            measure_id = writer.add(
                "measures",
                {
                    "agency_id": agency_id,
                    "fiscal_year": fiscal,
                    "position": position,
                    "title": f"มาตรการที่ {position} {topic}",
                    "topic": topic,
                    "method": f"จัดทำและเผยแพร่{topic} ทางเว็บไซต์ของหน่วยงาน",
                    "follow_up": "รายงานผลในที่ประชุมประจำเดือน",
                    "period_text": f"{start.isoformat()} – {end.isoformat()}",
                    "start_date": start.isoformat(),
                    "end_date": end.isoformat(),
                    "status": status,
                    "drop_reason": "ไม่มีหัวข้อนี้แล้ว" if status == "dropped" else None,
                },
            )
            for unit_position, unit_id in enumerate(rng.sample(unit_ids, rng.choice((1, 1, 1, 2)))):
                writer.add(
                    "measure_units",
                    {
                        "measure_id": measure_id,
                        "unit_id": unit_id,
                        "role": "lead" if unit_position == 0 else "support",
                        "position": unit_position,
                    },
                )
            for item in range(1, rng.randrange(0, 5) + 1):
                done = rng.random() < 0.4
                writer.add(
                    "measure_contents",
                    {
                        "measure_id": measure_id,
                        "position": item,
                        "text": f"เนื้อหาข้อที่ {item}",
                        "done_on": end.isoformat() if done else None,
                    },
                )
            percent = 0
            for entry in range(rng.randrange(0, 6)):
                percent = min(100, percent + rng.randrange(5, 40))
                day = min(end, start + timedelta(days=20 * (entry + 1)))
                writer.add(
                    "progress",
                    {
                        "measure_id": measure_id,
                        "entry_date": day.isoformat(),
                        "percent": percent,
                        "note": "ดำเนินการตามแผน",
                        "recorded_by": "generator",
                        "recorded_at": writer.at,
                    },
                )
        if number % 50 == 0 or number == agencies:
            writer.flush()
            # A bar on a terminal only, as the tool's own long commands show theirs.
            progress.step("progress.import", number, agencies)
    writer.flush()
    # The tool keeps the search index itself; rows written directly enter it in one go.
    db.execute(
        f"INSERT INTO measure_text (rowid, text) SELECT m.id, {searchable('m')} FROM measures m"
    )
    db.execute("COMMIT")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--agencies", type=int, required=True)
    parser.add_argument("--measures-per-agency", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, required=True)
    arguments = parser.parse_args()
    if arguments.db.exists():
        sys.exit(f"{arguments.db} exists; give a new file")
    generate(arguments.db, arguments.agencies, arguments.measures_per_agency, arguments.seed)


if __name__ == "__main__":
    main()

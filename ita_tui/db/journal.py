"""The append-only journal: every change to the plan (a measure, its units, its checklist, its
status, its progress, and the units, findings, scores and meetings around it), who made it and
when, with the row before and after, chained by hash so that an entry altered, removed,
inserted or reordered behind the tool's back shows.

A chain without a secret can be rebuilt by someone with write access to the file; what anchors
it is the chain head printed in every snapshot (`journal_head`), kept outside the database."""

import hashlib
import json
from dataclasses import dataclass

from ita_tui.db.connection import Database

GENESIS = ""

# The tracked tables and the columns that name a row.
TRACKED: dict[str, tuple[str, ...]] = {
    "agencies": ("id",),
    "assessments": ("id",),
    "recommendations": ("id",),
    "units": ("id",),
    "findings": ("id",),
    "measures": ("id",),
    "measure_units": ("measure_id", "unit_id"),
    "measure_findings": ("measure_id", "finding_id"),
    "measure_contents": ("id",),
    "progress": ("id",),
    "meetings": ("id",),
    "decisions": ("id",),
}


def _key_text(key: tuple) -> str:
    return ":".join(str(part) for part in key)


def row(db: Database, table: str, key: tuple) -> dict | None:
    # Also called by the journal's migration, on sqlite-utils' connection: plain execute only.
    columns = TRACKED[table]
    where = " AND ".join(f"{column} = ?" for column in columns)
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where}", key)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([c[0] for c in cursor.description], found, strict=True))


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(entry: dict) -> str:
    fields = [
        entry[k]
        for k in (
            "id",
            "at",
            "by",
            "action",
            "subject",
            "subject_key",
            "before",
            "after",
            "prev_hash",
        )
    ]
    return hashlib.sha256(_canonical(fields).encode("utf-8")).hexdigest()


def head(db: Database) -> str:
    found = db.execute("SELECT hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    return found[0] if found else GENESIS


def record(
    db: Database,
    by: str,
    at: str,
    action: str,
    table: str,
    key: tuple,
    before: dict | None,
    after: dict | None,
) -> None:
    """Append one entry; call inside the transaction of the change it describes."""
    if before == after:
        return
    last = db.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    entry = {
        "id": (last[0] + 1) if last else 1,
        "at": at,
        "by": by,
        "action": action,
        "subject": table,
        "subject_key": _key_text(key),
        "before": _canonical(before) if before is not None else None,
        "after": _canonical(after) if after is not None else None,
        "prev_hash": last[1] if last else GENESIS,
    }
    entry["hash"] = entry_hash(entry)
    columns = ", ".join(entry)
    db.execute(
        f"INSERT INTO journal ({columns}) VALUES ({', '.join('?' for _ in entry)})",
        list(entry.values()),
    )


class Change:
    """Records a row's state around a change: `with Change(...) as change: UPDATE …`."""

    def __init__(self, db: Database, by: str, at: str, action: str, table: str, key: tuple) -> None:
        self.db, self.by, self.at, self.action, self.table, self.key = (
            db,
            by,
            at,
            action,
            table,
            key,
        )

    def __enter__(self) -> "Change":
        self.before = row(self.db, self.table, self.key)
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            after = row(self.db, self.table, self.key)
            record(self.db, self.by, self.at, self.action, self.table, self.key, self.before, after)


def inserted(db: Database, by: str, at: str, action: str, table: str, key: tuple) -> None:
    record(db, by, at, action, table, key, None, row(db, table, key))


def deleting(
    db: Database, by: str, at: str, action: str, table: str, where: str, params: tuple
) -> None:
    """Journal every row of `table` that `where` is about to delete."""
    columns = TRACKED[table]
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where}", params)
    names = [c[0] for c in cursor.description]
    for found in cursor.fetchall():
        before = dict(zip(names, found, strict=True))
        record(db, by, at, action, table, tuple(before[c] for c in columns), before, None)


def _matches(journaled: str | None, current: dict) -> bool:
    """The row is what the journal last said, column for column; a column added by a later
    schema version must still be empty."""
    if journaled is None:
        return False
    expected = json.loads(journaled)
    if any(current.get(column) != value for column, value in expected.items()):
        return False
    return all(value is None for column, value in current.items() if column not in expected)


@dataclass(frozen=True)
class Problem:
    entry: int | None
    key: str
    detail: str = ""


def verify(db: Database) -> list[Problem]:
    """Check the chain, then the current rows against what the journal says they are. The
    first broken link is the one reported: what follows it cannot be trusted either."""
    problems: list[Problem] = []
    cursor = db.execute("SELECT * FROM journal ORDER BY id")
    names = [c[0] for c in cursor.description]
    expected_prev, expected_id = GENESIS, 1
    state: dict[tuple[str, str], str | None] = {}
    for found in cursor:
        entry = dict(zip(names, found, strict=True))
        if entry["id"] != expected_id or entry["prev_hash"] != expected_prev:
            return [Problem(entry["id"], "verify.chain_broken")]
        if entry_hash(entry) != entry["hash"]:
            return [Problem(entry["id"], "verify.entry_altered")]
        expected_prev, expected_id = entry["hash"], entry["id"] + 1
        state[(entry["subject"], entry["subject_key"])] = entry["after"]
    for table, columns in TRACKED.items():
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [c[0] for c in cursor.description]
        present = set()
        for found in cursor:
            current = dict(zip(names, found, strict=True))
            key = (table, _key_text(tuple(current[c] for c in columns)))
            present.add(key)
            if not _matches(state.get(key), current):
                problems.append(Problem(None, "verify.row_differs", f"{table} {key[1]}"))
        for key, after in state.items():
            if key[0] == table and after is not None and key not in present:
                problems.append(Problem(None, "verify.row_missing", f"{table} {key[1]}"))
    return problems

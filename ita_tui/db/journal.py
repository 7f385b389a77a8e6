"""The append-only journal: every change to the plan (a measure, its units, its checklist, its
status, its progress, and the units, findings, scores and meetings around it) and to who may
change it (people, their roles and units, handovers, the login setting, the access record), who
made it and when, with the row before and after, chained by hash so that an entry altered,
removed, inserted or reordered behind the tool's back shows.

A chain without a secret can be rebuilt, or cut short, by someone with write access to the
file; what anchors it is the chain head printed in every snapshot (`journal_head`, with its
entry number `journal_entry`), kept outside the database: `verify --against` checks that each
such head is still in the chain, at its place."""

import json

from ita_tui.core import progress
from ita_tui.core.model import Record
from ita_tui.db import search_index
from ita_tui.db.connection import Database

GENESIS = ""
# Entry numbers are SQLite integers: signed, 64 bits.
_LARGEST_ENTRY = 2**63 - 1

# The tracked tables and the columns that name a row: the plan ...
PLAN_TABLES: dict[str, tuple[str, ...]] = {
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
    "oit_lists": ("id",),
    "published_addresses": ("id",),
}
# ... and who may change it.
ACCESS_TABLES: dict[str, tuple[str, ...]] = {
    "people": ("id",),
    "person_units": ("person_id", "unit_id"),
    "handovers": ("id",),
    "database_settings": ("key",),
    "access_events": ("id",),
}
TRACKED = {**PLAN_TABLES, **ACCESS_TABLES}


def _sha256(data: bytes):
    # hashlib is imported at the first entry written or checked, not with the app: loading
    # OpenSSL was a hundredth of the wait for the first frame, which writes nothing.
    import hashlib

    return hashlib.sha256(data)


def _key_text(key: tuple) -> str:
    return ":".join(str(part) for part in key)


def _as_journaled(table: str, found: dict) -> dict:
    """The row as the journal keeps it. The journal keeps every value forever, so a password
    hash would outlive its upgrade to a higher cost there: it keeps the hash's SHA-256, which
    shows a change as well and is no help to a guesser (the salt is not in it)."""
    if table == "people" and found.get("password_hash") is not None:
        digest = _sha256(found["password_hash"].encode("utf-8")).hexdigest()
        return {**found, "password_hash": f"sha256:{digest}"}
    return found


def row(db: Database, table: str, key: tuple) -> dict | None:
    # Also called by the journal's migrations, on sqlite-utils' connection: plain execute only.
    columns = TRACKED[table]
    where = " AND ".join(f"{column} = ?" for column in columns)
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where}", key)
    found = cursor.fetchone()
    if found is None:
        return None
    return _as_journaled(table, dict(zip([c[0] for c in cursor.description], found, strict=True)))


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
    return _sha256(_canonical(fields).encode("utf-8")).hexdigest()


def head(db: Database) -> str:
    return head_entry(db)[1]


def head_entry(db: Database) -> tuple[int, str]:
    """The newest entry's number and hash; (0, GENESIS) for an empty journal."""
    found = db.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    return (found[0], found[1]) if found else (0, GENESIS)


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
        before = _as_journaled(table, dict(zip(names, found, strict=True)))
        record(db, by, at, action, table, tuple(before[c] for c in columns), before, None)


def insert(db: Database, by: str, at: str, action: str, table: str, values: dict) -> int:
    """Insert a row and journal it; the new row's id (rowid)."""
    columns = ", ".join(values)
    cursor = db.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in values)})",
        list(values.values()),
    )
    row_id = cursor.lastrowid
    assert row_id is not None  # set by every INSERT that went through
    names = TRACKED[table]
    key = tuple(values[c] for c in names) if all(c in values for c in names) else None
    inserted(db, by, at, action, table, key or (row_id,))
    # Every write to measures comes this way, so the search index is kept here too.
    if table == "measures":
        search_index.added(db, row_id)
    return row_id


def update(
    db: Database, by: str, at: str, action: str, table: str, key: tuple, changes: dict
) -> None:
    """Change one row and journal it."""
    where = " AND ".join(f"{column} = ?" for column in TRACKED[table])
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with Change(db, by, at, action, table, key):
        db.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*changes.values(), *key])
    if table == "measures":
        search_index.changed(db, key[0], set(changes))


def delete(
    db: Database, by: str, at: str, action: str, table: str, where: str, params: tuple
) -> None:
    """Delete the rows `where` names and journal each."""
    deleting(db, by, at, action, table, where, params)
    if table == "measures":
        search_index.removing(db, where, params)
    db.execute(f"DELETE FROM {table} WHERE {where}", params)


def _matches(journaled: str | None, current: dict) -> bool:
    """The row is what the journal last said, column for column; a column added by a later
    schema version must still be empty."""
    if journaled is None:
        return False
    expected = json.loads(journaled)
    if any(current.get(column) != value for column, value in expected.items()):
        return False
    return all(value is None for column, value in current.items() if column not in expected)


class Problem(Record):
    entry: int | None
    key: str
    detail: str = ""


def _misplaced(entry: dict, expected_id: int) -> Problem:
    """Which entry to name when `entry` does not follow the one before it."""
    if entry["id"] > expected_id:
        return Problem(expected_id, "verify.entry_missing")
    if entry["id"] == expected_id > 1 and entry_hash(entry) == entry["hash"]:
        # The entry is whole and names a predecessor that is no longer there as it was: the one
        # before was altered, and its hash made again to hide it.
        return Problem(expected_id - 1, "verify.entry_altered")
    return Problem(entry["id"], "verify.chain_broken")


def verify(db: Database) -> list[Problem]:
    """Check the chain, then the current rows against what the journal says they are. The
    first broken link is the one reported: what follows it cannot be trusted either."""
    problems: list[Problem] = []
    cursor = db.execute("SELECT * FROM journal ORDER BY id")
    names = [c[0] for c in cursor.description]
    expected_prev, expected_id = GENESIS, 1
    state: dict[tuple[str, str], str | None] = {}
    entries = db.execute("SELECT max(id) FROM journal").fetchone()[0] or 0
    for found in cursor:
        entry = dict(zip(names, found, strict=True))
        if entry["id"] % 1000 == 0:
            progress.step("progress.verify", entry["id"], entries)
        if entry["id"] != expected_id or entry["prev_hash"] != expected_prev:
            return [_misplaced(entry, expected_id)]
        if entry_hash(entry) != entry["hash"]:
            return [Problem(entry["id"], "verify.entry_altered")]
        expected_prev, expected_id = entry["hash"], entry["id"] + 1
        state[(entry["subject"], entry["subject_key"])] = entry["after"]
    for table, columns in TRACKED.items():
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [c[0] for c in cursor.description]
        present = set()
        for found in cursor:
            current = _as_journaled(table, dict(zip(names, found, strict=True)))
            key = (table, _key_text(tuple(current[c] for c in columns)))
            present.add(key)
            if not _matches(state.get(key), current):
                problems.append(Problem(None, "verify.row_differs", f"{table} {key[1]}"))
        for key, after in state.items():
            if key[0] == table and after is not None and key not in present:
                problems.append(Problem(None, "verify.row_missing", f"{table} {key[1]}"))
    return problems


def length(db: Database) -> int:
    """How many entries the chain has."""
    return int(db.execute("SELECT count(*) FROM journal").fetchone()[0])


def holds(db: Database, entry_id: int | None, hash_: str) -> bool:
    """Whether the chain holds a published head: the entry it names, with that hash. A head
    without its number (from an older export) is looked for anywhere in the chain."""
    if hash_ == GENESIS:
        return True
    if entry_id is not None and not 0 <= entry_id <= _LARGEST_ENTRY:
        return False  # a number SQLite cannot hold is no entry of any chain
    if entry_id is None:
        return db.execute("SELECT 1 FROM journal WHERE hash = ?", (hash_,)).fetchone() is not None
    found = db.execute("SELECT hash FROM journal WHERE id = ?", (entry_id,)).fetchone()
    return found is not None and found[0] == hash_

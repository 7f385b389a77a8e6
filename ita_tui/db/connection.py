"""Opening the database safely: ours or refused, foreign keys on, WAL, a busy timeout, and one
write transaction per user action."""

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from ita_tui.db.schema import MIGRATIONS
from ita_tui.errors import UserError

# Long enough for another officer's import to finish; a user never sees "database is locked".
BUSY_TIMEOUT_SECONDS = 30


def _user_error_for(error: sqlite3.Error, path: str) -> UserError:
    text = str(error).lower()
    if "not a database" in text or "malformed" in text:
        return UserError("db.not_sqlite", path=path)
    if "readonly" in text or "read-only" in text:
        return UserError("db.read_only", path=path)
    if "disk is full" in text or "disk i/o" in text:
        return UserError("db.disk_full", path=path)
    if "unable to open" in text:
        return UserError("db.cannot_open", path=path)
    if "locked" in text or "busy" in text:
        return UserError("db.busy", path=path)
    return UserError("db.failed", path=path, reason=str(error))


def _is_ours(db: Database) -> bool:
    tables = set(db.table_names())
    if not tables:
        return True
    if MIGRATIONS.migrations_table not in tables:
        return False
    return bool(MIGRATIONS.applied(db))


def open_database(path: str | Path, *, create: bool = False) -> Database:
    """Open (and if asked, create) the plan database, upgrading its schema when it is older."""
    location = str(path)
    in_memory = location == ":memory:"
    if not in_memory:
        file = Path(location)
        if not file.parent.is_dir():
            raise UserError("db.no_folder", path=location)
        if file.is_dir():
            raise UserError("db.is_folder", path=location)
        if not file.exists() and not create:
            raise UserError("db.missing", path=location)
    try:
        connection = sqlite3.connect(location, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise _user_error_for(error, location) from None
    db = Database(connection, execute_plugins=False)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        if not _is_ours(db):
            raise UserError("db.not_ours", path=location)
        known = {m.name for m in MIGRATIONS._migrations}
        unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
        if unknown:
            raise UserError("db.newer_schema", path=location)
        if MIGRATIONS.pending(db):
            if not in_memory and db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            if not in_memory and MIGRATIONS.applied(db):
                from ita_tui.db.backup import automatic

                automatic(connection, Path(location), "before-upgrade")
            # All steps or none, and one upgrader at a time: a second process waits, then
            # finds nothing left to do.
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS.apply(db)
                db.execute("COMMIT")
            except BaseException:
                db.conn.rollback()
                raise

    except sqlite3.Error as error:
        connection.close()
        raise _user_error_for(error, location) from None
    except UserError:
        connection.close()
        raise
    return db


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action: taken as a whole or not at all.

    BEGIN IMMEDIATE takes the write lock up front, so that two writers queue on the busy
    timeout instead of one of them failing half-way with "database is locked"."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise _user_error_for(error, _path_of(db)) from None
    try:
        yield db
        db.execute("COMMIT")
    except sqlite3.Error as error:
        db.conn.rollback()
        raise _user_error_for(error, _path_of(db)) from None
    except BaseException:
        db.conn.rollback()
        raise


def _path_of(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"

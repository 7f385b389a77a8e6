"""The connection every read and write goes through, and one write transaction per user action.
Opening a file safely (ours or refused, upgraded, backed up first) is `ita_tui.db.opening`'s."""

import contextlib
import itertools
import sqlite3
import time
from collections.abc import Iterator

from ita_tui.core import progress
from ita_tui.core.errors import UserError

_SAVEPOINTS = itertools.count(1)


class Database:
    """The connection every read and write goes through."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.conn = connection

    def execute(self, sql: str, parameters: tuple | list = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def rows(self, sql: str, parameters: tuple | list = ()) -> list[dict]:
        """The result as dicts by column name."""
        cursor = self.conn.execute(sql, parameters)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def row(self, sql: str, parameters: tuple | list = ()) -> dict | None:
        """The first row as a dict by column name, or None."""
        cursor = self.conn.execute(sql, parameters)
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([column[0] for column in cursor.description], found, strict=True))

    def close(self) -> None:
        self.conn.close()

    def location(self) -> str:
        """The file this connection is on, or ":memory:"."""
        row = self.execute("PRAGMA database_list").fetchone()
        return row[2] or ":memory:"

    @contextlib.contextmanager
    def savepoint(self) -> Iterator["Database"]:
        name = f"ita_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")


def user_error_for(error: sqlite3.Error, path: str) -> UserError:
    """What an SQLite error means for the user, in words."""
    text = str(error).lower()
    if isinstance(error, sqlite3.IntegrityError):
        # The checks before each write should have caught it; the database keeps its rules.
        return UserError("db.constraint", path=path, reason=str(error))
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


# How long a command waits for another writer before it says so, and then between reports.
WAIT_SLICE_SECONDS = 0.5


def _begin_immediate(db: Database) -> None:
    """BEGIN IMMEDIATE, waiting for another writer as long as the connection's busy timeout says
    (ita_tui.db.opening), as always. When a command listens for progress, the wait is cut in
    slices and each is told (core.progress), so that a user is never left in silence."""
    if not progress.listened():
        db.execute("BEGIN IMMEDIATE")
        return
    timeout_ms = db.execute("PRAGMA busy_timeout").fetchone()[0]
    limit = timeout_ms / 1000
    started = time.monotonic()
    db.execute(f"PRAGMA busy_timeout = {int(WAIT_SLICE_SECONDS * 1000)}")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                waited = time.monotonic() - started
                text = str(error).lower()
                if not ("locked" in text or "busy" in text) or waited >= limit:
                    raise
                progress.waiting(waited, limit)
    finally:
        db.execute(f"PRAGMA busy_timeout = {timeout_ms}")


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action: taken as a whole or not at all.

    BEGIN IMMEDIATE takes the write lock up front, so that two writers queue on the busy
    timeout instead of one of them failing half-way with "database is locked"."""
    if db.conn.in_transaction:
        with db.savepoint():
            yield db
        return
    try:
        _begin_immediate(db)
    except sqlite3.Error as error:
        raise user_error_for(error, db.location()) from None
    try:
        yield db
        db.execute("COMMIT")
    except sqlite3.Error as error:
        db.conn.rollback()
        raise user_error_for(error, db.location()) from None
    except BaseException:
        db.conn.rollback()
        raise

"""Opening the database safely: ours or refused, foreign keys on, WAL, a busy timeout, and one
write transaction per user action.

A database already at the current schema opens on plain sqlite3, so that commands such as
`ita-tui overdue` start fast; the migration machinery (sqlite-utils) loads only to upgrade."""

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ita_tui.db.versions import KNOWN_MIGRATIONS, MIGRATION_SET, MIGRATIONS_TABLE
from ita_tui.errors import UserError

# Long enough for another officer's import to finish; a user never sees "database is locked".
BUSY_TIMEOUT_SECONDS = 30


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


def _applied(connection: sqlite3.Connection, location: str) -> list[str] | None:
    """The migrations applied, in order; None for an empty file; refuses a file that is not ours."""
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return None
    if MIGRATIONS_TABLE not in tables:
        raise UserError("db.not_ours", path=location)
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    ]
    if not names:
        raise UserError("db.not_ours", path=location)
    return names


def _upgrade(
    connection: sqlite3.Connection, location: str, in_memory: bool, had_schema: bool
) -> None:
    from sqlite_utils import Database as MigrationDatabase

    from ita_tui.db.schema import MIGRATIONS

    if not in_memory and connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = WAL")
    if had_schema and not in_memory:
        from ita_tui.db.backup import automatic

        automatic(connection, Path(location), "before-upgrade")
    # All steps or none, and one upgrader at a time: a second process waits, then finds
    # nothing left to do.
    migrations_db = MigrationDatabase(connection, execute_plugins=False)
    connection.execute("BEGIN IMMEDIATE")
    try:
        MIGRATIONS.apply(migrations_db)
        connection.execute("COMMIT")
    except BaseException:
        connection.rollback()
        raise


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
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        # No function or virtual table runs from a view or trigger the file brings with it.
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        applied = _applied(connection, location)
        if applied is not None and set(applied) - set(KNOWN_MIGRATIONS):
            raise UserError("db.newer_schema", path=location)
        if applied is None or len(applied) < len(KNOWN_MIGRATIONS):
            _upgrade(connection, location, in_memory, had_schema=applied is not None)
    except sqlite3.Error as error:
        connection.close()
        raise _user_error_for(error, location) from None
    except BaseException:
        connection.close()
        raise
    return Database(connection)


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
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise _user_error_for(error, db.location()) from None
    try:
        yield db
        db.execute("COMMIT")
    except sqlite3.Error as error:
        db.conn.rollback()
        raise _user_error_for(error, db.location()) from None
    except BaseException:
        db.conn.rollback()
        raise

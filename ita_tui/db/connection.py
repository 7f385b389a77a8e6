"""Opening the database safely: ours or refused, foreign keys on, WAL, a busy timeout, and one
write transaction per user action.

A database already at the current schema opens on plain sqlite3, so that commands such as
`ita-tui overdue` start fast; the migration machinery (sqlite-utils) loads only to upgrade."""

import contextlib
import itertools
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from ita_tui.core import progress
from ita_tui.core.errors import UserError
from ita_tui.db.versions import KNOWN_MIGRATIONS, MIGRATION_SET, MIGRATIONS_TABLE

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


# Refusals that mean the file is not a usable ita-tui database (rather than busy or unwritable):
# a restore may put a backup in its place.
UNUSABLE_FILE = frozenset(
    {"db.not_sqlite", "db.not_ours", "db.schema_differs", "db.empty_file", "db.unknown_history"}
)


def check_schema(connection: sqlite3.Connection, location: str) -> int | None:
    """How many migrations the file has had; None for a file with no schema at all. Anything
    but a schema this tool (or an older version of it) made is refused."""
    from ita_tui.db import schema_check

    schema = schema_check.read(connection)
    if not schema:
        return None
    migrations = schema.get((False, MIGRATIONS_TABLE))
    if migrations is None or migrations[0] != "table":
        raise UserError("db.not_ours", path=location)
    names = tuple(
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    )
    if not names:
        raise UserError("db.not_ours", path=location)
    if set(names) - set(KNOWN_MIGRATIONS):
        raise UserError("db.newer_schema", path=location)
    if names != KNOWN_MIGRATIONS[: len(names)]:
        raise UserError("db.unknown_history", path=location)
    schema_check.require(schema, len(names), location)
    return len(names)


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    # No function or virtual table runs from a view or trigger the file brings with it.
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")


def _upgrade(connection: sqlite3.Connection, location: str, backup_first: bool) -> None:
    from sqlite_utils import Database as MigrationDatabase

    from ita_tui.db.schema import MIGRATIONS

    if location != ":memory:" and connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = WAL")
    backup = None
    if backup_first:
        from ita_tui.db.backup import automatic

        backup = automatic(connection, Path(location), "before-upgrade")
    # All steps or none, and one upgrader at a time: a second process waits, then finds
    # nothing left to do.
    migrations_db = MigrationDatabase(connection, execute_plugins=False)
    connection.execute("BEGIN IMMEDIATE")
    try:
        MIGRATIONS.apply(migrations_db)
        check_schema(connection, location)
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        connection.rollback()
        lowered = str(error).lower()
        if "locked" in lowered or "busy" in lowered or "disk" in lowered:
            raise
        raise UserError(
            "db.upgrade_failed", path=location, reason=str(error), backup=str(backup or "-")
        ) from None
    except BaseException:
        connection.rollback()
        raise


def _create(file: Path) -> None:
    """Build a new database under a temporary name and link it into place when whole, so that
    a process killed half-way leaves no empty file behind (its leftover is removed by the next
    creation), and of two processes creating the same database at once, one wins and the
    other opens what it made."""
    from ita_tui.db import temporary_files

    temporary_files.remove_leftovers(file.parent, f".{file.name}.")
    try:
        with temporary_files.beside(file) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                _configure(connection)
                _upgrade(connection, temporary, backup_first=False)
            finally:
                connection.close()  # the last connection: its WAL is written back and removed
            try:
                os.link(temporary, file)
            except FileExistsError:
                pass  # another process made it first: that one is opened
            except OSError:
                # A file system without hard links (a FAT memory stick): renamed instead,
                # which only a creation at the very same moment could race.
                if not file.exists():
                    os.replace(temporary, file)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except sqlite3.Error as error:
        raise user_error_for(error, str(file)) from None
    except OSError as error:
        raise UserError("db.cannot_create", path=str(file), reason=error.strerror) from None


def _check_path(file: Path, create: bool) -> None:
    """The database is a regular file in a folder that exists (made now if asked for)."""
    from ita_tui.files.user_files import os_error

    location = str(file)
    try:
        if not file.parent.is_dir():
            raise UserError("db.no_folder", path=location)
        try:
            status = os.stat(file)
        except FileNotFoundError:
            if not create:
                raise UserError("db.missing", path=location) from None
            _create(file)
            return
        if stat.S_ISDIR(status.st_mode):
            raise UserError("db.is_folder", path=location)
        if not stat.S_ISREG(status.st_mode):
            raise UserError("file.not_regular", path=location)
    except OSError as error:
        raise os_error(error, file) from None


def open_database(path: str | Path, *, create: bool = False, adopt_empty: bool = False) -> Database:
    """Open the plan database, upgrading its schema when it is older; with `create`, a missing
    file is made. An existing file without a schema (an empty file, say) becomes a database only
    with `adopt_empty`, which `init` gives: anything else given by mistake stays as it was."""
    location = str(path)
    if location != ":memory:":
        _check_path(Path(location), create)
        from ita_tui.db.backup import remove_leftovers

        remove_leftovers(Path(location))
    try:
        connection = sqlite3.connect(location, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise user_error_for(error, location) from None
    try:
        _configure(connection)
        steps = check_schema(connection, location)
        if steps is None and not (adopt_empty or location == ":memory:"):
            raise UserError("db.empty_file", path=location)
        if steps is None and location != ":memory:":
            from ita_tui.files.modes import like_database

            like_database(location, Path(location))  # a file the user made becomes ours
        if steps is None or steps < len(KNOWN_MIGRATIONS):
            _upgrade(connection, location, backup_first=steps is not None)
    except sqlite3.Error as error:
        connection.close()
        raise user_error_for(error, location) from None
    except BaseException:
        connection.close()
        raise
    return Database(connection)


# How long a command waits for another writer before it says so, and then between reports.
WAIT_SLICE_SECONDS = 0.5


def _begin_immediate(db: Database) -> None:
    """BEGIN IMMEDIATE, waiting for another writer up to BUSY_TIMEOUT_SECONDS as always. When a
    command listens for progress, the wait is cut in slices and each is told (core.progress), so
    that a user is never left half a minute in silence."""
    if not progress.listened():
        db.execute("BEGIN IMMEDIATE")
        return
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
                if not ("locked" in text or "busy" in text) or waited >= BUSY_TIMEOUT_SECONDS:
                    raise
                progress.waiting(waited, BUSY_TIMEOUT_SECONDS)
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")


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

"""Opening the database safely: ours or refused, foreign keys on, WAL, a busy timeout; an older
schema upgraded after a backup, a missing file made whole or not at all.

A database already at the current schema opens on plain sqlite3, so that commands such as
`ita-tui overdue` start fast; the migration machinery (sqlite-utils) loads only to upgrade."""

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.db import schema_check, temporary_files
from ita_tui.db.backup import automatic, remove_leftovers
from ita_tui.db.connection import Database, user_error_for
from ita_tui.db.versions import KNOWN_MIGRATIONS
from ita_tui.files.modes import like_database
from ita_tui.files.user_files import os_error

# Long enough for another officer's import to finish; a user never sees "database is locked".
BUSY_TIMEOUT_SECONDS = 30

# Refusals that mean the file is not a usable ita-tui database (rather than busy or unwritable):
# a restore may put a backup in its place.
UNUSABLE_FILE = frozenset(
    {"db.not_sqlite", "db.not_ours", "db.schema_differs", "db.empty_file", "db.unknown_history"}
)


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    # No function or virtual table runs from a view or trigger the file brings with it.
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")


def _upgrade(connection: sqlite3.Connection, location: str, backup_first: bool) -> None:
    # Only an upgrade pays for loading the migration machinery (sqlite-utils): a database at
    # the current schema opens on plain sqlite3, so that commands start fast.
    from sqlite_utils import Database as MigrationDatabase

    from ita_tui.db.schema import MIGRATIONS

    if location != ":memory:" and connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = WAL")
    backup = None
    if backup_first:
        backup = automatic(connection, Path(location), "before-upgrade")
    # All steps or none, and one upgrader at a time: a second process waits, then finds
    # nothing left to do.
    migrations_db = MigrationDatabase(connection, execute_plugins=False)
    connection.execute("BEGIN IMMEDIATE")
    try:
        MIGRATIONS.apply(migrations_db)
        schema_check.check_schema(connection, location)
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
        remove_leftovers(Path(location))
    try:
        connection = sqlite3.connect(location, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise user_error_for(error, location) from None
    try:
        _configure(connection)
        steps = schema_check.check_schema(connection, location)
        if steps is None and not (adopt_empty or location == ":memory:"):
            raise UserError("db.empty_file", path=location)
        if steps is None and location != ":memory:":
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

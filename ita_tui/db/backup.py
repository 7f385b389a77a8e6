"""Copies of the database made with SQLite's online backup, which is safe while others write:
by hand (`ita-tui backup`), before a schema upgrade, before any delete in the app, and before a
restore replaces the database (`ita_tui.db.restore`)."""

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ita_tui.core import progress
from ita_tui.core.errors import UserError
from ita_tui.db import temporary_files
from ita_tui.db.connection import Database
from ita_tui.files.atomic import refuse_special_target
from ita_tui.files.locations import backup_folder
from ita_tui.files.modes import like_database, private_folder
from ita_tui.files.user_files import os_error

KEEP_AUTOMATIC = 20


def database_file(db: Database) -> Path | None:
    name = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(name) if name else None


def remove_leftovers(database: Path) -> None:
    """Partial copies of commands killed while they wrote a backup."""
    temporary_files.remove_leftovers(backup_folder(database), f".{database.stem}-")


def _file_of(connection: sqlite3.Connection) -> Path | None:
    name = connection.execute("PRAGMA database_list").fetchone()[2]
    return Path(name) if name else None


@contextlib.contextmanager
def copy_beside(
    connection: sqlite3.Connection, target: Path, readers: Path | None
) -> Iterator[str]:
    """A consistent copy of the database under a temporary name in the target's folder, for
    the same readers as the `readers` database (else for the user alone). The block renames
    it into place; if the block fails or the process dies first, it is a leftover that the
    next start removes."""
    folder = target.parent
    if not folder.is_dir():
        raise UserError("file.no_folder", path=str(target))
    try:
        with temporary_files.beside(target) as temporary:
            if readers is not None:
                like_database(temporary, readers)
            destination = sqlite3.connect(temporary)
            try:
                # The copy is thrown away if anything fails: it needs no journal of its own.
                destination.execute("PRAGMA journal_mode = OFF")
                connection.backup(destination)
            finally:
                destination.close()
            yield temporary
    except sqlite3.Error as error:
        raise UserError("file.write_failed", path=str(target), reason=str(error)) from None
    except OSError as error:
        raise os_error(error, target, writing=True) from None


def copy_to(connection: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy beside the target, then rename it into place; it may be read by
    whoever may read the database."""
    database = _file_of(connection)
    # Renamed over the database itself, the copy would leave every other open connection
    # writing to a file no longer there.
    with contextlib.suppress(OSError):
        if database is not None and os.path.samefile(target, database):
            raise UserError("backup.onto_database", path=str(target))
    refuse_special_target(target)
    progress.step("progress.backup", 0)
    with copy_beside(connection, target, database) as temporary:
        refuse_special_target(target)
        os.replace(temporary, target)
    progress.step("progress.backup", 1, 1)


def automatic(connection: sqlite3.Connection, database: Path, reason: str) -> Path:
    """A dated copy in the backups folder next to the database; the oldest automatic copies
    beyond the last few are removed."""
    folder = backup_folder(database)
    private_folder(folder, database)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{database.stem}-{stamp}-{reason}.db"
    copy_to(connection, target)
    copies = sorted(folder.glob(f"{database.stem}-*.db"))
    for old in copies[:-KEEP_AUTOMATIC]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def before_delete(db: Database) -> Path | None:
    database = database_file(db)
    if database is None:
        return None
    return automatic(db.conn, database, "before-delete")

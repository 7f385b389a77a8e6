"""Copies of the database made with SQLite's online backup, which is safe while others write:
by hand (`ita-tui backup`), before a schema upgrade, before any delete in the app, and before a
restore replaces the database."""

import contextlib
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from ita_tui.db.connection import Database
from ita_tui.errors import UserError

KEEP_AUTOMATIC = 20


def database_file(db: Database) -> Path | None:
    name = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(name) if name else None


def backup_folder(database: Path) -> Path:
    return database.with_name(database.name + ".backups")


def copy_to(connection: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy beside the target, then rename it into place."""
    folder = target.parent
    if not folder.is_dir():
        raise UserError("file.no_folder", path=str(target))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        destination = sqlite3.connect(temporary)
        try:
            connection.backup(destination)
        finally:
            destination.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UserError("file.write_failed", path=str(target), reason=str(error)) from None


def automatic(connection: sqlite3.Connection, database: Path, reason: str) -> Path:
    """A dated copy in the backups folder next to the database; the oldest automatic copies
    beyond the last few are removed."""
    folder = backup_folder(database)
    folder.mkdir(exist_ok=True)
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


def check_restorable(source: Path) -> None:
    """A file is restored only if it is an ita-tui database, whole, and not from a newer tool."""
    from ita_tui.db.versions import KNOWN_MIGRATIONS, MIGRATION_SET, MIGRATIONS_TABLE

    if not source.is_file():
        raise UserError("file.missing", path=str(source))
    try:
        connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise UserError("db.not_sqlite", path=str(source)) from None
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise UserError("restore.damaged", path=str(source), detail=result)
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if MIGRATIONS_TABLE not in tables:
            raise UserError("db.not_ours", path=str(source))
        applied = {
            row[0]
            for row in connection.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                (MIGRATION_SET,),
            )
        }
        if not applied:
            raise UserError("db.not_ours", path=str(source))
        if applied - set(KNOWN_MIGRATIONS):
            raise UserError("db.newer_schema", path=str(source))
    except sqlite3.DatabaseError:
        raise UserError("db.not_sqlite", path=str(source)) from None
    finally:
        connection.close()


def restore(database: Path, source: Path) -> Path:
    """Replace the database's content with the source's, after a copy of the current one. The
    copy goes page by page through SQLite, so other connections see the old or the new file."""
    check_restorable(source)
    from ita_tui.db.connection import open_database

    live = open_database(database)
    try:
        saved = automatic(live.conn, database, "before-restore")
        incoming = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            incoming.backup(live.conn)
        except sqlite3.Error as error:
            raise UserError("db.failed", path=str(database), reason=str(error)) from None
        finally:
            incoming.close()
    finally:
        live.close()
    open_database(database).close()  # an older file is upgraded now, after its own backup
    return saved

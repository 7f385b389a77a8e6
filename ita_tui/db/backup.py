"""Copies of the database made with SQLite's online backup, which is safe while others write:
by hand (`ita-tui backup`), before a schema upgrade, before any delete in the app, and before a
restore replaces the database."""

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.db import temporary_files
from ita_tui.db.connection import Database
from ita_tui.files.atomic import refuse_special_target
from ita_tui.files.locations import backup_folder

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
def _copy_beside(
    connection: sqlite3.Connection, target: Path, readers: Path | None
) -> Iterator[str]:
    """A consistent copy of the database under a temporary name in the target's folder, for
    the same readers as the `readers` database (else for the user alone). The block renames
    it into place; if the block fails or the process dies first, it is a leftover that the
    next start removes."""
    from ita_tui.files.modes import like_database
    from ita_tui.files.user_files import os_error

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
    with _copy_beside(connection, target, database) as temporary:
        refuse_special_target(target)
        os.replace(temporary, target)


def automatic(connection: sqlite3.Connection, database: Path, reason: str) -> Path:
    """A dated copy in the backups folder next to the database; the oldest automatic copies
    beyond the last few are removed."""
    from ita_tui.files.modes import private_folder

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


def _read_only(source: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def check_restorable(source: Path) -> None:
    """A file is restored only if it is an ita-tui database, whole, of this version's schema or
    an older one's, and not from a newer tool."""
    from ita_tui.db.connection import check_schema
    from ita_tui.files.user_files import os_error

    try:
        status = os.stat(source)
    except OSError as error:
        raise os_error(error, source) from None
    if stat.S_ISDIR(status.st_mode):
        raise UserError("file.is_folder", path=str(source))
    if not stat.S_ISREG(status.st_mode):
        raise UserError("file.not_regular", path=str(source))
    if status.st_size == 0:
        raise UserError("restore.empty", path=str(source))
    try:
        connection = _read_only(source)
    except sqlite3.Error:
        raise UserError("db.not_sqlite", path=str(source)) from None
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise UserError("restore.damaged", path=str(source), detail=result)
        if check_schema(connection, str(source)) is None:
            raise UserError("restore.empty", path=str(source))
    except sqlite3.DatabaseError:
        raise UserError("db.not_sqlite", path=str(source)) from None
    finally:
        connection.close()


class RestoreRefused(UserError):
    """Why a backup was not restored, and that the current database is as it was."""

    def __init__(self, cause: UserError, database: Path, still_usable: bool) -> None:
        key = "restore.refused" if still_usable else "restore.refused_untouched"
        super().__init__(key, database=str(database))
        self.cause = cause

    def message(self, lang: str) -> str:
        from ita_tui.core.i18n import translate

        return translate(self.key, lang, reason=self.cause.message(lang), **self.params)

    @property
    def exit_code(self) -> int:
        return self.cause.exit_code


def _opens(database: Path) -> bool:
    from ita_tui.db.connection import open_database

    try:
        open_database(database).close()
    except UserError:
        return False
    return True


def _put_in_place_of(database: Path, source: Path) -> Path:
    """Restore over a file that is no usable database: the backup is copied
    beside it, the file and its WAL are moved into the backups folder as they are, and the
    copy takes their place."""
    from ita_tui.files.modes import like_database, private_folder

    folder = backup_folder(database)
    private_folder(folder, database)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    saved = folder / f"{database.stem}-{stamp}-before-restore.db"
    incoming = _read_only(source)
    try:
        with _copy_beside(incoming, database, database) as temporary:
            # A WAL left beside the new file would be replayed into it: it goes with its
            # database.
            for suffix in ("-wal", "-shm", ""):
                old = Path(f"{database}{suffix}")
                if old.exists():
                    os.replace(old, f"{saved}{suffix}")
                    like_database(f"{saved}{suffix}", Path(temporary))
            os.replace(temporary, database)
    finally:
        incoming.close()
    return saved


def _refuse_other_page_size(live: sqlite3.Connection, source: Path, database: Path) -> None:
    """SQLite copies a backup page by page into a database in WAL mode only if their pages are
    the same size; ita-tui always makes them so, another program may not."""
    incoming = _read_only(source)
    try:
        found = incoming.execute("PRAGMA page_size").fetchone()[0]
    finally:
        incoming.close()
    expected = live.execute("PRAGMA page_size").fetchone()[0]
    if found != expected:
        cause = UserError("restore.page_size", path=str(source), found=found, expected=expected)
        raise RestoreRefused(cause, database, still_usable=True)


def restore(database: Path, source: Path) -> Path:
    """Replace the database's content with the source's, after a copy of the current one. The
    copy goes page by page through SQLite, so other connections see the old or the new file."""
    from ita_tui.db.connection import UNUSABLE_FILE, open_database

    try:
        check_restorable(source)
    except UserError as refused:
        raise RestoreRefused(refused, database, _opens(database)) from None
    try:
        live = open_database(database)
    except UserError as error:
        if error.key not in UNUSABLE_FILE:
            raise
        saved = _put_in_place_of(database, source)
    else:
        try:
            _refuse_other_page_size(live.conn, source, database)
            saved = automatic(live.conn, database, "before-restore")
            incoming = _read_only(source)
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

"""Restoring a backup: the file is checked before anything is touched, the database as it was is
kept in its backups folder, and the copy goes page by page through SQLite, so that other
connections see the old file or the new one."""

import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

from ita_tui.core import progress
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.db.backup import automatic, copy_beside
from ita_tui.db.opening import UNUSABLE_FILE, open_database
from ita_tui.db.schema_check import check_schema
from ita_tui.files.locations import backup_folder
from ita_tui.files.modes import like_database, private_folder
from ita_tui.files.user_files import os_error


def _read_only(source: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def check_restorable(source: Path) -> None:
    """A file is restored only if it is an ita-tui database, whole, of this version's schema or
    an older one's, and not from a newer tool."""
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
        return translate(self.key, lang, reason=self.cause.message(lang), **self.params)

    @property
    def exit_code(self) -> int:
        return self.cause.exit_code


def _opens(database: Path) -> bool:
    try:
        open_database(database).close()
    except UserError:
        return False
    return True


def _put_in_place_of(database: Path, source: Path) -> Path:
    """Restore over a file that is no usable database: the backup is copied
    beside it, the file and its WAL are moved into the backups folder as they are, and the
    copy takes their place."""
    folder = backup_folder(database)
    private_folder(folder, database)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    saved = folder / f"{database.stem}-{stamp}-before-restore.db"
    incoming = _read_only(source)
    try:
        with copy_beside(incoming, database, database) as temporary:
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
        progress.step("progress.restore", 0)
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
    progress.step("progress.restore", 1, 1)
    return saved

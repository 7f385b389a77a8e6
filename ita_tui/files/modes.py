"""Who may read the files the tool makes: its user alone (files 0600, folders 0700), or, for a
database the administrator shares with a group on a server (`ita-tui init --group NAME`), the
user and that group (files 0660, folders 2770). A database is shared when its group may read and
write it; every file the tool makes for that database (backups, restored copies) takes the
database's group and mode, and SQLite gives its WAL and shared-memory files the database's mode
by itself. Nobody else may ever read them: the journal's evidence and the password hashes are
in there."""

import contextlib
import os
import stat
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.files.locations import backup_folder

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SHARED_FILE = 0o660
# setgid: what members of the group create inside (a WAL, a backup) belongs to the group too.
SHARED_FOLDER = 0o2770
_POSIX = os.name == "posix"


def shared_group(database: Path) -> int | None:
    """The group a database is shared with: its own, when that group may read and write it."""
    if not _POSIX:
        return None
    try:
        status = os.stat(database)
    except OSError:
        return None
    return status.st_gid if status.st_mode & 0o060 == 0o060 else None


def like_database(path: Path | str, database: Path, folder: bool = False) -> None:
    """Give a file (or folder) the tool made for a database the same readers as the database."""
    if not _POSIX:
        return
    group = shared_group(database)
    if group is None:
        os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)
        return
    try:
        os.chown(path, -1, group)
    except PermissionError:
        # Not a member of the database's group: the file could only go to another group.
        os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)
        return
    os.chmod(path, SHARED_FOLDER if folder else SHARED_FILE)


def private_folder(path: Path, database: Path | None = None) -> None:
    """Make a folder (and the missing ones above it) that only the user, or the database's
    group, may enter; a folder that exists is left as it is."""
    missing = []
    while not path.is_dir() and path != path.parent:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_FOLDER)
        if database is not None:
            like_database(folder, database, folder=True)
        elif _POSIX:
            os.chmod(folder, PRIVATE_FOLDER)


def readable_by_others(path: Path) -> int | None:
    """The mode of a file that users other than its owner and group may read, else None."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    return mode if _POSIX and mode & 0o007 else None


def exposed_files(database: Path) -> list[tuple[Path, int]]:
    """The database's files (itself, its WAL, its backups) that every user may read."""
    candidates = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    folder = backup_folder(database)
    if folder.is_dir():
        candidates += [folder, *sorted(folder.iterdir())]
    return [(path, mode) for path in candidates if (mode := readable_by_others(path)) is not None]


def share_with_group(database: Path, group_name: str) -> list[str]:
    """Let one group read and write a database, its WAL and its backups; the folders that are
    not yet open to the group are returned, for the administrator to open."""
    import grp  # POSIX only: sharing with a group has no meaning on Windows

    try:
        group = grp.getgrnam(group_name).gr_gid
    except KeyError:
        raise UserError("share.no_such_group", group=group_name) from None
    folder = backup_folder(database)
    files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    if folder.is_dir():
        files += [path for path in folder.iterdir() if path.is_file()]
    try:
        for path in files:
            if path.exists():
                os.chown(path, -1, group)
                os.chmod(path, SHARED_FILE)
        if folder.is_dir():
            os.chown(folder, -1, group)
            os.chmod(folder, SHARED_FOLDER)
    except PermissionError:
        raise UserError("share.not_allowed", group=group_name, path=str(database)) from None
    closed = []
    home = database.resolve().parent
    status = home.stat()
    if status.st_gid != group or status.st_mode & 0o2070 != 0o2070:
        closed.append(str(home))
    return closed

"""Database files are written under a temporary name beside their target and renamed into
place when whole: a backup, or a new database. The writer holds a lock on the temporary file
while it works, so that the next start of the tool can tell a leftover of a process that was
killed (nobody holds its lock) from a file another process is still writing, and remove only
the leftovers."""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows, where a file open in another process cannot be deleted anyway
    fcntl = None

SUFFIX = ".tmp"
# What SQLite may leave beside a database file.
_COMPANIONS = ("-journal", "-wal", "-shm")


def _lock(handle: int, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _remove(path: str) -> None:
    for name in (path, *(path + companion for companion in _COMPANIONS)):
        with contextlib.suppress(OSError):
            os.unlink(name)


@contextlib.contextmanager
def beside(target: Path) -> Iterator[str]:
    """A new temporary file in the target's folder, named after it and locked for as long as
    the block runs; removed if the block fails. The block renames it into place when whole."""
    import tempfile  # only when writing: opening a database stays quick

    while True:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=SUFFIX, dir=target.parent
        )
        _lock(handle, wait=True)
        # A start of the tool may have taken the file for a leftover between its making and
        # its locking: then it is gone from the folder, and another is made.
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(temporary), os.fstat(handle)):
                break
        os.close(handle)
    try:
        yield temporary
    except BaseException:
        _remove(temporary)
        raise
    finally:
        os.close(handle)


def remove_leftovers(folder: Path, prefix: str) -> None:
    """Remove the temporary files whose names start with the prefix and whose writers are
    gone; a file another process is writing stays."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix):
            continue
        if name.endswith(SUFFIX):
            with contextlib.suppress(OSError):
                handle = os.open(entry.path, os.O_RDONLY)
                try:
                    abandoned = _lock(handle, wait=False)
                    if abandoned and fcntl is not None:
                        _remove(entry.path)
                finally:
                    os.close(handle)
                if fcntl is None:
                    _remove(entry.path)  # refused by Windows while its writer has it open
        elif any(
            name.endswith(SUFFIX + companion) and name[: -len(companion)] not in names
            for companion in _COMPANIONS
        ):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)

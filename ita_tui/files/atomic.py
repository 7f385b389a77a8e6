"""Writing a user's file so that a crash or a full disk never leaves half of it behind."""

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ita_tui.core.errors import UserError


def refuse_special_target(path: Path) -> None:
    """Only a new file or a regular one is written: a pipe, a device or a socket given as the
    output would be replaced by a regular file (for root, /dev/null itself), so it is refused.
    A link is judged by what it leads to."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:  # a name too long, a folder that may not be entered
        from ita_tui.files.user_files import os_error

        raise os_error(error, path, writing=True) from None
    if stat.S_ISDIR(mode):
        raise UserError("file.is_folder", path=str(path))
    if not stat.S_ISREG(mode):
        raise UserError("file.not_regular_target", path=str(path))


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write beside the target, flush to disk, then rename over it: the old file or the new
    one, never a mix. Text is written as UTF-8 with \n line ends."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("file.no_folder", path=str(path))
    refuse_special_target(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise UserError("file.unwritable", path=str(path)) from None
    except OSError as error:
        raise UserError("file.write_failed", path=str(path), reason=error.strerror) from None
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(path, temporary)
        refuse_special_target(path)  # again: one may have been put there while writing
        os.replace(temporary, path)
    except (OSError, UserError) as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, UserError):
            raise
        if isinstance(error, PermissionError):
            raise UserError("file.unwritable", path=str(path)) from None
        raise UserError(
            "file.write_failed", path=str(path), reason=error.strerror or str(error)
        ) from None


def _keep_permissions(path: Path, temporary: str) -> None:
    """A file replaced keeps its permissions (a pack the web server publishes stays readable);
    a new one is private to its owner, as the temporary file was made."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)

"""Reading a file a user names: a regular file only (a pipe would wait for ever, a device never
ends), and every way the system can refuse it said in words. TOML is checked for nesting deeper
than any ita-tui file needs before tomllib parses it: its parser recurses once per level, and a
file nested 100,000 deep would exhaust Python's stack."""

import errno
import os
import re
import stat
from pathlib import Path

from ita_tui.core.errors import UserError

# Snapshots, catalogues and settings nest four levels at most (an inline table in an array in
# a table in an array of tables); this leaves room for hand-written files.
MAX_TOML_DEPTH = 20

# Compiled on first use (by re's cache): most starts read no TOML at all.
_TOML_TOKEN = (
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''.*?'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
)


def os_error(error: OSError, path: str | Path, writing: bool = False) -> UserError:
    """The message for a file the system would not let us have."""
    code = error.errno
    if code == errno.ENOENT:
        return UserError("file.no_folder" if writing else "file.missing", path=str(path))
    if code == errno.EISDIR:
        return UserError("file.is_folder", path=str(path))
    if code in (errno.EACCES, errno.EPERM):
        return UserError("file.unwritable" if writing else "file.unreadable", path=str(path))
    if code == errno.ENAMETOOLONG:
        return UserError("file.name_too_long", path=str(path))
    return UserError("file.failed", path=str(path), reason=error.strerror or str(error))


def read_bytes(path: str | Path) -> bytes:
    """A regular file's content; anything else is refused before it is opened."""
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise UserError("file.is_folder", path=str(path))
        if not stat.S_ISREG(status.st_mode):
            raise UserError("file.not_regular", path=str(path))
        return Path(path).read_bytes()
    except OSError as error:
        raise os_error(error, path) from None


def toml_too_deep(text: str) -> int | None:
    """The line where the text nests deeper than MAX_TOML_DEPTH, else None."""
    level = 0
    for token in re.finditer(_TOML_TOKEN, text, re.DOTALL):
        mark = token.group()
        if mark in "[{":
            level += 1
            if level > MAX_TOML_DEPTH:
                return text.count("\n", 0, token.start()) + 1
        elif mark in "]}":
            level -= 1
    return None


def loads_toml(text: str, name: str) -> dict:
    line = toml_too_deep(text)
    if line is not None:
        raise UserError("toml.too_deep", path=name, line=line, depth=MAX_TOML_DEPTH)
    # Imported when a file is read, not with the module: a launch with no settings file reads
    # no TOML at all (the bundled tables come from the cache, ita_tui.core.bundled).
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserError("toml.syntax", path=name, detail=str(error)) from None
    except RecursionError:  # a nesting the scan above did not see
        raise UserError("toml.too_deep", path=name, line="-", depth=MAX_TOML_DEPTH) from None


def read_toml(path: str | Path) -> dict:
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("file.not_utf8", path=str(path)) from None
    return loads_toml(text, str(path))

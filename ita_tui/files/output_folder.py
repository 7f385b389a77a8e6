"""Where the files a user asks for are written: in the app, one output folder and a file name
the user chooses; on the command line, any path but the database and its companions.

From the app a name is never a path: an officer in the browser must not be able to replace the
server's database, its backups or its settings by exporting over them."""

import os
from collections.abc import Sequence
from pathlib import Path

from ita_tui.core.errors import UserError
from ita_tui.core.text import normalise
from ita_tui.files.locations import settings_path

# The longest name most file systems take is 255 bytes; a temporary name is built on it.
_LONGEST_NAME = 200
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def default_output_folder() -> Path:
    from platformdirs import user_documents_dir  # only when no output folder is set

    return Path(user_documents_dir()) / "ita-tui"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or os.path.samefile(one, other)
    except OSError:
        return False


def refuse_protected(target: Path, database: str | Path | None) -> None:
    """The database, its -wal/-shm/-journal, its backups and the settings are never written
    over by an export or a pack, whatever path is given."""
    protected = [settings_path()]
    if database and str(database) != ":memory:":
        database = Path(database)
        protected += [database.with_name(database.name + suffix) for suffix in _COMPANIONS]
        backups = database.with_name(database.name + ".backups").resolve()
        if target.resolve().is_relative_to(backups):
            raise UserError("file.protected", path=str(target))
    if any(_same_file(target, path) for path in protected):
        raise UserError("file.protected", path=str(target))


def file_name(name: str, extensions: Sequence[str]) -> str:
    """A file name as typed (not a path), ending in one of the extensions (the first is
    added when none is given)."""
    name = normalise(name)
    if not name:
        raise UserError("file.name_empty")
    if "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise UserError("file.name_not_path", name=name)
    if not name.lower().endswith(tuple(extensions)):
        name += extensions[0]
    if len(name.encode("utf-8")) > _LONGEST_NAME:
        raise UserError("file.name_too_long", path=name[:40] + "…")
    return name


def in_output_folder(
    folder: Path, name: str, extensions: Sequence[str], database: str | Path | None
) -> Path:
    """The path to write a file the user named, inside the output folder."""
    chosen = file_name(name, extensions)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        raise UserError("file.no_output_folder", path=str(folder)) from None
    target = folder / chosen
    # A link planted in the folder would lead the write elsewhere.
    if target.is_symlink() or target.resolve().parent != folder.resolve():
        raise UserError("file.protected", path=str(target))
    refuse_protected(target, database)
    return target

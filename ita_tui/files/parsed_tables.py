"""The tables of the bundled TOML files as parsed in earlier sessions, kept in the user's cache
folder so that the app's first frame reads them as JSON, without tomllib
(`ita_tui.core.bundled`, which says why).

It is a cache and nothing more: a missing, unreadable, damaged or foreign file is ignored, a
failed write is skipped, and the tables of a file are taken back only for the file as it is now
(`bundled.signature`) and only if they are as they were written (a checksum of their JSON): the
tables hold the rules every score is read by, and a cache damaged on disk must not change one."""

import json
import zlib
from pathlib import Path
from typing import Any

from ita_tui.core import bundled
from ita_tui.core.errors import UserError
from ita_tui.files.atomic import write_atomically
from ita_tui.files.locations import cache_folder

# The bundled tables are about 50 KB as JSON: a larger file is not ours to read at start-up.
LARGEST_FILE = 4 * 1024 * 1024


def cache_path() -> Path:
    return cache_folder() / "bundled-tables.json"


def _document(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > LARGEST_FILE:
            return {}
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _tables(entry: object) -> tuple[str, dict[str, Any]] | None:
    """A kept entry's signature and tables, if it is whole."""
    if not isinstance(entry, dict):
        return None
    signature, text, check = entry.get("signature"), entry.get("json"), entry.get("check")
    if not (isinstance(signature, str) and isinstance(text, str) and check == _checksum(text)):
        return None
    try:
        tables = json.loads(text)
    except ValueError:
        return None
    return (signature, tables) if isinstance(tables, dict) else None


def load() -> None:
    """Give the tables kept from earlier sessions back to the bundled files' reader."""
    kept = {}
    for name, entry in _document(cache_path()).items():
        tables = _tables(entry)
        if tables is not None:
            kept[name] = tables
    bundled.remember(kept)


def save() -> None:
    """Keep the tables read in this session, beside those of other files still in the file."""
    used = bundled.tables_used()
    path = cache_path()
    document = _document(path)
    if not used or all(
        isinstance(document.get(name), dict) and document[name].get("signature") == signature
        for name, (signature, _) in used.items()
    ):
        return
    for name, (signature, tables) in used.items():
        text = json.dumps(tables, ensure_ascii=False)
        document[name] = {"signature": signature, "check": _checksum(text), "json": text}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(document, ensure_ascii=False))
    except (OSError, UserError):
        return  # a cache that cannot be written is simply not kept

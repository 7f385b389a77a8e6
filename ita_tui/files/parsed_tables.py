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
from ita_tui.files.cache_documents import keep_document, read_document
from ita_tui.files.locations import cache_folder

# The bundled tables are about 50 KB as JSON: a larger file is not ours to read at start-up.
LARGEST_FILE = 4 * 1024 * 1024


def cache_path() -> Path:
    return cache_folder() / "bundled-tables.json"


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
    for name, entry in read_document(cache_path(), LARGEST_FILE).items():
        tables = _tables(entry)
        if tables is not None:
            kept[name] = tables
    bundled.remember(kept)


def save() -> None:
    """Keep the tables read in this session, beside those of other files still in the file."""
    used = bundled.tables_used()
    path = cache_path()
    document = read_document(path, LARGEST_FILE)
    # Kept already: each file's tables whole, for the file as it is (an entry damaged on disk
    # is written again, else every launch would parse the file).
    if all(
        (kept := _tables(document.get(name))) is not None and kept[0] == signature
        for name, (signature, _) in used.items()
    ):
        return
    for name, (signature, tables) in used.items():
        text = json.dumps(tables, ensure_ascii=False)
        document[name] = {"signature": signature, "check": _checksum(text), "json": text}
    keep_document(path, document)

"""A JSON document in the user's cache folder: what only saves time, so a file that is missing,
too large, unreadable or not a JSON object reads as empty, and one that cannot be written is not
kept (`word_breaks`, `parsed_tables`)."""

import json
from pathlib import Path
from typing import Any

from ita_tui.core.errors import UserError
from ita_tui.files.atomic import write_atomically


def read_document(path: Path, largest: int) -> dict[str, Any]:
    """The document's object, or an empty one; a file larger than `largest` bytes is not read."""
    try:
        if path.stat().st_size > largest:
            return {}
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def keep_document(path: Path, document: dict[str, Any]) -> None:
    """Write the document whole in place of the file, or leave it be if that cannot be done."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    except (OSError, UserError):
        return  # a cache that cannot be written is simply not kept

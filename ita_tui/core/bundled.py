"""The files that come with the program, in `ita_tui/data`, and the tables of its TOML files.

They are found beside the package's modules, where pip installs them, rather than through
`importlib.resources`: its import (with zipfile's, for packages run from an archive, which this
one never is) was a part of the wait for the app's first frame.

The first frame scores the agency's assessment by the rules of `methodology.toml`; importing
tomllib and parsing the file took about 8 ms of that wait, where reading the same tables as JSON
takes a tenth of one. So the app keeps the tables it parsed between sessions, as it keeps where
Thai texts divide (`ita_tui/files/parsed_tables.py` gives them back here through `remember`): a
file is parsed again only when it is no longer the file the kept tables were parsed from (its
size and modification time)."""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent.parent / "data"

# Tables kept from earlier sessions, and those parsed or taken back in this one (for keeping):
# file name → (the file's signature, its tables).
_remembered: Mapping[str, tuple[str, dict[str, Any]]] = {}
_used: dict[str, tuple[str, dict[str, Any]]] = {}


def bundled_file(name: str) -> Path:
    return FOLDER / name


def signature(name: str) -> str:
    """What the file's tables depend on: the file as it is (its size and modification time)."""
    status = os.stat(bundled_file(name))
    return f"{status.st_size}:{status.st_mtime_ns}"


def bundled_tables(name: str) -> dict[str, Any]:
    """The tables of a bundled TOML file: those kept from an earlier session if they were parsed
    from the file as it is, else parsed now."""
    current = signature(name)
    kept = _remembered.get(name)
    if kept is not None and kept[0] == current:
        tables = kept[1]
    else:
        import tomllib  # here, not with the module: the kept tables spare most launches its import

        tables = tomllib.loads(bundled_file(name).read_text("utf-8"))
    _used[name] = (current, tables)
    return tables


def remember(kept: Mapping[str, tuple[str, dict[str, Any]]]) -> None:
    """Take back the tables kept from earlier sessions: file name → (signature, tables)."""
    global _remembered
    _remembered = kept


def tables_used() -> dict[str, tuple[str, dict[str, Any]]]:
    """The tables read in this session, with the signature of the file they come from."""
    return dict(_used)

"""The files that come with the program, in `ita_tui/data`.

They are found beside the package's modules, where pip installs them, rather than through
`importlib.resources`: its import (with zipfile's, for packages run from an archive, which this
one never is) was a part of the wait for the app's first frame."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "data"


def bundled_file(name: str) -> Path:
    return FOLDER / name

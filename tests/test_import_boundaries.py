"""The core and the CLI stand without the TUI: commands must not pay for importing textual, nor
for the Thai word segmenter that only wrapped text needs."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from ita_tui.cli import main
try:
    main({args!r})
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'nlpo3'))
print(json.dumps(loaded), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["overdue", "--as-of", "2023-04-03", "--json"],
        ["measures", "--json"],
        ["score", "--year", "2565", *["90"] * 10],
        ["export", "-", "--as-of", "2023-04-03"],
        ["log", "1", "--percent", "5", "--date", "2023-01-01"],
        ["locate"],
        ["--lang", "th", "--help"],
        ["--lang", "th", "measures", "--bogus"],
    ],
)
def test_non_app_commands_do_not_import_textual_rich_or_the_segmenter(sample_db, args):
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=["--db", str(sample_db), *args])],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == []


def _contract(name: str) -> dict:
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    return next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == name)


CORE = _contract("The core knows no terminal, no store, no file format, no app")
PACKAGE = Path(__file__).parent.parent / "ita_tui"
CORE_MODULES = sorted(
    "ita_tui.core." + path.stem
    for path in (PACKAGE / "core").glob("*.py")
    if path.stem != "__init__"
)

MODULE_PROBE = """
import importlib, json, sys
importlib.import_module({module!r})
forbidden = {forbidden!r}
loaded = sorted(
    m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden)
)
print(json.dumps(loaded))
"""

OUTSIDE_THE_CORE = [
    *CORE["forbidden_modules"],
    "ita_tui.db",
    "ita_tui.files",
    "ita_tui.documents",
    "ita_tui.desk",
    "ita_tui.app",
    "ita_tui.screens",
    "ita_tui.widgets",
    "ita_tui.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_each_core_module_loads_alone_without_terminal_store_or_app(module):
    """What import-linter checks statically, seen at run time: importing a core module in a
    fresh interpreter loads nothing above the core, no terminal and no store."""
    probe = MODULE_PROBE.format(module=module, forbidden=OUTSIDE_THE_CORE)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_core_is_a_folder_of_modules():
    assert CORE["source_modules"] == ["ita_tui.core"]
    assert "ita_tui.core.model" in CORE_MODULES and len(CORE_MODULES) > 10


def test_the_top_of_the_package_holds_at_most_a_dozen_modules():
    loose = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(loose) <= 12, loose


lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def _broken_contracts_with(tmp_path: Path, module: str, line: str) -> str:
    """Copy the package, add one import to one module, and run lint-imports on the copy."""
    root = tmp_path / "tree"
    shutil.copytree(PACKAGE, root / "ita_tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", root / "pyproject.toml")
    target = root / "ita_tui" / module
    target.write_text(target.read_text("utf-8") + "\n" + line + "\n", "utf-8")
    done = subprocess.run(
        [lint_imports],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode != 0, done.stdout
    return done.stdout


@pytest.mark.skipif(lint_imports is None, reason="import-linter is not installed")
@pytest.mark.parametrize(
    ("module", "line"),
    [
        # a screen reaching the snapshot, whose import_plan writes to the store
        ("screens/measures.py", "from ita_tui.documents.snapshot import import_plan"),
        # the app shell writing to the store without the desk
        ("app.py", "from ita_tui.db import writes"),
        # a command writing to the store without the desk
        ("cli/records.py", "from ita_tui.db import writes"),
        # a command importing a plan without the desk
        ("cli/plan.py", "from ita_tui.documents.snapshot import import_plan"),
        # a command running SQL of its own (as `verify` once counted the journal)
        ("cli/records.py", "import sqlite3"),
        # the core reading a file format
        ("core/model.py", "import docx"),
        # the store reading a report
        ("db/queries.py", "from ita_tui.documents import report"),
    ],
)
def test_a_door_around_the_desk_breaks_a_contract(tmp_path, module, line):
    assert "BROKEN" in _broken_contracts_with(tmp_path, module, line)

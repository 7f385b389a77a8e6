"""The core and the CLI stand without the TUI: commands must not pay for importing textual, nor
for the Thai word segmenter that only wrapped text needs."""

import json
import subprocess
import sys

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

MODULE_PROBE = """
import importlib, json, sys
importlib.import_module({module!r})
forbidden = {forbidden!r}
loaded = sorted(
    m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden)
)
print(json.dumps(loaded))
"""


@pytest.mark.parametrize("module", CORE["source_modules"])
def test_each_core_module_loads_alone_without_terminal_store_or_app(module):
    """What import-linter checks statically, seen at run time: importing a core module in a
    fresh interpreter loads nothing it is forbidden to know."""
    probe = MODULE_PROBE.format(module=module, forbidden=CORE["forbidden_modules"])
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_core_list_names_modules_that_exist():
    import importlib

    for module in CORE["source_modules"]:
        importlib.import_module(module)
    assert "ita_tui.model" in CORE["source_modules"]

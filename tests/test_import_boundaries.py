"""The core and the CLI stand without the TUI: commands must not pay for importing textual."""

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
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))
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
def test_non_app_commands_do_not_import_textual_or_rich(sample_db, args):
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=["--db", str(sample_db), *args])],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == []

"""The bundled TOML files' tables kept between sessions (ita_tui/files/parsed_tables.py): a launch
after the first reads the scoring rules without tomllib, and a kept copy that is stale, damaged,
foreign or hostile changes nothing but the time it takes: the rules come from the file."""

import json
import os
import subprocess
import sys

import pytest

from ita_tui.core import bundled
from ita_tui.files import parsed_tables
from tests.hostile import cases

# Reads the 2566 rules after taking back the kept tables, keeps what it read, and says whether
# tomllib had to be imported for it.
PROBE = """
import json, sys
from ita_tui.core import scoring
from ita_tui.files import parsed_tables
parsed_tables.load()
rules = scoring.methodology(2566)
parsed_tables.save()
print(json.dumps({"pass_mark": str(rules.pass_mark), "weights": [str(w) for w in rules.weights],
                  "tomllib": "tomllib" in sys.modules}))
"""


@pytest.fixture(autouse=True)
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_TUI_CACHE", str(tmp_path / "kept"))
    bundled.remember({})
    yield tmp_path / "kept"
    bundled.remember({})


def probe() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
    )
    return json.loads(done.stdout)


def tables_from_the_file(name: str) -> dict:
    import tomllib

    return tomllib.loads(bundled.bundled_file(name).read_text("utf-8"))


def test_a_later_launch_reads_the_same_rules_without_tomllib(cache_folder):
    first = probe()
    assert first["tomllib"]  # nothing kept yet: the file is parsed
    assert (cache_folder / "bundled-tables.json").exists()
    again = probe()
    assert not again["tomllib"]
    assert again == {**first, "tomllib": False}
    assert again["pass_mark"] == "85"


def test_tables_kept_from_another_version_of_the_file_are_not_taken_back():
    parsed = {"methodologies": [], "indicators": []}
    bundled.remember({"methodology.toml": ("1:2", parsed)})
    assert bundled.bundled_tables("methodology.toml") == tables_from_the_file("methodology.toml")


def test_tables_damaged_on_disk_are_not_taken_back(cache_folder):
    bundled.bundled_tables("methodology.toml")
    parsed_tables.save()
    path = cache_folder / "bundled-tables.json"
    document = json.loads(path.read_text("utf-8"))
    entry = document["methodology.toml"]
    assert '"pass_mark": 85' in entry["json"]
    # One digit changed, as a bad sector or an editor would: the checksum no longer holds.
    entry["json"] = entry["json"].replace('"pass_mark": 85', '"pass_mark": 35')
    path.write_text(json.dumps(document), "utf-8")
    bundled.remember({})
    parsed_tables.load()
    assert bundled.bundled_tables("methodology.toml") == tables_from_the_file("methodology.toml")
    # A session that parses the file again keeps its tables whole in place of the damaged ones,
    # so that the next launch does not parse it again.
    assert probe()["tomllib"]
    assert not probe()["tomllib"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        b'{"methodology.toml": 7}',
        b'{"methodology.toml": {"signature": 1, "check": "x", "json": []}}',
        b"\xff\xfe\x00garbage",
        *(json.dumps({"methodology.toml": case.text}).encode("utf-8") for case in cases()),
    ],
)
def test_a_cache_file_that_is_not_ours_changes_nothing(cache_folder, content):
    cache_folder.mkdir(parents=True, exist_ok=True)
    (cache_folder / "bundled-tables.json").write_bytes(content)
    parsed_tables.load()
    assert bundled.bundled_tables("methodology.toml") == tables_from_the_file("methodology.toml")
    parsed_tables.save()  # and keeping this session's tables over it works
    bundled.remember({})
    parsed_tables.load()
    assert bundled.bundled_tables("methodology.toml") == tables_from_the_file("methodology.toml")


def test_a_cache_folder_that_cannot_be_written_is_skipped(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", "utf-8")
    monkeypatch.setenv("ITA_TUI_CACHE", str(blocked / "kept"))
    bundled.bundled_tables("methodology.toml")
    parsed_tables.save()
    assert blocked.read_text("utf-8") == "a file where the folder would be"

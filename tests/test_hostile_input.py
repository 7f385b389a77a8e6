"""Input made to break the tool (files nested 100,000 deep, names longer than the system allows,
a pipe or a device in place of a file, duplicates the database would refuse) ends in a message
and exit code 2, never in a traceback or a hang, and changes nothing."""

import os
import resource
import subprocess
import sys

import pytest

from tests.conftest import dump

HEADER = 'format = "ita-tui-snapshot"\nversion = 1\n[agency]\nname = "อบต.ทดสอบ"\n'
DEEP = 100_000

NESTED = {
    "arrays": "x = " + "[" * DEEP + "]" * DEEP + "\n",
    "inline tables": "x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n",
    "arrays of inline tables": "x = " + "[{a = " * DEEP + "1" + "}]" * DEEP + "\n",
}


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_toml_nested_deeper_than_the_format_needs_is_refused(run, sample_db, tmp_path, shape):
    path = tmp_path / "deep.toml"
    path.write_text(HEADER + NESTED[shape], "utf-8")
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    assert "ซ้อนกันลึกเกิน" in result.err and str(path) in result.err
    assert dump(sample_db) == before


def test_a_deep_oit_catalogue_is_refused(run, sample_db, tmp_path):
    path = tmp_path / "items.toml"
    path.write_text(NESTED["arrays"], "utf-8")
    result = run("--db", str(sample_db), "whatif", "--year", "2565", "--catalogue", str(path))
    assert result.code == 2 and "ซ้อนกันลึกเกิน" in result.err


def test_a_deep_settings_file_falls_back_to_the_defaults(run, sample_db, tmp_path):
    (tmp_path / "settings.toml").write_text(NESTED["inline tables"], "utf-8")
    result = run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03")
    assert result.code == 0
    assert "ซ้อนกันลึกเกิน" in result.err


LONG = "ก" * 100 + "a" * 200

LONG_NAMES = {
    "import": ["import", f"{LONG}.toml"],
    "export": ["export", f"{LONG}.toml"],
    "backup": ["backup", f"{LONG}.db"],
    "restore": ["restore", f"{LONG}.db"],
    "report": ["report", "-o", f"{LONG}.md"],
    "catalogue": ["whatif", "--year", "2565", "--catalogue", f"{LONG}.toml"],
}


@pytest.mark.parametrize("case", sorted(LONG_NAMES))
def test_a_file_name_longer_than_the_system_allows(run, sample_db, tmp_path, monkeypatch, case):
    monkeypatch.chdir(tmp_path)
    before = dump(sample_db)
    result = run("--db", str(sample_db), *LONG_NAMES[case])
    assert result.code == 2, result.out
    assert "Traceback" not in result.err and result.err.strip()
    assert dump(sample_db) == before


def test_a_database_name_longer_than_the_system_allows(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in (["measures"], ["init"]):
        result = run("--db", f"{LONG}.db", *command)
        assert result.code == 2 and "Traceback" not in result.err
        assert "ยาวเกิน" in result.err


def _isolated(tmp_path, *args):
    """Run ita-tui in a process of its own, held to a minute and 1 GB: reading a pipe nobody
    writes to would wait for ever, and reading /dev/zero would fill the memory."""

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    return subprocess.run(
        [sys.executable, "-m", "ita_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limits,
        env={**os.environ, "ITA_TUI_SETTINGS": str(tmp_path / "settings.toml")},
    )


def test_import_from_a_pipe_is_refused_at_once(sample_db, tmp_path):
    pipe = tmp_path / "plan.toml"
    os.mkfifo(pipe)
    before = dump(sample_db)
    result = _isolated(tmp_path, "--db", str(sample_db), "import", str(pipe))
    assert result.returncode == 2
    assert "ไม่ใช่ไฟล์ปกติ" in result.stderr
    assert dump(sample_db) == before


@pytest.mark.parametrize(
    "args",
    [
        ["import", "/dev/null"],
        ["import", "/dev/zero"],
        ["whatif", "--year", "2565", "--catalogue", "/dev/zero"],
        ["restore", "/dev/zero"],
    ],
    ids=lambda args: " ".join(args),
)
def test_a_device_is_not_a_file(sample_db, tmp_path, args):
    before = dump(sample_db)
    result = _isolated(tmp_path, "--db", str(sample_db), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "ไม่ใช่ไฟล์ปกติ" in result.stderr or "ไม่พบไฟล์" in result.stderr
    assert dump(sample_db) == before


def test_a_device_is_not_a_database(tmp_path):
    result = _isolated(tmp_path, "--db", "/dev/zero", "measures")
    assert result.returncode == 2 and "ไม่ใช่ไฟล์ปกติ" in result.stderr


def test_a_finding_named_twice_by_a_measure(run, sample_db, tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(
        HEADER
        + '[[units]]\nname = "กองคลัง"\n'
        + '[[findings]]\nid = 1\nassessment_year = 2565\nindicator = 9\nkind = "weakness"\ntext = "ก"\n'
        + '[[measures]]\nfiscal_year = 2566\ntitle = "ม"\nunits = ["กองคลัง"]\nfindings = [1, 1]\n',
        "utf-8",
    )
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    assert "measures[0].findings[1]" in result.err and "UNIQUE" not in result.err
    assert dump(sample_db) == before


def test_a_database_damaged_after_its_schema_ends_in_a_message(run, sample_db):
    import sqlite3

    with sqlite3.connect(sample_db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name IN ('measures', 'measure_units', 'journal')"
            )
        ]
    data = bytearray(sample_db.read_bytes())
    # The schema stays readable, so the file opens; the measures' own pages are scribbled over.
    for page in pages:
        start = (page - 1) * page_size
        data[start : start + page_size] = b"\xa5" * page_size
    sample_db.write_bytes(bytes(data))
    for command in (["measures"], ["overdue"], ["verify"], ["export", "-"]):
        result = run("--db", str(sample_db), *command)
        assert result.code in (1, 2), command
        assert "Traceback" not in result.err and result.err.strip(), command


def test_a_backup_onto_the_database_itself_is_refused(run, sample_db):
    before = sample_db.stat().st_ino
    result = run("--db", str(sample_db), "backup", str(sample_db))
    assert result.code == 2 and "เขียนทับไม่ได้" in result.err
    assert sample_db.stat().st_ino == before

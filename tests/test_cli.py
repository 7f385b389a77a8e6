"""Every command as a user types it, and every mistake a user can make."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import dump

SEED_2565 = ["100", "99.63", "99.91", "99.66", "99.65", "95.28", "96.13", "95.53", "72.43", "37.50"]
SEED_2564_THAI = [
    "๙๒.๖๒",
    "๘๐.๒๙",
    "๘๗.๙๕",
    "๘๑.๙๓",
    "๘๓.๔๘",
    "๙๖.๖๑",
    "๙๖.๗๒",
    "๙๔.๕๙",
    "๘๔.๖๔",
    "๓๗.๕๐",
]


def overdue_json(run, db, as_of):
    result = run("--db", str(db), "overdue", "--as-of", as_of, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.mark.parametrize("as_of", ["2023-04-03", "๓ เม.ย. ๖๖", "2566-04-03", "3/4/2566"])
def test_overdue_on_the_sample_lists_exactly_two(run, sample_db, as_of):
    rows = overdue_json(run, sample_db, as_of)
    assert [(r["id"], r["end"], r["days_overdue"]) for r in rows] == [
        (2, "2023-03-31", 3),
        (11, "2022-09-30", 185),
    ]
    assert rows[0]["title"].endswith("(รอบ ๖ เดือน)")
    assert rows[0]["units"] == ["กองยุทธศาสตร์และงบประมาณ"]
    assert rows[1]["units"] == ["งานนิติการ"]


def test_overdue_text_is_grouped_by_unit_with_thai_dates(run, sample_db):
    result = run("--db", str(sample_db), "overdue", "--as-of", "2023-04-03")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "มาตรการที่เกินกำหนด ณ ๓ เม.ย. ๒๕๖๖: ๒ รายการ"
    assert lines.index("กองยุทธศาสตร์และงบประมาณ") < lines.index("งานนิติการ")
    assert "ครบกำหนด ๓๑ มี.ค. ๒๕๖๖" in result.out
    assert "เกินกำหนด ๑๘๕ วัน" in result.out


def test_overdue_in_english_with_arabic_digits(run, sample_db):
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "overdue",
        "--as-of",
        "2023-04-03",
    )
    assert "Measures overdue as of 3 Apr 2566: 2" in result.out
    assert "185 days overdue" in result.out


def test_overdue_for_one_division(run, sample_db):
    result = run(
        "--db",
        str(sample_db),
        "overdue",
        "--as-of",
        "2023-04-03",
        "--division",
        "งานนิติการ สำนักปลัดฯ",
        "--json",
    )
    assert [r["id"] for r in json.loads(result.out)] == [11]


def test_overdue_moves_with_the_as_of_date(run, sample_db):
    assert [r["id"] for r in overdue_json(run, sample_db, "2023-03-31")] == [11]
    later = overdue_json(run, sample_db, "2023-10-01")
    assert sorted(r["id"] for r in later) == [1, 2, 5, 6, 7, 8, 9, 10, 11]


def test_score_prints_80_61_and_b(run):
    result = run("score", "--year", "2565", *SEED_2565)
    assert result.code == 0
    assert "๘๐.๖๑" in result.out and "ระดับ B" in result.out and "ไม่ผ่าน" in result.out
    payload = json.loads(run("score", "--year", "2565", *SEED_2565, "--json").out)
    assert payload["overall"] == 80.61
    assert payload["grade"] == "B"
    assert payload["passed"] is False
    assert (payload["iit"], payload["eit"], payload["oit"]) == (99.77, 95.65, 54.97)


def test_score_in_thai_digits_gives_78_80(run):
    payload = json.loads(run("score", "--year", "๒๕๖๔", *SEED_2564_THAI, "--json").out)
    assert payload["overall"] == 78.80


def test_score_from_2566_gives_a_rating(run):
    payload = json.loads(run("score", "--year", "2566", *["90"] * 10, "--json").out)
    assert payload["rating"] == "ผ่านดี"
    assert "grade" not in payload
    assert payload["passed"] is True


def test_measures_json(run, sample_db):
    rows = json.loads(run("--db", str(sample_db), "measures", "--json").out)
    assert len(rows) == 11
    assert {"id", "title", "units", "status", "percent"} <= set(rows[0])
    legal = json.loads(run("--db", str(sample_db), "measures", "--division", "นิติการ", "--json").out)
    assert [r["id"] for r in legal] == [8, 9, 10, 11]
    dropped = json.loads(run("--db", str(sample_db), "measures", "--status", "ยกเลิก", "--json").out)
    assert [r["id"] for r in dropped] == [3, 4]


def test_measures_text_shows_thai_status_and_period(run, sample_db):
    out = run("--db", str(sample_db), "measures", "--as-of", "2023-04-03").out
    assert "#๒  [ยังไม่เริ่ม ๐%]  ๑ ต.ค. ๒๕๖๕ – ๓๑ มี.ค. ๒๕๖๖  กองยุทธศาสตร์และงบประมาณ" in out
    assert "⚑" in out


def test_log_progress_then_see_it(run, sample_db):
    result = run(
        "--db",
        str(sample_db),
        "log",
        "๒",
        "--percent",
        "๔๐",
        "--note",
        "ร่างรายงาน\u200bแล้ว",
        "--date",
        "1 เม.ย. 66",
        "--by",
        "สมศรี",
    )
    assert result.code == 0, result.err
    rows = json.loads(run("--db", str(sample_db), "measures", "--json").out)
    measure = next(r for r in rows if r["id"] == 2)
    assert (measure["percent"], measure["status"]) == (40, "in_progress")
    import sqlite3

    with sqlite3.connect(sample_db) as connection:
        entry = connection.execute(
            "SELECT entry_date, percent, note, recorded_by FROM progress"
        ).fetchone()
    assert entry == ("2023-04-01", 40, "ร่างรายงานแล้ว", "สมศรี")


def test_init_then_locate(run, tmp_path):
    target = tmp_path / "fresh.db"
    assert run("--db", str(target), "init").code == 0
    assert target.exists()
    assert str(target) in run("--db", str(target), "locate").out
    assert "settings.toml" in run("--db", str(target), "locate").out


def test_default_database_is_created_in_the_user_data_directory(run, tmp_path):
    result = run("init", "--sample")
    assert result.code == 0, result.err
    location = run("locate").out.splitlines()[0]
    assert str(tmp_path / "data") in location
    assert len(json.loads(run("measures", "--json").out)) == 11


def test_environment_variable_chooses_the_database(run, sample_db, monkeypatch):
    monkeypatch.setenv("ITA_TUI_DB", str(sample_db))
    assert len(json.loads(run("measures", "--json").out)) == 11


def test_export_import_round_trip(run, sample_db, tmp_path):
    run(
        "--db",
        str(sample_db),
        "log",
        "2",
        "--percent",
        "40",
        "--date",
        "2023-04-01",
        "--evidence",
        "https://example.go.th/r6",
    )
    first = tmp_path / "first.toml"
    assert run("--db", str(sample_db), "export", str(first), "--as-of", "2023-04-03").code == 0
    other = tmp_path / "other.db"
    assert run("--db", str(other), "import", str(first)).code == 0
    again = run("--db", str(other), "export", "-", "--as-of", "2023-04-03").out

    def without_generated_at(text):
        # generated_at and the journal's chain head describe the file, not the plan.
        return [
            line
            for line in text.splitlines()
            if not line.startswith(("generated_at", "journal_head", "journal_entry"))
        ]

    assert without_generated_at(first.read_text("utf-8")) == without_generated_at(again)
    assert "days_overdue = 185" in again


BAD_INPUTS = [
    (["log", "2", "--percent", "120"], "ร้อยละ 120"),
    (["log", "2", "--percent", "abc"], "ไม่ใช่ร้อยละ"),
    (["log", "2", "--percent", "-5"], "ไม่ใช่ร้อยละ"),
    (["log", "99", "--percent", "10"], "ไม่มีมาตรการหมายเลข 99"),
    (["log", "two", "--percent", "10"], "ไม่ใช่หมายเลขมาตรการ"),
    (["log", "3", "--percent", "10"], "ถูกยกเลิกแล้ว"),
    (["log", "2", "--percent", "10", "--date", "31/02/2566"], "ไม่มีวันนี้ในปฏิทิน"),
    (["log", "2", "--percent", "10", "--date", "next week"], "ไม่ใช่วันที่"),
    (["log", "2", "--percent", "10", "--date", "2099-01-01"], "ยังมาไม่ถึง"),
    (["log", "2"], "--percent"),
    (["overdue", "--as-of", "32 มี.ค. 66"], "ไม่มีวันนี้"),
    (["overdue", "--division", "กองช่าง"], "ไม่มีหน่วยงาน/กอง “กองช่าง”"),
    (["overdue", "--division", "กอง"], "ตรงกับหลายกอง"),
    (["measures", "--status", "late"], "ไม่รู้จักสถานะ"),
    (["score", "--year", "2565", "100"], "10 ตัวชี้วัด"),
    (["score", "--year", "2565", *["abc"] * 10], "ไม่ใช่คะแนน"),
    (["score", "--year", "2565", *["101"] * 10], "ระหว่าง 0 ถึง 100"),
    (["score", "--year", "2022", *["90"] * 10], "ค.ศ."),
    (["score", "--year", "2540", *["90"] * 10], "ยังไม่มีเกณฑ์"),
    (["import", "missing.toml"], "ไม่พบไฟล์"),
    (["--agency", "อบต.ไม่มี", "measures"], "ไม่มีหน่วยงาน “อบต.ไม่มี”"),
    (["init", "--sample"], "มีแผนของ เทศบาลตำบลมวกเหล็ก อยู่แล้ว"),
    (["--bogus"], "คำสั่งไม่ถูกต้อง"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS)
def test_bad_input_is_one_clear_message_and_changes_nothing(run, sample_db, args, message):
    before = dump(sample_db)
    result = run("--db", str(sample_db), *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before


def test_bad_input_in_english(run, sample_db):
    result = run("--db", str(sample_db), "--lang", "en", "log", "2", "--percent", "120")
    assert result.code == 2
    assert result.err.strip() == "120 percent is not possible; it must be between 0 and 100"


BAD_FILES = [
    (
        "half.toml",
        'format = "ita-tui-snapshot"\nversion = 1\n[agency]\nname = "เทศบาล',
        "ไม่ใช่ TOML",
    ),
    (
        "other.toml",
        'format = "something"\nversion = 1\n[agency]\nname = "x"\n',
        "ไม่ใช่ไฟล์ของ ita-tui",
    ),
    ("latin1.toml", None, "UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_files_leave_the_database_as_it_was(run, sample_db, tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        path.write_bytes("name = 'เทศบาล'".encode("cp874"))
    else:
        path.write_text(content, "utf-8")
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    assert message in result.err
    assert dump(sample_db) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(run, tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("meeting notes, not a database\n")
    result = run("--db", str(path), "measures")
    assert result.code == 2
    assert "ไม่ใช่ไฟล์ฐานข้อมูล SQLite" in result.err
    assert path.read_text() == "meeting notes, not a database\n"


def test_another_programs_database_is_refused_untouched(run, tmp_path):
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = dump(path)
    result = run("--db", str(path), "init")
    assert result.code == 2
    assert "ของโปรแกรมอื่น" in result.err
    assert dump(path) == before


def test_missing_database_and_missing_folder(run, tmp_path):
    result = run("--db", str(tmp_path / "none.db"), "measures")
    assert result.code == 2 and "ita-tui --db" in result.err and "init" in result.err
    assert not (tmp_path / "none.db").exists()
    result = run("--db", str(tmp_path / "no" / "such" / "x.db"), "init")
    assert result.code == 2 and "ไม่มีโฟลเดอร์" in result.err


def as_another_user(*command: str) -> list[str]:
    """Root writes through permissions, so the read-only case runs as `nobody` when we are root."""
    if os.geteuid() != 0:
        return list(command)
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]


def test_read_only_database(tmp_path_factory):
    import shutil
    import tempfile

    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop privileges")
    folder = Path(tempfile.mkdtemp(prefix="ita-ro-"))
    try:
        folder.chmod(0o755)
        database = folder / "plan.db"
        main_args = [sys.executable, "-m", "ita_tui", "--db", str(database)]
        subprocess.run([*main_args, "init", "--sample"], check=True, capture_output=True)
        database.chmod(0o444)
        folder.chmod(0o555)
        probe = subprocess.run(
            as_another_user(sys.executable, "-c", "import ita_tui"), capture_output=True
        )
        if probe.returncode != 0:
            pytest.skip("the test environment is not readable by an unprivileged user")
        before = database.read_bytes()
        environment = {**os.environ, "ITA_TUI_SETTINGS": str(folder / "none.toml")}
        done = subprocess.run(
            as_another_user(*main_args, "log", "2", "--percent", "10", "--date", "2023-01-01"),
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        assert done.returncode == 1  # the system refused the write: not the user's mistake
        assert "อ่านอย่างเดียว" in done.stderr and "Traceback" not in done.stderr
        assert database.read_bytes() == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_export_into_a_missing_folder_says_so(run, sample_db, tmp_path):
    result = run("--db", str(sample_db), "export", str(tmp_path / "nope" / "s.toml"))
    assert result.code == 2 and "ไม่มีโฟลเดอร์" in result.err


def test_the_installed_command_and_python_dash_m(sample_db):
    installed_script = str(Path(sys.executable).parent / "ita-tui")
    for command in ([installed_script], [sys.executable, "-m", "ita_tui"]):
        done = subprocess.run(
            [*command, "--db", str(sample_db), "overdue", "--as-of", "2023-04-03", "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert [r["id"] for r in json.loads(done.stdout)] == [2, 11]


def test_demo_opens_a_temporary_copy_and_leaves_the_users_database_alone(
    run, monkeypatch, tmp_path
):
    import ita_tui.app
    from ita_tui.db import queries

    seen = {}

    def fake_run_app(db, context, *, as_of=None, sample=False, persist_settings=True):
        seen["path"] = db.execute("PRAGMA database_list").fetchone()[2]
        seen["measures"] = len(queries.measures(db, queries.agency(db).id, as_of))
        seen["as_of"], seen["sample"] = as_of, sample
        seen["persist_settings"] = persist_settings

    monkeypatch.setattr(ita_tui.app, "run_app", fake_run_app)
    user_db = tmp_path / "mine.db"
    assert run("--db", str(user_db), "init").code == 0
    before = dump(user_db)
    assert run("--db", str(user_db), "demo").code == 0
    assert seen["measures"] == 11 and seen["sample"] is True
    # Switching language in a demo leaves the user's own settings file alone.
    assert seen["persist_settings"] is False
    assert str(seen["as_of"]) == "2023-04-03"
    assert str(tmp_path) not in seen["path"]
    assert not Path(seen["path"]).exists()
    assert dump(user_db) == before


@pytest.mark.parametrize(
    "command", [["measures"], ["overdue"], ["export", "-"], ["report", "-o", "-"]]
)
def test_every_as_of_option_reads_a_date_the_same_way(run, sample_db, command):
    assert run("--db", str(sample_db), *command, "--as-of", "๓ เม.ย. ๖๖").code == 0
    result = run("--db", str(sample_db), *command, "--as-of", "31/2/2566")
    assert result.code == 2 and "ไม่มีวันนี้ในปฏิทิน" in result.err
    empty = run("--db", str(sample_db), "--lang", "en", *command, "--as-of", "")
    assert empty.code == 2 and "is not a date I can read" in empty.err


@pytest.mark.parametrize("items_per_write", [1, 2, 2000])
def test_overdue_json_is_one_array_however_its_items_are_written(
    run, sample_db, monkeypatch, items_per_write
):
    from ita_tui.cli import output

    monkeypatch.setattr(output, "_ITEMS_PER_WRITE", items_per_write)
    rows = overdue_json(run, sample_db, "2023-04-03")
    assert [r["id"] for r in rows] == [2, 11]
    assert overdue_json(run, sample_db, "2022-01-01") == []


@pytest.mark.parametrize(("era", "year"), [(None, "2566"), ("be", "2566"), ("ce", "2023")])
def test_english_dates_name_the_month_in_english_in_the_era_of_the_settings(
    sample_db, run, tmp_path, monkeypatch, era, year
):
    settings = tmp_path / "settings.toml"
    settings.write_text(f'era = "{era}"\n' if era else "", encoding="utf-8")
    monkeypatch.setenv("ITA_TUI_SETTINGS", str(settings))
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "--digits",
        "arabic",
        "overdue",
        "--as-of",
        "2023-04-03",
    )
    assert result.code == 0, result.err
    assert f"Mar {year}" in result.out
    assert not any(month in result.out for month in ("เม.ย.", "มี.ค.", "ม.ค."))


def test_a_bad_era_in_the_settings_is_named_and_the_default_kept(
    sample_db, run, tmp_path, monkeypatch
):
    settings = tmp_path / "settings.toml"
    settings.write_text('era = "gregorian"\n', encoding="utf-8")
    monkeypatch.setenv("ITA_TUI_SETTINGS", str(settings))
    result = run("--db", str(sample_db), "--lang", "en", "--digits", "arabic", "overdue")
    assert result.code == 0
    assert "era = 'gregorian' (be | ce)" in result.err

"""Every mistake a user can make, in a file, on the command line or in a form, ends in a clear
message and leaves the database byte for byte as it was (compared through iterdump)."""

from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input, Static

from ita_tui.screens.form import FormScreen
from tests.app_helpers import clear_and_type, sample_app
from tests.conftest import dump

HEADER = 'format = "ita-tui-snapshot"\nversion = 1\n[agency]\nname = "อบต.ทดสอบ"\n'
UNITS = '[[units]]\nname = "กองคลัง"\n'


def measure(**fields) -> str:
    body = {"fiscal_year": "2566", "title": '"มาตรการ"', "units": '["กองคลัง"]', **fields}
    return "[[measures]]\n" + "".join(f"{k} = {v}\n" for k, v in body.items())


TOML_CASES = [
    ("half-written file", HEADER[:60], "ไม่ใช่ TOML"),
    ("wrong format name", HEADER.replace("ita-tui-snapshot", "excel"), "ไม่ใช่ไฟล์ของ ita-tui"),
    ("newer version", HEADER.replace("version = 1", "version = 9"), "ไม่รองรับ"),
    ("no agency", 'format = "ita-tui-snapshot"\nversion = 1\n', "agency: ขาดคีย์ที่จำเป็น"),
    ("unknown key", HEADER + "colour = 1\n", "colour: ไม่รู้จักคีย์นี้"),
    (
        "impossible end date",
        HEADER + UNITS + measure(end='"31/02/2566"'),
        "measures[0].end: “31/02/2566” ไม่ใช่วันที่",
    ),
    ("unreadable period", HEADER + UNITS + measure(period='"เมื่อมีงบประมาณ"'), "measures[0].period"),
    (
        "unknown unit",
        HEADER + UNITS + measure(units='["กองช่าง"]'),
        "measures[0].units[0]: ไม่มีกอง/งาน “กองช่าง”",
    ),
    (
        "percent 120",
        HEADER + UNITS + measure(progress="[{ date = 2023-01-01, percent = 120 }]"),
        "measures[0].progress[0].percent: 120 ต้องอยู่ระหว่าง 0 ถึง 100",
    ),
    (
        "percent as text",
        HEADER + UNITS + measure(progress='[{ date = 2023-01-01, percent = "abc" }]'),
        "ต้องเป็นจำนวนเต็ม",
    ),
    ("dropped without reason", HEADER + UNITS + measure(status='"dropped"'), "drop_reason"),
    ("unknown status", HEADER + UNITS + measure(status='"late"'), "measures[0].status"),
    (
        "score over 100",
        HEADER + "[[assessments]]\nyear = 2565\nscores = [101, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n",
        "assessments[0].scores[0]",
    ),
    (
        "nine scores",
        HEADER + "[[assessments]]\nyear = 2565\nscores = [1, 1, 1, 1, 1, 1, 1, 1, 1]\n",
        "10 ตัวชี้วัด",
    ),
    ("finding unknown", HEADER + UNITS + measure(findings="[7]"), "ไม่มีข้อค้นพบหมายเลข 7"),
    ("end in year 1", HEADER + UNITS + measure(end="0001-01-01"), "measures[0].end"),
    ("end in year 9999", HEADER + UNITS + measure(end="9999-12-31"), "นอกช่วง พ.ศ. 2400"),
    (
        "progress in B.E. 2300",
        HEADER + UNITS + measure(progress='[{ date = "1/1/2300", percent = 5 }]'),
        "measures[0].progress[0].date",
    ),
    (
        "recorded in year 9999",
        HEADER
        + UNITS
        + measure(
            progress="[{ date = 2023-01-01, percent = 5, recorded_at = 9999-01-01T00:00:00Z }]"
        ),
        "measures[0].progress[0].recorded_at",
    ),
    ("as of year 1", HEADER.replace("version = 1", "version = 1\nas_of = 0001-01-01"), "as_of:"),
    (
        "generated in the future",
        HEADER.replace("version = 1", "version = 1\ngenerated_at = 9999-12-31T00:00:00+07:00"),
        "generated_at",
    ),
    (
        "generated tomorrow",
        HEADER.replace("version = 1", "version = 1\ngenerated_at = TOMORROW"),
        "ยังมาไม่ถึง",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), TOML_CASES, ids=[c[0] for c in TOML_CASES])
def test_bad_toml_files(run, sample_db, tmp_path, name, content, message):
    from datetime import datetime, timedelta

    path = tmp_path / "plan.toml"
    tomorrow = datetime.now(ZoneInfo("Asia/Bangkok")) + timedelta(days=1)
    path.write_text(content.replace("TOMORROW", tomorrow.isoformat(timespec="seconds")), "utf-8")
    before = dump(sample_db)
    result = run("--db", str(sample_db), "import", str(path))
    assert result.code == 2
    assert message in result.err
    assert str(path) in result.err
    assert dump(sample_db) == before


CLI_CASES = [
    (["log", "2", "--percent", "120"], "ร้อยละ 120 ใช้ไม่ได้"),
    (["log", "2", "--percent", "abc"], "ไม่ใช่ร้อยละ"),
    (["log", "2", "--percent", "10", "--date", "31/02/2566"], "ไม่มีวันนี้ในปฏิทิน"),
    (["log", "2", "--percent", "10", "--date", "พรุ่งนี้"], "ไม่ใช่วันที่"),
    (["log", "99", "--percent", "10"], "ไม่มีมาตรการหมายเลข 99"),
    (["log", "4", "--percent", "10"], "ถูกยกเลิกแล้ว"),
    (["log", "2", "--percent", "10", "--corrects", "77"], "ไม่มีบันทึกความก้าวหน้าหมายเลข 77"),
    (["overdue", "--division", "กองช่าง"], "ไม่มีหน่วยงาน/กอง"),
    (["export", "/no/such/folder/s.toml"], "ไม่มีโฟลเดอร์"),
    (["backup", "/no/such/folder/b.db"], "ไม่มีโฟลเดอร์"),
    (["restore", "/no/such/file.db"], "ไม่พบไฟล์"),
    (["decision", "close", "abc"], "ไม่ใช่หมายเลขมติ"),
    (["log", "²", "--percent", "10"], "ไม่ใช่หมายเลขมาตรการ"),
    (["log", "٣", "--percent", "10"], "ไม่ใช่หมายเลขมาตรการ"),
    (["log", "2", "--percent", "①"], "ไม่ใช่ร้อยละ"),
    (["log", "2", "--percent", "1_0"], "ไม่ใช่ร้อยละ"),
    (["log", "9" * 20, "--percent", "10"], "ไม่ใช่หมายเลขมาตรการ"),
    (["log", "9" * 5000, "--percent", "10"], "ไม่ใช่หมายเลขมาตรการ"),
    (["log", "2", "--percent", "10", "--corrects", "9" * 20], "ไม่ใช่หมายเลขบันทึก"),
    (["log", "2", "--percent", "10", "--date", ""], "ไม่ใช่วันที่"),
    (["log", "2", "--percent", "10", "--date", "1/1/2701"], "ปีไม่สมเหตุผล"),
    (["overdue", "--as-of", ""], "ไม่ใช่วันที่"),
    (["export", "-", "--as-of", "  "], "ไม่ใช่วันที่"),
    (["meeting", "add", "--date", ""], "ไม่ใช่วันที่"),
    (["decision", "close", "9" * 20], "ไม่ใช่หมายเลขมติ"),
    (["decision", "close", "1", "--date", ""], "ไม่ใช่วันที่"),
    (["score", "--year", "9" * 20, *["90"] * 10], "ไม่ใช่ปี"),
    (["score", "--year", "2800", *["90"] * 10], "นอกช่วง พ.ศ. 2400"),
    (["score", "--year", "2565", "٩٠", *["90"] * 9], "ไม่ใช่คะแนน"),
    (["whatif", "--year", "9" * 20], "ไม่ใช่ปี"),
    (["whatif", "--year", "1999"], "ดูเป็น ค.ศ."),
]


@pytest.mark.parametrize(
    ("args", "message"), CLI_CASES, ids=[" ".join(c[0])[:60] for c in CLI_CASES]
)
def test_bad_command_lines(run, sample_db, args, message):
    before = dump(sample_db)
    result = run("--db", str(sample_db), *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert dump(sample_db) == before


async def open_form(pilot, keys):
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


FORM_CASES = [
    (
        "progress percent 120",
        ["3", "down", "enter", "p"],
        "progress-percent",
        "120",
        "ร้อยละ 120 ใช้ไม่ได้",
    ),
    ("progress percent abc", ["3", "down", "enter", "p"], "progress-percent", "abc", "ไม่ใช่ร้อยละ"),
    ("progress date 31 Feb", ["3", "down", "enter", "p"], "progress-date", "31/2/2566", "ไม่มีวันนี้"),
    (
        "progress date in the future",
        ["3", "down", "enter", "p"],
        "progress-date",
        "1/1/2600",
        "ยังมาไม่ถึง",
    ),
    ("as-of date", ["d"], "as-of-date", "tomorrow", "ไม่ใช่วันที่"),
    ("measure period", ["3", "a"], "measure-period", "always", "ไม่ใช่ระยะเวลา"),
    ("assessment score", ["5"], None, None, None),
]


@pytest.mark.parametrize(
    ("name", "keys", "field", "text", "message"),
    FORM_CASES[:-1],
    ids=[c[0] for c in FORM_CASES[:-1]],
)
async def test_bad_form_fields(tmp_path, name, keys, field, text, message):
    app = sample_app(tmp_path)
    path = tmp_path / "app.db"
    async with app.run_test(size=(120, 35)) as pilot:
        before = dump(path)
        await open_form(pilot, keys)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one(f"#{field}", Input).focus()
        await pilot.pause()
        await clear_and_type(pilot, text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert message in str(app.screen.query_one(f"#{field}-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert dump(path) == before


async def test_bad_score_in_the_assessment_form(tmp_path):
    from textual.widgets import DataTable

    app = sample_app(tmp_path)
    path = tmp_path / "app.db"
    async with app.run_test(size=(120, 35)) as pilot:
        before = dump(path)
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#plan-tabs").active = "tab-assessments"
        await pilot.pause()
        app.screen.query_one("#assessments-table", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#score-3", Input).focus()
        await clear_and_type(pilot, "105")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ต้องอยู่ระหว่าง 0 ถึง 100" in str(
            app.screen.query_one("#score-3-error", Static).render()
        )
        assert "ไม่ใช่คะแนน" in str(app.screen.query_one("#score-1-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert dump(path) == before


def test_the_table_has_at_least_thirty_cases():
    assert len(TOML_CASES) + len(CLI_CASES) + len(FORM_CASES) >= 30

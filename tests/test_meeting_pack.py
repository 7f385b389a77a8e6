"""The monthly meeting: review as of a date, meetings and decisions, the pack, the what-if."""

import json
import shutil
import subprocess
from datetime import date

import pytest

from ita_tui.core.follow_up import expected_percent
from ita_tui.core.thai_calendar import last_day_of_previous_month
from ita_tui.db import open_database, queries, writes
from ita_tui.db.review import review
from ita_tui.documents import snapshot
from tests.conftest import dump

FAILED_2565 = "o11,o12,o18,o19,o20,o26,o28,o33,o35,o38,o42,o43"


def test_whatif_reproduces_the_published_oit_scores(run, sample_db):
    result = run(
        "--db", str(sample_db), "whatif", "--year", "2565", "--failed", FAILED_2565, "--json"
    )
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["indicators"] == {"9": 72.43, "10": 37.5}
    assert payload["overall"] == 80.61
    assert payload["grade"] == "B" and payload["passed"] is False
    assert payload["fewest_to_target"] == ["o42"]


def test_whatif_with_o42_passed_reaches_85_61(run, sample_db):
    payload = json.loads(
        run(
            "--db",
            str(sample_db),
            "whatif",
            "--year",
            "2565",
            "--failed",
            FAILED_2565,
            "--pass",
            "o42",
            "--json",
        ).out
    )
    assert payload["overall"] == 85.61 and payload["passed"] is True
    assert payload["indicators"]["10"] == 62.5
    assert payload["fewest_to_target"] == []


def test_whatif_takes_failed_items_from_the_findings_by_default(run, sample_db):
    payload = json.loads(
        run("--db", str(sample_db), "whatif", "--year", "๒๕๖๕", "--target", "95", "--json").out
    )
    assert payload["failed"] == FAILED_2565.split(",")
    assert payload["fewest_to_target"] == ["o42", "o43", "o35", "o38", "o26", "o28"]
    assert payload["item_worth"]["o42"] == 5.0 and payload["item_worth"]["o11"] == 0.5


def test_whatif_text_lists_what_each_item_is_worth(run, sample_db):
    out = run("--db", str(sample_db), "--digits", "arabic", "whatif", "--year", "2565").out
    assert "72.43" in out and "37.50" in out and "80.61" in out
    assert "o42 (+5.00)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["whatif", "--year", "2565", "--failed", "o99"], "ไม่มีข้อ OIT “o99”"),
        (["whatif", "--year", "2565", "--failed", "o11", "--pass", "o12"], "ไม่ได้อยู่ในข้อที่ไม่ผ่าน"),
        (["whatif", "--year", "2567"], "ยังไม่มีรายการข้อ OIT ของปี 2567"),
        (["whatif", "--year", "2563", "--failed", "o1"], "ยังไม่มีผลการประเมินปี 2563"),
        (["report", "--as-of", "soon", "-o", "x.md"], "ไม่ใช่วันที่"),
        (["decision", "add", "--text", "ทำรายงาน"], "ยังไม่มีการประชุม"),
        (["decision", "close", "7"], "ไม่มีมติหมายเลข 7"),
        (["meeting", "add", "--date", "30/02/2566"], "ไม่มีวันนี้"),
    ],
)
def test_bad_input_changes_nothing(run, sample_db, args, message):
    before = dump(sample_db)
    result = run("--db", str(sample_db), *args)
    assert result.code == 2
    assert message in result.err
    assert dump(sample_db) == before


def test_a_catalogue_for_another_year_can_be_given(run, sample_db, tmp_path):
    db = open_database(sample_db)
    writes.save_assessment(db, 1, 2566, [95] * 8 + [80, 50])
    db.close()
    catalogue = tmp_path / "oit2566.toml"
    catalogue.write_text(
        """[[catalogues]]
first_year = 2566
last_year = 2566
source = "test"
items = [
  { code = "o1", sub_indicator = "9.1", name = "ก" },
  { code = "o2", sub_indicator = "9.1", name = "ข" },
  { code = "o3", sub_indicator = "10.1", name = "ค" },
  { code = "o4", sub_indicator = "10.1", name = "ง" },
]
""",
        "utf-8",
    )
    payload = json.loads(
        run(
            "--db",
            str(sample_db),
            "whatif",
            "--year",
            "2566",
            "--failed",
            "o2,o3,o4",
            "--catalogue",
            str(catalogue),
            "--json",
        ).out
    )
    assert payload["indicators"] == {"9": 50.0, "10": 0.0}
    assert "rating" in payload


@pytest.fixture
def db():
    database = open_database(":memory:")
    snapshot.import_plan(database, snapshot.sample_plan(), "test")
    return database


def test_review_as_of_the_demo_date(db):
    pack = review(db, 1, date(2023, 4, 3))
    by_unit = {u.unit: u for u in pack.units}
    assert [m.id for m in by_unit["กองยุทธศาสตร์และงบประมาณ"].overdue] == [2]
    assert [m.id for m in by_unit["งานนิติการ"].overdue] == [11]
    assert by_unit["งานนิติการ"].overdue[0].days_overdue == 185
    assert [m.id for m in by_unit["งานการเจ้าหน้าที่"].behind] == [5, 6]
    assert pack.since == date(2023, 3, 3)


def test_behind_schedule_uses_the_share_of_the_period_passed(db):
    assert expected_percent(date(2022, 10, 1), date(2023, 9, 30), date(2023, 4, 1)) == 50
    assert expected_percent(date(2022, 10, 1), date(2023, 9, 30), date(2022, 9, 1)) == 0
    writes.log_progress(db, 5, date(2023, 3, 20), 40, "สมศรี", date(2023, 4, 3))
    by_unit = {u.unit: u for u in review(db, 1, date(2023, 4, 3)).units}
    assert [m.id for m in by_unit["งานการเจ้าหน้าที่"].behind] == [6]


def test_meetings_decisions_and_what_changed_since(db):
    first = writes.add_meeting(
        db, 1, date(2023, 3, 1), "ประธาน", "ผู้บริหารและหัวหน้ากอง", "ติดตามรอบ ๖ เดือน"
    )
    unit = queries.find_unit(db, 1, "กองยุทธศาสตร์").id
    decided = writes.add_decision(
        db,
        1,
        first,
        "เร่งจัดทำรายงานรอบ ๖ เดือน",
        measure_id=2,
        unit_id=unit,
        due_on=date(2023, 4, 10),
    )
    closed = writes.add_decision(db, 1, first, "แจ้งเวียนผลการวิเคราะห์", due_on=date(2023, 3, 15))
    writes.close_decision(db, closed, date(2023, 3, 14))
    writes.log_progress(db, 2, date(2023, 3, 20), 60, "สมชาย", date(2023, 4, 3), note="ร่างรายงาน")
    writes.log_progress(db, 9, date(2023, 2, 20), 10, "สมชาย", date(2023, 4, 3))
    writes.set_status(db, 10, "done", changed_on=date(2023, 3, 25))
    pack = review(db, 1, date(2023, 4, 3))
    assert pack.since == date(2023, 3, 1)
    assert [d.id for d in pack.open_decisions] == [decided]
    assert [(p.measure_id, p.entry.percent) for p in pack.progress] == [(2, 60)]
    by_unit = {u.unit: u for u in pack.units}
    legal = by_unit["งานนิติการ"]
    assert [m.id for m in legal.done_since] == [10]
    assert 9 in [m.id for m in legal.stale]
    assert [m.id for m in by_unit["กองยุทธศาสตร์และงบประมาณ"].stale] == [1, 7]
    later = review(db, 1, date(2023, 5, 31))
    assert later.since == date(2023, 3, 1)
    writes.add_meeting(db, 1, date(2023, 5, 2), "ประธาน")
    assert review(db, 1, date(2023, 5, 31)).since == date(2023, 5, 2)
    assert [d.id for d in review(db, 1, date(2023, 5, 31)).open_decisions] == [decided]


def test_default_as_of_is_the_end_of_last_month():
    assert last_day_of_previous_month(date(2023, 4, 3)) == date(2023, 3, 31)
    assert last_day_of_previous_month(date(2024, 3, 15)) == date(2024, 2, 29)
    assert last_day_of_previous_month(date(2023, 1, 1)) == date(2022, 12, 31)


def test_the_pack_lists_the_overdue_measures_by_unit(run, sample_db, tmp_path):
    for fmt in ("md", "html"):
        target = tmp_path / f"pack.{fmt}"
        result = run(
            "--db",
            str(sample_db),
            "report",
            "--as-of",
            "2023-04-03",
            "--format",
            fmt,
            "-o",
            str(target),
        )
        assert result.code == 0, result.err
        text = target.read_text("utf-8")
        strategy = text.index("กองยุทธศาสตร์และงบประมาณ")
        legal = text.index("งานนิติการ")
        assert strategy < text.index("#๒", strategy) < legal
        assert "๑๘๕ วัน" in text[legal:]
        assert "เกินกำหนด" in text


def test_the_html_pack_is_one_self_contained_file(run, sample_db):
    html = run(
        "--db", str(sample_db), "report", "--as-of", "2023-04-03", "--format", "html", "-o", "-"
    ).out
    assert html.startswith("<!DOCTYPE html>")
    for section in ('id="assessment"', 'id="units"', 'id="decisions"', 'id="changes"', "<svg"):
        assert section in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html and "<link" not in html and "<script" not in html
    assert '"Sarabun"' in html and "sans-serif" in html
    assert "@page { size: A4" in html


def test_the_pack_in_english(run, sample_db):
    md = run(
        "--db", str(sample_db), "--lang", "en", "report", "--as-of", "2023-04-03", "-o", "-"
    ).out
    assert "## Open decisions" in md and "Overdue" in md


def test_meeting_and_decision_commands(run, sample_db):
    assert (
        run(
            "--db", str(sample_db), "meeting", "add", "--date", "1 มี.ค. 66", "--attendees", "ผู้บริหาร"
        ).code
        == 0
    )
    assert (
        run(
            "--db",
            str(sample_db),
            "decision",
            "add",
            "--text",
            "เร่งรายงาน",
            "--measure",
            "2",
            "--unit",
            "กองยุทธศาสตร์",
            "--due",
            "10 เม.ย. 66",
        ).code
        == 0
    )
    listed = run("--db", str(sample_db), "decision", "list", "--open").out
    assert "เร่งรายงาน" in listed and "#๒" in listed
    md = run("--db", str(sample_db), "report", "--as-of", "2023-04-03", "-o", "-").out
    assert "เร่งรายงาน" in md
    assert run("--db", str(sample_db), "decision", "close", "1", "--date", "2023-04-02").code == 0
    assert (
        "เร่งรายงาน"
        not in run("--db", str(sample_db), "report", "--as-of", "2023-04-03", "-o", "-").out
    )
    again = run("--db", str(sample_db), "decision", "close", "1")
    assert again.code == 2 and "ปิดไปแล้ว" in again.err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)")
def test_the_html_pack_renders_in_headless_chromium(run, sample_db, tmp_path):
    page = tmp_path / "pack.html"
    run(
        "--db",
        str(sample_db),
        "report",
        "--as-of",
        "2023-04-03",
        "--format",
        "html",
        "-o",
        str(page),
    )
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    for heading in ("ผลการประเมิน ITA", "กองยุทธศาสตร์และงบประมาณ", "งานนิติการ", "มติที่ยังไม่ปิด"):
        assert heading in dom
    shot = tmp_path / "pack.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=900,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000


def test_the_behind_schedule_gap_is_a_setting(run, sample_db, tmp_path):
    strict = run("--db", str(sample_db), "report", "--as-of", "2023-04-03", "-o", "-").out
    assert "ล่าช้ากว่าแผน" in strict
    (tmp_path / "settings.toml").write_text("behind_gap = 60\n", "utf-8")
    lenient = run("--db", str(sample_db), "report", "--as-of", "2023-04-03", "-o", "-").out
    assert "ล่าช้ากว่าแผน" not in lenient

"""The pass mark and the number of indicators come from the year's methodology everywhere, so
that a new year's rules in data/methodology.toml change what the screens, charts, reports and
checks say, with no number in the code."""

import copy
import json

import pytest

from ita_tui.core import scoring
from ita_tui.core.model import Assessment
from ita_tui.core.words import Words
from ita_tui.db import open_database, writes
from ita_tui.documents.report import score_chart


@pytest.fixture
def pass_mark_90_in_2569(monkeypatch):
    """The bundled rules, but 2569 passes at 90."""
    tables = copy.deepcopy(scoring._tables())
    for row in tables["methodologies"]:
        if row["first_year"] == 2569:
            row["pass_mark"] = 90
            for rating in row["ratings"]:
                if rating["min_overall"] == 85:
                    rating["min_overall"] = 90
    monkeypatch.setattr(scoring, "_tables", lambda: tables)
    scoring.methodology.cache_clear()
    scoring.methodologies.cache_clear()
    yield
    scoring.methodology.cache_clear()
    scoring.methodologies.cache_clear()


def test_score_says_the_years_pass_mark(run, pass_mark_90_in_2569):
    out = run("--digits", "arabic", "score", "--year", "2569", *["88"] * 10).out
    assert "ไม่ผ่านเกณฑ์ (ต่ำกว่า 90)" in out and "ไม่ผ่าน" in out
    assert "ผ่านเกณฑ์ (85 ขึ้นไป)" in run("--digits", "arabic", "score", "--year", "2568",
                                          *["88"] * 10).out  # fmt: skip


def test_whatif_aims_at_the_years_pass_mark_by_default(run, sample_db, pass_mark_90_in_2569):
    db = open_database(sample_db)
    writes.save_assessment(db, 1, 2569, [95] * 8 + [100, 60])
    db.close()
    args = ("--db", str(sample_db), "whatif", "--year", "2569", "--failed", "O25,O26", "--json")
    payload = json.loads(run(*args).out)
    assert payload["target"] == 90.0
    assert payload["overall"] == 92.0 and payload["passed"] is True


def test_the_report_chart_draws_the_years_pass_mark(pass_mark_90_in_2569):
    words = Words("th", "arabic")
    at_90 = score_chart(Assessment(2569, (50.0,) * 10), None, words)
    at_85 = score_chart(Assessment(2568, (50.0,) * 10), None, words)
    assert (at_90.pass_mark, at_90.pass_mark_said) == (90.0, "90")
    assert (at_85.pass_mark, at_85.pass_mark_said) == (85.0, "85")
    assert "90" in at_90.title and "85" in at_85.title


@pytest.mark.parametrize(("year", "marked", "unconfirmed"), [
    ("2565", False, None),
    # Ten indicators are read for 2568 only; for 2566-2567 they are inferred.
    ("2567", True, "จำนวนตัวชี้วัด, น้ำหนักคะแนน, เกณฑ์ผลการประเมิน"),
    ("2568", True, "น้ำหนักคะแนน, เกณฑ์ผลการประเมิน"),
    ("2569", True, "จำนวนตัวชี้วัด, น้ำหนักคะแนน, เกณฑ์ผ่าน, เกณฑ์ผลการประเมิน"),
    ("2570", True, "จำนวนตัวชี้วัด, น้ำหนักคะแนน, เกณฑ์ผ่าน, เกณฑ์ผลการประเมิน"),
])  # fmt: skip
def test_score_marks_what_rests_on_provisional_rules(run, year, marked, unconfirmed):
    out = run("score", "--year", year, *["90"] * 10).out
    assert ("(ยังไม่ยืนยัน)" in out) is marked
    if unconfirmed:
        assert f"ยังไม่ยืนยันจากคู่มือของ ป.ป.ช. ปีนี้: {unconfirmed}" in out
    payload = json.loads(run("score", "--year", year, *["90"] * 10, "--json").out)
    assert set(payload["rules"]) == {"indicators", "weights", "pass_mark", "rating_rule"}
    assert all(rule["source"] for rule in payload["rules"].values())
    assert payload["provisional"]["overall"] is marked


async def test_the_overview_shows_the_published_rating_beside_the_computed_one(tmp_path):
    from textual.widgets import Static

    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    # The SAO-like 2568 vector (EIT mean 85.93, indicator 8 at 81.78): ผ่านดี by the bundled
    # per-instrument rule; the NACC published ผ่าน.
    scores = [100] * 5 + [88, 88, 81.78] + [98.03] * 2
    writes.save_assessment(app.desk.db, 1, 2568, scores, 93.82, "ผ่าน")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        headline = str(app.screen.query_one("#score-line", Static).render())
        table = app.screen.query_one("#indicator-table")
        row_8 = [str(cell) for cell in table.get_row("8")]
    assert "การปรับปรุงระบบการทำงาน" in row_8[1]  # the 2568 result: indicator 8's later name
    assert "ผลการประเมิน ผ่านดี (ยังไม่ยืนยัน)" in headline
    assert "(ป.ป.ช. ประกาศ: ผ่าน)" in headline


def test_indicator_8_keeps_its_2565_name_and_takes_the_later_one_from_2566():
    assert scoring.indicators(2565)[7].name_th == "การปรับปรุงการทำงาน"
    assert scoring.indicators()[7].name_th == "การปรับปรุงการทำงาน"
    later = scoring.indicators(2568)[7]
    assert (later.name_th, later.name_en) == ("การปรับปรุงระบบการทำงาน", "System improvement")
    assert [i.name_th for i in scoring.indicators(2569)][:7] == [
        i.name_th for i in scoring.indicators(2565)
    ][:7]

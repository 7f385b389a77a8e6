"""A measure's budget (planned, spent) and a progress entry's problems and suggestions, as an
officer gives them: from the command line and the app's forms, in Thai or Arabic digits."""

import tomllib
from decimal import Decimal

import pytest
from textual.widgets import Input

from ita_tui.core.user_input import parse_baht
from ita_tui.screens.measure import MeasureScreen
from ita_tui.screens.measure_form import MeasureForm
from ita_tui.screens.progress_form import ProgressForm
from ita_tui.widgets.plain import DataTable, Static
from tests.app_helpers import clear_and_paste, clear_and_type, rows, sample_app
from tests.conftest import dump
from tests.hostile import ONE_LINE
from tests.refusals import expect_refusal
from tests.test_app_flows import open_measure


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("50000", Decimal(50000)),
        ("50,000", Decimal(50000)),
        ("๕๐,๐๐๐ บาท", Decimal(50000)),
        ("1,500.50 บาท", Decimal("1500.50")),
        ("฿ 20000", Decimal(20000)),
        ("ไม่ใช้งบประมาณ", Decimal(0)),
        ("0", Decimal(0)),
        ("-", Decimal(0)),
        ("ภจ", Decimal(40)),  # 40 typed with the keyboard left in the Thai layout
        ("", None),
        ("   ", None),
    ],
)
def test_amounts_are_read_as_officers_type_them(typed, amount):
    assert parse_baht(typed) == amount


@pytest.mark.parametrize("typed", ["ห้าหมื่น", "-500", "1.234", "1e20", "12abc", "NaN"])
def test_what_is_not_an_amount_is_refused_by_name(typed):
    with expect_refusal("budget.not_baht"):
        parse_baht(typed)


def _export(run, db, tmp_path) -> dict:
    path = tmp_path / "out.toml"
    assert run("--db", str(db), "export", str(path), "--as-of", "2023-04-03").code == 0
    return tomllib.loads(path.read_text("utf-8"))


def _measure(document: dict, measure_id: int) -> dict:
    return next(m for m in document["measures"] if m["id"] == measure_id)


def test_log_records_problems_suggestions_and_what_was_spent(run, sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    result = run(
        *db,
        *("log", "2", "--percent", "40", "--date", "2023-03-01"),
        *("--problems", "ขาดบุคลากร", "--suggestions", "จ้างเพิ่ม", "--spent", "๑๒,๕๐๐"),
    )
    assert result.code == 0, result.err
    measure = _measure(_export(run, sample_db, tmp_path), 2)
    assert measure["budget_used"] == 12500
    [entry] = measure["progress"]
    assert (entry["problems"], entry["suggestions"]) == ("ขาดบุคลากร", "จ้างเพิ่ม")


def test_budget_shows_and_records_the_planned_and_spent_amounts(run, sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    shown = run(*db, "budget", "3")
    assert shown.code == 0 and "งบประมาณ ไม่ได้ระบุ · ใช้ไปแล้ว ไม่ได้ระบุ" in shown.out
    result = run(*db, "budget", "3", "--planned", "50,000", "--spent", "1500.50")
    assert result.code == 0 and "งบประมาณ ๕๐,๐๐๐ บาท · ใช้ไปแล้ว ๑,๕๐๐.๕๐ บาท" in result.out
    assert run(*db, "budget", "4", "--planned", "ไม่ใช้งบประมาณ").code == 0
    english = run(*db, "--lang", "en", "--digits", "arabic", "budget", "4")
    assert "budget No budget · spent not stated" in english.out
    document = _export(run, sample_db, tmp_path)
    assert _measure(document, 3)["budget"] == 50000
    assert _measure(document, 3)["budget_used"] == Decimal("1500.50")
    assert _measure(document, 4)["budget"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("budget", "3", "--planned", "ห้าหมื่น"),
        ("budget", "3", "--spent", "-20"),
        ("log", "2", "--percent", "40", "--spent", "มาก"),
    ],
)
def test_a_wrong_amount_is_explained_and_nothing_changes(run, sample_db, args):
    before = dump(sample_db)
    result = run("--db", str(sample_db), *args)
    assert result.code == 2 and "ไม่ใช่จำนวนเงิน (บาท)" in result.err
    assert dump(sample_db) == before


@pytest.mark.parametrize("case", ONE_LINE, ids=lambda c: c.name)
def test_problems_and_suggestions_are_kept_as_typed(run, sample_db, tmp_path, case):
    db = ["--db", str(sample_db)]
    log = ("log", "2", "--percent", "10", "--date", "2023-03-01")
    assert run(*db, *log, "--problems", case.text, "--suggestions", case.text).code == 0
    [entry] = _measure(_export(run, sample_db, tmp_path), 2)["progress"]
    assert entry["problems"] == entry["suggestions"] == case.expected.strip()


SIZE = (140, 40)


async def test_the_progress_form_takes_problems_suggestions_and_spending(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProgressForm)
        await clear_and_type(pilot, "๔๐")
        form.query_one("#progress-problems", Input).focus()
        await clear_and_paste(pilot, "ขาดบุคลากร")
        form.query_one("#progress-suggestions", Input).focus()
        await clear_and_paste(pilot, "จ้างเพิ่ม")
        form.query_one("#progress-spent", Input).focus()
        await clear_and_paste(pilot, "๑๒,๕๐๐ บาท")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        log = app.screen.query_one("#progress-log", DataTable)
        assert "ปัญหาอุปสรรค: ขาดบุคลากร · ข้อเสนอแนะ: จ้างเพิ่ม" in str(log.get_row_at(0)[2])
        facts = str(app.screen.query_one("#measure-facts", Static).render())
        assert "ไม่ได้ระบุ · ใช้ไปแล้ว ๑๒,๕๐๐ บาท" in facts
    assert rows(app, "SELECT percent, problems, suggestions FROM progress") == [
        (40, "ขาดบุคลากร", "จ้างเพิ่ม")
    ]
    assert rows(app, "SELECT budget_used FROM measures WHERE id = 2") == [("12500",)]


async def test_a_wrong_amount_in_a_form_names_its_field_and_saves_nothing(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        form.query_one("#progress-spent", Input).focus()
        await clear_and_paste(pilot, "ห้าพัน")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        error = str(app.screen.query_one("#progress-spent-error", Static).render())
        assert "ไม่ใช่จำนวนเงิน" in error
    assert rows(app, "SELECT count(*) FROM progress") == [(0,)]


async def test_the_measure_form_keeps_the_planned_budget(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 3)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeasureForm)
        form.query_one("#measure-budget", Input).focus()
        await clear_and_paste(pilot, "ไม่ใช้งบประมาณ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
    assert rows(app, "SELECT budget FROM measures WHERE id = 3") == [("0",)]


async def test_problems_that_look_like_markup_show_as_typed_on_the_measure(tmp_path):
    from datetime import date

    from ita_tui.db import writes

    markup = "[bold red]ด่วน[/] [@click=app.quit]ปิด[/]"
    app = sample_app(tmp_path)
    writes.log_progress(
        app.desk.db, 2, date(2023, 3, 1), 10, "สมศรี", date(2023, 4, 3), problems=markup
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        log = app.screen.query_one("#progress-log", DataTable)
        assert str(log.get_row_at(0)[2]) == f"ปัญหาอุปสรรค: {markup}"
        assert app.is_running

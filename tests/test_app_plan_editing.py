"""Entering an agency's own plan in the app, without writing TOML."""

import pytest
from textual.widgets import DataTable, Input, Select, SelectionList, Static, TextArea

from ita_tui.core.model import Measure
from ita_tui.screens.confirm import ConfirmScreen
from ita_tui.screens.measure_form import MeasureForm
from ita_tui.screens.plan_forms import AssessmentForm
from tests.app_helpers import clear_and_paste, clear_and_type, rows, sample_app, type_text

SIZE = (120, 35)


async def test_add_a_measure_with_units_period_contents_and_findings(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeasureForm)
        await type_text(pilot, "เผยแพร่ผลการวิเคราะห์ ITA บนเว็บไซต์")
        form.query_one("#measure-period", Input).focus()
        await type_text(pilot, "ต.ค. ๖๕ – ธ.ค. ๖๕")
        form.query_one("#measure-lead", Select).value = "งานนิติการ"
        form.query_one("#measure-support", SelectionList).select("กองยุทธศาสตร์และงบประมาณ")
        form.query_one("#measure-contents", TextArea).text = "ลิงก์หน้าเว็บไซต์\nหนังสือแจ้งเวียน"
        form.query_one("#measure-findings", SelectionList).select(15)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MeasureForm)
        table = app.screen.query_one("#measure-table", DataTable)
        assert table.row_count == 12
    measure = rows(
        app, "SELECT id, title, start_date, end_date, fiscal_year FROM measures WHERE id = 12"
    )
    assert measure == [(12, "เผยแพร่ผลการวิเคราะห์ ITA บนเว็บไซต์", "2022-10-01", "2022-12-31", 2566)]
    units = rows(
        app,
        "SELECT u.name, mu.role FROM measure_units mu JOIN units u ON u.id = mu.unit_id WHERE measure_id = 12 ORDER BY mu.position",
    )
    assert units == [("งานนิติการ", "lead"), ("กองยุทธศาสตร์และงบประมาณ", "support")]
    assert rows(
        app, "SELECT text FROM measure_contents WHERE measure_id = 12 ORDER BY position"
    ) == [
        ("ลิงก์หน้าเว็บไซต์",),
        ("หนังสือแจ้งเวียน",),
    ]
    assert rows(app, "SELECT finding_id FROM measure_findings WHERE measure_id = 12") == [(15,)]


async def test_a_measure_form_with_mistakes_names_each_and_saves_nothing(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        form = app.screen
        form.query_one("#measure-period", Input).focus()
        await type_text(pilot, "เมื่อมีงบประมาณ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeasureForm)
        assert "ต้องกรอก" in str(form.query_one("#measure-title-input-error", Static).render())
        assert "ไม่ใช่ระยะเวลา" in str(form.query_one("#measure-period-error", Static).render())
        assert "ผู้รับผิดชอบ" in str(form.query_one("#measure-lead-error", Static).render())
        await pilot.press("escape")
    assert rows(app, "SELECT count(*) FROM measures") == [(11,)]


async def test_deleting_a_measure_asks_first(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "#๓" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert rows(app, "SELECT count(*) FROM measures WHERE id = 3") == [(1,)]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert rows(app, "SELECT count(*) FROM measures WHERE id = 3") == [(0,)]
        assert app.screen.query_one("#measure-table", DataTable).row_count == 10


async def test_a_unit_still_responsible_cannot_be_deleted(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#units-table", DataTable).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert rows(app, "SELECT count(*) FROM units") == [(6,)]
        assert any("ลบไม่ได้" in str(n.message) for n in app._notifications)


@pytest.mark.slow
async def test_enter_next_years_result(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#plan-tabs").active = "tab-assessments"
        await pilot.pause()
        app.screen.query_one("#assessments-table", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentForm)
        assert app.screen.query_one("#assessment-year", Input).value == "๒๕๖๖"
        for number, score in enumerate(
            ["99", "98", "99", "97", "98", "96", "95", "95", "95", "88.5"], start=1
        ):
            app.screen.query_one(f"#score-{number}", Input).focus()
            await clear_and_type(pilot, score)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, AssessmentForm)
        await pilot.press("1")
        await pilot.pause()
        headline = str(app.screen.query_one("#score-line", Static).render())
        assert "ITA ปี ๒๕๖๖" in headline and "ผ่านดี" in headline
    stored = rows(
        app,
        "SELECT indicator_10, computed_overall, computed_result FROM assessments WHERE year = 2566",
    )
    assert stored == [(88.5, 94.76, "ผ่านดี")]


async def test_a_finding_about_a_whole_instrument_is_edited_and_keeps_its_instrument(tmp_path):
    from textual.widgets import TabbedContent

    app = sample_app(tmp_path)
    first = rows(app, "SELECT id, instrument, indicator FROM findings ORDER BY id LIMIT 1")
    assert first == [(1, "IIT", None)]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-findings"
        await pilot.pause()
        app.screen.query_one("#findings-table", DataTable).focus()
        await pilot.press("e")
        await pilot.pause()
        choice = app.screen.query_one("#finding-indicator", Select)
        assert choice.value == "IIT"
        app.screen.query_one("#finding-topic", Input).focus()
        await clear_and_type(pilot, "ความโปร่งใส")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.is_modal
    assert rows(app, "SELECT instrument, indicator, topic FROM findings WHERE id = 1") == [
        ("IIT", None, "ความโปร่งใส")
    ]


async def test_editing_a_measure_in_the_form_keeps_its_budget(tmp_path):
    from decimal import Decimal

    from ita_tui.screens.messages import OpenMeasure

    app = sample_app(tmp_path)
    measure = app.desk.measure(2)
    plan_fields = {name: getattr(measure, name) for name in Measure.__dataclass_fields__}
    app.desk.save_measure(
        Measure(**{**plan_fields, "budget": Decimal(0), "budget_used": Decimal("12.5")})
    )
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeasureForm)
        form.query_one("#measure-title-input", Input).focus()
        await clear_and_paste(pilot, "ชื่อใหม่ของมาตรการ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MeasureForm)
    assert rows(app, "SELECT title, budget, budget_used FROM measures WHERE id = 2") == [
        ("ชื่อใหม่ของมาตรการ", "0", "12.50")
    ]

"""The meeting and the what-if, in the app."""

from datetime import date

from textual.widgets import DataTable, Input, SelectionList, Static

from ita_tui.db import writes
from ita_tui.screens.analysis import AnalysisScreen
from ita_tui.screens.meeting_forms import DecisionForm, MeetingForm, ReportForm
from ita_tui.screens.meetings import MeetingsScreen
from ita_tui.widgets.charts import IndicatorChart, MonthlyChart
from tests.app_helpers import clear_and_type, rows, sample_app, type_text

SIZE = (120, 35)


async def test_record_a_meeting_and_a_decision_then_close_it(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        await clear_and_type(pilot, "1/3/2566")
        await pilot.press("tab")
        await type_text(pilot, "นายกฯ ปลัดฯ หัวหน้ากอง")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(app, "SELECT held_on, attendees, recorded_by FROM meetings") == [
            ("2023-03-01", "นายกฯ ปลัดฯ หัวหน้ากอง", "สมศรี")
        ]
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        app.screen.query_one("#decision-text", Input).focus()
        await type_text(pilot, "เร่งจัดทำรายงานรอบ ๖ เดือน")
        app.screen.query_one("#decision-measure").value = 2
        app.screen.query_one("#decision-due", Input).focus()
        await type_text(pilot, "31 มี.ค. 66")
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = app.screen.query_one("#decision-table", DataTable)
        assert table.row_count == 1
        assert "เลยกำหนด" in str(table.get_row_at(0)[0])
        table.focus()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(app, "SELECT text, measure_id, due_on, closed_on FROM decisions") == [
            ("เร่งจัดทำรายงานรอบ ๖ เดือน", 2, "2023-03-31", "2023-04-03")
        ]


async def test_write_the_pack_from_the_app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReportForm)
        assert app.screen.query_one("#report-as-of", Input).value == "๓๑ มี.ค. ๒๕๖๖"
        await clear_and_type(pilot, "3 เม.ย. 66")
        await pilot.press("ctrl+s")
        await pilot.pause()
    html = (tmp_path / "documents" / "ita-tui" / "ita-pack-2023-03-31.html").read_text("utf-8")
    assert not (tmp_path / "ita-pack-2023-03-31.html").exists()
    assert "งานนิติการ" in html and "๑๘๕ วัน" in html


async def test_tick_failed_items_and_see_the_score_move(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        result = app.screen.query_one("#whatif-result", Static)
        assert "๘๐.๖๑" in str(result.render()) and "ระดับ B" in str(result.render())
        items = app.screen.query_one("#whatif-items", SelectionList)
        assert items.option_count == 12
        items.focus()
        await pilot.pause()
        code_index = [items.get_option_at_index(i).value for i in range(items.option_count)].index(
            "o42"
        )
        items.highlighted = code_index
        await pilot.press("space")
        await pilot.pause()
        text = str(result.render())
        assert "๘๕.๖๑" in text and "ระดับ A" in text and "ผ่านเกณฑ์" in text
        chart = app.screen.query_one(IndicatorChart)
        assert [bars[-1][1] for _, bars in chart.rows][-2:] == [72.43, 37.5]


async def test_progress_over_the_year_follows_the_log(tmp_path):
    app = sample_app(tmp_path)
    writes.log_progress(app.desk.db, 1, date(2022, 12, 15), 30, "ก", date(2023, 4, 3))
    writes.log_progress(app.desk.db, 1, date(2023, 2, 10), 60, "ก", date(2023, 4, 3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        chart = app.screen.query_one(MonthlyChart)
        plan = [value for _, value in chart.months]
        assert plan[:2] == [0, 0] and plan[6] is not None and plan[7] is None
        app.screen.query_one("#progress-scope").value = "measure-1"
        await pilot.pause()
        assert [value for _, value in chart.months][:7] == [0, 0, 30, 30, 60, 60, 60]

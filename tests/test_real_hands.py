"""The everyday loop in real hands: what an officer sees after logging progress, the times and
names a supervisor reads, and words that mean one thing each."""

from datetime import date

import pytest

from ita_tui.db import writes
from ita_tui.screens.messages import OpenMeasure
from tests.app_helpers import rows, sample_app, screen_lines

SIZE = (140, 40)


async def test_a_changed_row_shows_its_new_percent_and_status_whole(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        # Another officer (or the form) logs 40% on a measure that had not started.
        writes.log_progress(app.desk.db, 1, date(2023, 4, 1), 40, "สมศรี", date(2023, 4, 3))
        app.data_changed()
        await pilot.pause()
        line = next(line for line in screen_lines(app) if "๑   " in line or " ๑ " in line)
        assert "กำลังดำเนินการ" in line and "๔๐" in line, line


async def test_at_80_by_24_the_measures_table_shows_status_percent_and_days_overdue(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = screen_lines(app)
        header = next(line for line in lines if "มาตรการ" in line and "สถานะ" in line)
        assert "%" in header and "เกินกำหนด" in header
        eleventh = next(line for line in lines if "๑๑ " in line and "แผนปฏิบัติการ" in line)
        assert "๑๘๕ วัน" in eleventh and "…" in eleventh
        # The measure under the cursor is shown whole below the table.
        await pilot.press("down")
        await pilot.pause()
        shown = "".join(lines := screen_lines(app))
        assert (
            "การพัฒนาการดำเนินการจัดทำแผนการดำเนินงานประจำปี (รอบ ๖ เดือน)"
            in shown.replace(" ", "").replace("(รอบ๖เดือน)", " (รอบ ๖ เดือน)")
            or "(รอบ ๖ เดือน)" in shown
        )


async def test_the_follow_up_timeline_opens_the_measure_under_the_cursor(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        # First the overdue measures by unit: #2, then #11.
        await pilot.press("down")
        await pilot.pause()
        detail = str(app.screen.query_one("#follow-detail-line").render())
        assert detail.startswith("#๑๑ แผนปฏิบัติการป้องกันการทุจริต — การดำเนินการตามมาตรการ")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeasureScreen" and app.screen.measure_id == 11


async def test_the_follow_up_months_are_named_whole_or_by_quarter(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        months = next(line for line in screen_lines(app) if "ต.ค." in line)
        assert months.split() == ["ต.ค.", "ม.ค.", "เม.ย.", "ก.ค."]
    (tmp_path / "wide").mkdir()
    async with sample_app(tmp_path / "wide").run_test(size=(140, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        months = next(line for line in screen_lines(pilot.app) if "ต.ค." in line)
        assert len(months.split()) == 12


async def test_the_help_lists_this_screens_keys_first_in_thai_and_scrolls(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-keys").render())
        assert text.index("ในหน้านี้") < text.index("บันทึกผล") < text.index("ทุกหน้า")
        assert "Scroll" not in text and "Focus" not in text
        scroller = app.screen.query_one("#help")
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeasureScreen"


async def test_the_access_record_shows_thai_time(tmp_path, run):
    from ita_tui.core.access import Actor
    from ita_tui.db.people import add_person

    app = sample_app(tmp_path)
    add_person(app.desk.db, Actor("ผู้ดูแล", "administrator"), "nid", "นิด", "officer", [])
    at = rows(app, "SELECT at FROM access_events ORDER BY id DESC LIMIT 1")[0][0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
    from ita_tui.core.thai_calendar import format_thai_moment

    assert format_thai_moment(at) in shown and "UTC" not in shown
    assert "T" not in format_thai_moment(at)


async def test_a_measure_due_soon_says_so_once(tmp_path):
    app = sample_app(tmp_path, as_of=date(2023, 3, 20))  # measure 2 ends on 31 Mar 2566
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(2))
        await pilot.pause()
        status = next(line for line in screen_lines(app) if "สถานะ:" in line)
        assert status.count("◔") == 1, status
        assert "ครบกำหนดใน ๓๐ วัน" in status, status


async def test_tab_goes_through_a_long_form_in_order_at_80_by_24(tmp_path):
    """The form's buttons are docked in sight; Tab must not stop at them between the fields in
    sight and those below, where scores typed after the eighth were lost."""
    from textual.widgets import TabbedContent

    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-assessments"
        await pilot.pause()
        app.screen.query_one("#assessments-table").focus()
        await pilot.press("a")
        await pilot.pause()
        # One digit system on screen: the indicators' numbers as the setting says (Thai).
        assert any("๑. การปฏิบัติหน้าที่ (IIT)" in line for line in screen_lines(app))
        order = []
        for _ in range(12):
            order.append(app.focused.id)
            await pilot.press("tab")
            await pilot.pause()
    assert order[:11] == ["assessment-year", *(f"score-{n}" for n in range(1, 11))]
    assert "save" not in order and "cancel" not in order


async def test_the_key_2_of_the_thai_layout_reaches_section_2_where_nothing_searches(tmp_path):
    """In Kedmanee the key 2 gives `/`: on a section without a search field it is section 2;
    on the measures, `/` searches, as it always did."""
    from textual.widgets import Input

    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert type(app.screen).__name__ == "IndicatorsScreen"
        await pilot.press("3", "slash")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeasuresScreen"
        assert isinstance(app.focused, Input) and app.focused.id == "search"


async def test_on_a_measure_down_walks_the_checklist_and_space_ticks_only_the_focused_item(
    tmp_path,
):
    from textual.widgets import OptionList

    from tests.test_app_flows import open_measure

    ticked = "SELECT position FROM measure_contents WHERE measure_id = 2 AND done_on IS NOT NULL"
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_measure(pilot, 2)
        contents = app.screen.query_one("#contents", OptionList)
        assert app.focused is contents
        # The page opened at its top: the measure's title in sight.
        assert app.screen.query_one("#measure-detail").scroll_y == 0
        await pilot.press("down", "space")
        await pilot.pause()
        assert contents.highlighted == 1
        assert len(rows(app, ticked)) == 1
        second = rows(app, ticked)
        # Away from the checklist, Space ticks nothing.
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not contents
        await pilot.press("space")
        await pilot.pause()
        assert rows(app, ticked) == second


async def test_after_saving_progress_the_focus_is_where_the_user_left_it(tmp_path):
    from tests.test_app_flows import open_measure

    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p", "4", "0", "ctrl+s")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "contents"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "measure-table"
        table = app.focused
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "2"


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_every_section_shows_the_way_to_the_others_the_first_screen_included(tmp_path, size):
    from tests.app_helpers import screen_lines

    app = sample_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        for key, name in [
            ("1", "ภาพรวม"),
            ("2", "ตัวชี้วัด"),
            ("3", "มาตรการ"),
            ("4", "ติดตาม"),
            ("5", "แก้ไขแผน"),
            ("6", "ประชุม"),
            ("7", "วิเคราะห์"),
            ("8", "ผู้ใช้"),
            ("0", "หน่วยงาน"),
        ]:
            if key != "1":
                await pilot.press(key)
                await pilot.pause()
            bar = screen_lines(app)[1]
            assert f" {key} {name} " in bar, (key, bar)
            assert all(f"{other} " in bar for other in "123456780"), bar
        await pilot.press("l")
        await pilot.pause()
        bar = screen_lines(app)[1]
        assert "0 Agencies" in bar and "1" in bar and "8" in bar


async def test_at_80_by_24_no_scrollbar_crosses_the_indicators_table(tmp_path):
    from tests.app_helpers import screen_lines

    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#indicator-table")
        assert not table.show_horizontal_scrollbar
        assert all(line.rstrip()[-2:] not in ("▂▂", "▆▆", "▄▄") for line in screen_lines(app))


@pytest.mark.parametrize("section", ["1", "7"])
async def test_indicator_bars_of_rows_one_under_the_other_stay_apart(tmp_path, section):
    """In the browser a line is as tall as its cells: bars of full-cell blocks (█) in rows one
    under the other ran together into one block. They are drawn three quarters high."""
    app = sample_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press(section)
        await pilot.pause()
        lines = screen_lines(app)
        assert sum("▆" in line for line in lines) >= 9
        # The rows of indicator bars are those with the pass mark (┃) on them; the monthly
        # chart's columns below are meant to run on from line to line.
        assert not any("█" in line for line in lines if "┃" in line)

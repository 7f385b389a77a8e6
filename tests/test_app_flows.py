"""The app as officers and supervisors use it, driven key by key through Pilot."""

from datetime import date

from textual.widgets import DataTable, Input, OptionList, RadioSet, Static

from ita_tui.screens.follow_up import FollowUpScreen
from ita_tui.screens.indicators import IndicatorsScreen
from ita_tui.screens.measure import MeasureScreen
from ita_tui.screens.progress_form import ProgressForm
from ita_tui.screens.status_form import StatusForm
from ita_tui.widgets.timeline import Timeline
from tests.app_helpers import clear_and_type, rows, sample_app, type_text

SIZE = (120, 35)


async def open_measure(pilot, measure_id: int) -> None:
    await pilot.press("3")
    await pilot.pause()
    table = pilot.app.screen.query_one("#measure-table", DataTable)
    keys = [key.value for key in table.rows]
    table.focus()
    await pilot.press(*["down"] * keys.index(str(measure_id)), "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MeasureScreen)
    assert pilot.app.screen.measure_id == measure_id


async def test_the_lowest_indicator_leads_to_its_measures(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#indicator-table", DataTable)
        lowest_row = [row for row in table.rows if "ต่ำสุด" in str(table.get_row(row)[1])]
        assert [key.value for key in lowest_row] == ["10"]
        await pilot.press(*["down"] * 9, "enter")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorsScreen)
        assert "การป้องกันการทุจริต" in str(app.screen.query_one("#indicator-heading", Static).render())
        findings = app.screen.query_one("#finding-list", OptionList)
        measure_options = [
            findings.get_option_at_index(i).id
            for i in range(findings.option_count)
            if (findings.get_option_at_index(i).id or "").startswith("measure-")
        ]
        assert [option.split("-")[1] for option in measure_options] == ["9", "10", "11"]
        findings.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert app.screen.measure_id == 9


async def test_log_progress_shows_in_the_log_the_percent_and_the_database(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        assert app.screen.query_one("#progress-date", Input).value == "๓ เม.ย. ๒๕๖๖"
        await clear_and_type(pilot, "๔๐")
        await pilot.press("tab")
        await type_text(pilot, "ร่างรายงานรอบ ๖ เดือนแล้ว")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        log = app.screen.query_one("#progress-log", DataTable)
        assert log.row_count == 1
        assert [str(cell) for cell in log.get_row_at(0)[:3]] == [
            "๓ เม.ย. ๒๕๖๖",
            "๔๐",
            "ร่างรายงานรอบ ๖ เดือนแล้ว",
        ]
        assert "๔๐%" in str(app.screen.query_one("#measure-facts", Static).render())
        assert rows(app, "SELECT entry_date, percent, note, recorded_by FROM progress") == [
            ("2023-04-03", 40, "ร่างรายงานรอบ ๖ เดือนแล้ว", "สมศรี")
        ]
        assert rows(app, "SELECT status FROM measures WHERE id = 2") == [("in_progress",)]


async def test_a_wrong_percent_is_explained_and_nothing_is_saved(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p")
        await pilot.pause()
        await clear_and_type(pilot, "120")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        error = app.screen.query_one("#progress-percent-error", Static)
        assert "ร้อยละ 120 ใช้ไม่ได้" in str(error.render())
        await pilot.press("shift+tab")
        await clear_and_type(pilot, "31 ก.พ. 66")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ไม่มีวันนี้ในปฏิทิน" in str(app.screen.query_one("#progress-date-error", Static).render())
        assert rows(app, "SELECT count(*) FROM progress") == [(0,)]


async def test_cancelling_a_form_saves_nothing(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 5)
        await pilot.press("p")
        await pilot.pause()
        await clear_and_type(pilot, "50")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert rows(app, "SELECT count(*) FROM progress") == [(0,)]
        assert rows(app, "SELECT status FROM measures WHERE id = 5") == [("not_started",)]


async def choose_status(pilot, status_index: int) -> None:
    radio = pilot.app.screen.query_one(RadioSet)
    radio.focus()
    await pilot.pause()
    for _ in range(4):
        await pilot.press("up")
    await pilot.press(*["down"] * status_index, "enter")


async def test_dropping_a_measure_asks_why(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 8)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusForm)
        await choose_status(pilot, 3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StatusForm)
        assert "ต้องระบุเหตุผล" in str(app.screen.query_one("#status-reason-error", Static).render())
        assert rows(app, "SELECT status FROM measures WHERE id = 8") == [("not_started",)]
        app.screen.query_one("#status-reason", Input).focus()
        await type_text(pilot, "รวมกับมาตรการที่ ๙")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert rows(app, "SELECT status, drop_reason FROM measures WHERE id = 8") == [
            ("dropped", "รวมกับมาตรการที่ ๙")
        ]
        assert "ยกเลิก" in str(app.screen.query_one("#measure-facts", Static).render())


async def test_marking_done_with_unticked_contents_names_them(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        contents = app.screen.query_one("#contents", OptionList)
        contents.focus()
        contents.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        assert rows(
            app,
            "SELECT done_on, done_by FROM measure_contents WHERE measure_id = 2 ORDER BY position",
        ) == [
            ("2023-04-03", "สมศรี"),
            (None, None),
        ]
        await pilot.press("s")
        await pilot.pause()
        await choose_status(pilot, 2)
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = str(app.screen.query_one("#question", Static).render())
        assert "รายละเอียดงบประมาณที่ใช้ดำเนินงานแต่ละโครงการหรือกิจกรรม" in question
        assert "ความก้าวหน้าการดำเนินการแต่ละโครงการหรือกิจกรรม" not in question
        await pilot.press("n")
        await pilot.pause()
        assert rows(app, "SELECT status FROM measures WHERE id = 2") == [("not_started",)]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert rows(app, "SELECT status FROM measures WHERE id = 2") == [("done",)]


async def test_changing_the_as_of_date_changes_what_is_overdue(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        timeline = app.screen.query_one(Timeline)
        overdue = [line for line in timeline.lines if isinstance(line, dict) and line["overdue"]]
        assert len(overdue) == 2
        await pilot.press("d")
        await pilot.pause()
        await clear_and_type(pilot, "31 มี.ค. 66")
        await pilot.press("enter")
        await pilot.pause()
        assert app.as_of == date(2023, 3, 31)
        assert isinstance(app.screen, FollowUpScreen)
        overdue = [
            line["label"] for line in timeline.lines if isinstance(line, dict) and line["overdue"]
        ]
        assert len(overdue) == 1 and "#๑๑" in overdue[0]
        assert "๓๑ มี.ค. ๒๕๖๖" in app.sub_title
        heading = str(app.screen.query_one("#follow-heading", Static).render())
        assert "เกินกำหนด ๑" in heading


async def test_switching_language(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "คะแนนรวม" in str(app.screen.query_one("#score-line", Static).render())
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert "overall ๘๐.๖๑" in str(app.screen.query_one("#score-line", Static).render())
        assert app.sub_title.startswith("as of")
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Overview", "Follow-up", "Export"} <= descriptions
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        assert "not started" in [str(c) for c in table.get_row_at(0)]
        await pilot.press("l")
        await pilot.pause()
        assert "ยังไม่เริ่ม" in [str(c) for c in table.get_row_at(0)]


async def test_search_and_filters_on_the_measures_table(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        await pilot.press("slash")
        await type_text(pilot, "No Gift")
        await pilot.pause()
        assert [key.value for key in table.rows] == ["8"]
        await clear_and_type(pilot, "จริยธรรม")
        await pilot.pause()
        assert [key.value for key in table.rows] == ["9"]
        await clear_and_type(pilot, "")
        await pilot.pause()
        assert table.row_count == 11
        app.screen.query_one("#follow-filter").value = "overdue"
        await pilot.pause()
        assert [key.value for key in table.rows] == ["2", "11"]


async def test_the_demo_says_it_is_sample_data(tmp_path):
    app = sample_app(tmp_path, sample=True)
    async with app.run_test(size=SIZE):
        banner = app.screen.query_one("#sample-banner", Static)
        assert banner.display
        assert "ข้อมูลตัวอย่าง" in str(banner.render())
        assert "ข้อมูลตัวอย่าง" in app.sub_title


async def test_keys_can_be_remapped_in_settings(tmp_path):
    from ita_tui.files.settings import Settings

    app = sample_app(tmp_path, settings=Settings(keymap={"go-follow-up": "f"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)


async def test_export_from_the_app(tmp_path, monkeypatch):
    import tomllib

    monkeypatch.chdir(tmp_path)
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await clear_and_type(pilot, "สถานะ.toml")
        await pilot.press("ctrl+s")
        await pilot.pause()
    document = tomllib.loads((tmp_path / "documents" / "ita-tui" / "สถานะ.toml").read_text("utf-8"))
    assert document["as_of"] == date(2023, 4, 3)
    assert sum(1 for m in document["measures"] if m["overdue"]) == 2


async def test_an_empty_database_opens_and_says_what_to_do(tmp_path):
    from ita_tui.app import ItaApp
    from ita_tui.db import open_database

    app = ItaApp(open_database(tmp_path / "empty.db", create=True), persist_settings=False)
    async with app.run_test(size=SIZE) as pilot:
        said = str(app.screen.query_one("#score-line", Static).render())
        assert "กด n เพื่อเริ่มแผนใหม่" in said
        assert "ita-tui import" not in said  # a browser has no command line
        for key in ("2", "3", "4", "5", "1"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ยังไม่มีแผน" in str(app.screen.query_one("#form-error", Static).render())


async def test_the_app_picks_up_what_others_wrote_without_moving_the_cursor(tmp_path):
    from ita_tui.db import open_database, writes

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        await pilot.press("down", "down", "down", "down")
        assert table.cursor_row == 4
        other = open_database(tmp_path / "app.db")
        writes.log_progress(other, 2, date(2023, 4, 1), 55, "อีกคน", date(2023, 4, 3))
        app.pick_up_other_writers()
        await pilot.pause()
        assert [str(c) for c in table.get_row("2")][6] == "๕๕"
        assert table.cursor_row == 4
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await clear_and_type(pilot, "70")
        writes.log_progress(other, 2, date(2023, 4, 2), 60, "อีกคน", date(2023, 4, 3))
        app.pick_up_other_writers()
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        assert app.screen.query_one("#progress-percent", Input).value == "70"


async def test_a_large_plan_loads_page_by_page(tmp_path):
    from ita_tui.app import ItaApp
    from ita_tui.db import open_database
    from ita_tui.documents import snapshot
    from ita_tui.documents.snapshot_validation import validate
    from tests.plan_factory import big_plan_text

    db = open_database(tmp_path / "big.db", create=True)
    snapshot.import_plan(db, validate(snapshot.loads(big_plan_text(450), "big")), "test")
    app = ItaApp(db, as_of=date(2023, 4, 3), persist_settings=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        assert table.row_count == 60
        assert "๖๐ จาก ๔๕๐" in str(app.screen.query_one("#measure-count", Static).render())
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == 260
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == 450
        app.screen.query_one("#search", Input).value = "มาตรการที่ 449"
        await pilot.pause()
        assert [key.value for key in table.rows] == ["449"]
        assert "๑ จาก ๑" in str(app.screen.query_one("#measure-count", Static).render())


async def test_a_short_search_shows_rows_at_once_and_counts_them_after(tmp_path):
    from ita_tui.app import ItaApp
    from ita_tui.db import open_database, queries
    from ita_tui.documents import snapshot
    from ita_tui.documents.snapshot_validation import validate
    from tests.plan_factory import big_plan_text

    db = open_database(tmp_path / "big.db", create=True)
    snapshot.import_plan(db, validate(snapshot.loads(big_plan_text(450), "big")), "test")
    app = ItaApp(db, as_of=date(2023, 4, 3), persist_settings=False)
    expected = queries.count_measures(db, queries.agency(db).id, date(2023, 4, 3), search="๔๙")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        app.screen.query_one("#search", Input).value = "๔๙"
        await pilot.pause()
        shown = [int(key.value) for key in table.rows]
        assert shown and all("49" in str(n) or "49" in f"มาตรการที่ {n}" for n in shown)
        await app.workers.wait_for_complete()
        await pilot.pause()
        count = str(app.screen.query_one("#measure-count", Static).render())
        assert f"จาก {app.num(expected)} มาตรการ" in count
        assert expected == len(shown) == 5  # 49, 149, 249, 349, 449


async def test_a_form_typed_ahead_in_one_burst_keeps_each_field_apart(tmp_path):
    """Keys that arrive together (a fast typist, a paste, a remote terminal) still land in the
    fields they were typed for, and the save sees them all."""
    from textual import events

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.press("p")
        await pilot.pause()
        await clear_and_type(pilot, "40")
        # Enter goes from field to field and saves from the last (problems, suggestions and
        # the budget spent follow the evidence, and are left empty here).
        burst = ["enter", *"done", "enter", *"http://e/1", "enter", "enter", "enter", "enter"]
        for key in burst:
            app.post_message(events.Key(key, None if key == "enter" else key))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
    assert rows(app, "SELECT percent, note, evidence FROM progress") == [(40, "done", "http://e/1")]

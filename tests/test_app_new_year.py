"""The yearly cycle in the app: from plan editing (section 5) or the palette, enter the 2566
result, see the draft of the 2567 plan, accept it or reject it."""

from textual.widgets import Button, Input

from ita_tui.screens.new_year import NewYearDraftScreen, NewYearForm
from tests.app_helpers import rows, sample_app, screen_lines
from tests.conftest import dump

SCORES_2566 = ["100", "99.63", "99.91", "99.66", "99.65", "95.28", "96.13", "82.10", "80", "70"]


async def fill_the_form(pilot, failed: str = "o1,o13") -> NewYearForm:
    form = pilot.app.screen
    assert isinstance(form, NewYearForm)
    for number, score in enumerate(SCORES_2566, start=1):
        form.query_one(f"#new-year-score-{number}", Input).value = score
    form.query_one("#new-year-failed", Input).value = failed
    await pilot.pause()
    return form


async def open_the_draft(pilot) -> NewYearDraftScreen:
    await pilot.press("5", "y")
    await pilot.pause()
    await fill_the_form(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    draft = pilot.app.screen
    assert isinstance(draft, NewYearDraftScreen)
    return draft


async def test_the_draft_shows_findings_carried_and_proposed_measures(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "y")
        await pilot.pause()
        form = app.screen
        # The year after the last result is offered.
        assert form.query_one("#new-year-year", Input).value == "๒๕๖๖"
        await fill_the_form(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        draft = app.screen
        assert isinstance(draft, NewYearDraftScreen)
        summary = str(draft.query_one("#new-year-summary").render())
        assert "ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน ได้ ๘๒.๑๐ คะแนน" in summary
        assert "ข้อ o1 โครงสร้าง" in summary
        assert "มาตรการที่ยังไม่แล้วเสร็จ ยกมาจากแผนปี ๒๕๖๖ (๙)" in summary
        assert "มาตรการที่เสนอใหม่สำหรับข้อที่ไม่ผ่าน (๑)" in summary
        assert "□ o1 โครงสร้าง" in summary


async def test_rejecting_the_draft_leaves_the_database_as_it_was(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        before = dump(tmp_path / "app.db")
        await open_the_draft(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NewYearDraftScreen | NewYearForm)
        assert dump(tmp_path / "app.db") == before


async def test_accepting_the_draft_writes_the_2567_plan(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await open_the_draft(pilot)
        await pilot.click(draft.query_one("#accept", Button))
        await pilot.pause()
        assert not isinstance(app.screen, NewYearDraftScreen)
    assert rows(app, "SELECT count(*) FROM measures WHERE fiscal_year = 2567") == [(10,)]
    assert rows(
        app, "SELECT count(*) FROM measures WHERE fiscal_year = 2567 AND carried_from_id > 0"
    ) == [(9,)]
    assert rows(app, "SELECT count(*) FROM findings WHERE assessment_year = 2566") == [(5,)]


async def test_a_year_already_entered_is_said_at_its_field(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        before = dump(tmp_path / "app.db")
        await pilot.press("5", "y")
        await pilot.pause()
        form = await fill_the_form(pilot, failed="o99")
        form.query_one("#new-year-year", Input).value = "2565"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewYearForm)
        error = str(form.query_one("#new-year-year-error").render())
        assert "มีผลการประเมินปี 2565 อยู่แล้ว" in error
        form.query_one("#new-year-year", Input).value = "2566"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "o99" in str(form.query_one("#new-year-failed-error").render())
        assert dump(tmp_path / "app.db") == before


async def test_the_palette_offers_the_new_year(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "แผน: ปีงบประมาณใหม่ จากผลการประเมินใหม่" in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("แผน:"))
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, NewYearForm)


async def test_the_draft_fits_80_by_24_with_its_buttons_in_sight(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_draft(pilot)
        lines = screen_lines(app)
        assert len(lines) == 24
        shown = "\n".join(lines)
        assert "ยอมรับร่าง" in shown and "ไม่รับ" in shown
        assert "ร่างแผนปีงบประมาณ ๒๕๖๗" in shown
        app.save_screenshot(str(tmp_path / "new-year-80x24.svg"))


async def test_a_draft_overtaken_by_other_work_is_not_written(tmp_path):
    from datetime import date

    from ita_tui.db import writes

    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await open_the_draft(pilot)
        # Another officer logs progress while the draft is read.
        writes.log_progress(app.desk.db, 2, date(2023, 3, 20), 30, "สมชาย", date(2023, 4, 3))
        before = dump(tmp_path / "app.db")
        await pilot.click(draft.query_one("#accept", Button))
        await pilot.pause()
        assert app.screen is draft
        assert "ร่างใหม่อีกครั้ง" in str(draft.query_one("#form-error").render())
        assert dump(tmp_path / "app.db") == before


def test_the_draft_file_is_never_written_over_the_database(sample_db, run):
    before = dump(sample_db)
    result = run(
        "--db",
        str(sample_db),
        "--lang",
        "en",
        "new-year",
        "--year",
        "2566",
        *SCORES_2566,
        "--draft",
        str(sample_db),
    )
    assert result.code == 2
    assert dump(sample_db) == before

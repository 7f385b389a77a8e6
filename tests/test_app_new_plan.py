"""An office with only a browser brings its plan in from the app: it starts one from the agency's
name and fills it in with the plan's forms, or pastes a plan or snapshot file's text and imports
it as `ita-tui import` does, all or nothing, with the same messages."""

from importlib import resources

import pytest
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from ita_tui.app import ItaApp
from ita_tui.db import open_database
from ita_tui.screens.measure_form import MeasureForm
from ita_tui.screens.new_plan_forms import ImportPlanForm, StartPlanForm
from ita_tui.screens.plan_forms import FindingForm, UnitForm
from tests.app_helpers import DEMO_AS_OF, rows, screen_lines, settled, type_text
from tests.conftest import dump

SIZE = (120, 35)
AGENCY = "องค์การบริหารส่วนตำบลหนองน้ำใส"
SAMPLE_TEXT = resources.files("ita_tui").joinpath("data", "sample_plan.toml").read_text("utf-8")
SAMPLE_AGENCY = "เทศบาลตำบลมวกเหล็ก"


def empty_app(path, **options) -> ItaApp:
    options.setdefault("as_of", DEMO_AS_OF)
    options.setdefault("persist_settings", False)
    options.setdefault("who", "สมศรี")
    return ItaApp(open_database(path, create=True), **options)


def form_error(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def paste(pilot, text: str) -> None:
    """Text pasted in one piece, as a terminal delivers a paste: to the app, which hands it to
    the focused field."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_an_empty_database_says_what_to_do_in_the_app(tmp_path):
    app = empty_app(tmp_path / "plan.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = str(app.screen.query_one("#score-line", Static).render())
        assert "กด n เพื่อเริ่มแผนใหม่" in said
        assert "กด i เพื่อวางข้อความของไฟล์แผน" in said
        assert "ita-tui" not in said
        # The footer offers both, on the overview of an empty database.
        assert "เริ่มแผนใหม่" in screen_lines(app)[-1]
        assert "นำเข้าแผน" in screen_lines(app)[-1]
        # Adding to a plan there is not yet says the same, in the sections that add.
        for section in ("3", "5"):
            await pilot.press(section, "a")
            await pilot.pause()
            said = list(app._notifications)[-1].message
            assert said == "ยังไม่มีแผน: กด n ที่ภาพรวมหรือแก้ไขแผนเพื่อเริ่มแผนใหม่ หรือกด i เพื่อนำเข้าแผน"


async def test_with_a_plan_the_overview_offers_neither(tmp_path):
    path = tmp_path / "plan.db"
    async with empty_app(path).run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await paste(pilot, SAMPLE_TEXT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "นำเข้าแผน" not in screen_lines(pilot.app)[-1]
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, StartPlanForm)


async def test_a_plan_started_from_its_agency_is_filled_in_with_the_plan_forms(tmp_path):
    app = empty_app(tmp_path / "plan.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartPlanForm)
        await type_text(pilot, AGENCY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, StartPlanForm)
        assert AGENCY in screen_lines(app)[0]
        assert "ยังไม่มีผลการประเมิน" in "\n".join(screen_lines(app))

        # A unit and a finding, in the plan's own forms (section 5)…
        await pilot.press("5", "a")
        await pilot.pause()
        assert isinstance(app.screen, UnitForm)
        await type_text(pilot, "กองช่าง")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right")  # the findings tab
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FindingForm)
        form.query_one("#finding-indicator", Select).value = 9
        form.query_one("#finding-text", Input).focus()
        await type_text(pilot, "ยังไม่เปิดเผยข้อมูลการจัดซื้อจัดจ้าง")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FindingForm), form_error(app)

        # …and a measure answering it, in the measures' (section 3).
        await pilot.press("3", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeasureForm)
        await type_text(pilot, "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์")
        form.query_one("#measure-period", Input).focus()
        await type_text(pilot, "ต.ค. ๖๕ – ธ.ค. ๖๕")
        form.query_one("#measure-lead", Select).value = "กองช่าง"
        [finding_id] = [f.id for f in app.desk.findings()]
        form.query_one("#measure-findings", SelectionList).select(finding_id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MeasureForm), form_error(app)
    assert rows(app, "SELECT name FROM agencies") == [(AGENCY,)]
    assert rows(app, "SELECT name FROM units") == [("กองช่าง",)]
    assert rows(app, "SELECT title FROM measures") == [("เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์",)]
    assert rows(app, "SELECT count(*) FROM measure_findings") == [(1,)]
    # Who started the plan is in the journal, as for every write.
    assert rows(app, "SELECT action, by FROM journal WHERE subject = 'agencies'") == [
        ("start_plan", "สมศรี")
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "ต้องกรอกชื่อหน่วยงาน"), (SAMPLE_AGENCY, "มีแผนของ “เทศบาลตำบลมวกเหล็ก” อยู่แล้ว")],
)
async def test_starting_a_plan_without_a_name_or_over_one_there_changes_nothing(
    tmp_path, typed, message
):
    path = tmp_path / "plan.db"
    app = empty_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await paste(pilot, SAMPLE_TEXT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        before = dump(path)
        await pilot.press("5", "n")
        await pilot.pause()
        await type_text(pilot, typed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartPlanForm)
        assert message in form_error(app)
        assert dump(path) == before


async def test_a_pasted_plan_is_imported_as_the_command_line_imports_it(tmp_path, run):
    path = tmp_path / "plan.db"
    app = empty_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportPlanForm)
        # Through a browser's terminal every line of a paste ends in CR.
        await paste(pilot, SAMPLE_TEXT.replace("\n", "\r"))
        assert app.screen.query_one("#plan-text", TextArea).text == SAMPLE_TEXT
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ImportPlanForm), form_error(app)
        shown = "\n".join(screen_lines(app))
        assert SAMPLE_AGENCY in screen_lines(app)[0]
        assert "คะแนนรวม" in shown
        said = [n.message for n in app._notifications]
        assert said[-1].startswith("นำเข้าแผนของ เทศบาลตำบลมวกเหล็ก แล้ว: ๑๑ มาตรการ\n⚑ มาตรการ")

    by_the_command_line = tmp_path / "cli.db"
    source = tmp_path / "plan.toml"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run("--db", str(by_the_command_line), "import", str(source)).code == 0
    plan = "SELECT {} FROM {} ORDER BY id"
    for table, columns in [
        ("agencies", "name"),
        ("units", "name, kind, parent_id"),
        ("findings", "id, assessment_year, indicator, kind, text"),
        ("measures", "id, title, start_date, end_date, status, fiscal_year"),
        ("measure_contents", "measure_id, text"),
        ("assessments", "year, computed_overall"),
    ]:
        query = plan.format(columns, table)
        assert rows(app, query) == open_database(by_the_command_line).execute(query).fetchall()


async def test_a_pasted_text_with_problems_lists_each_as_the_command_line_does(tmp_path, run):
    broken = (
        SAMPLE_TEXT.replace('period = "ต.ค. ๖๕ – ก.ย. ๖๖"', 'period = "เมื่อมีงบประมาณ"', 1)
        .replace("[[measures]]", "[[measures]]\ncolour = 'red'", 1)
        .replace('kind = "weakness"', 'kind = "maybe"', 1)
    )
    source = tmp_path / "plan.toml"
    source.write_text(broken, encoding="utf-8")
    said = run("--db", str(tmp_path / "cli.db"), "import", str(source))
    assert said.code == 2
    problems = said.err.strip().splitlines()[1:]
    assert len(problems) >= 3

    path = tmp_path / "plan.db"
    app = empty_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = dump(path)
        await pilot.press("i")
        await pilot.pause()
        await paste(pilot, broken)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportPlanForm)
        error = form_error(app).splitlines()
        assert error[0].startswith("ข้อความที่วาง: ไฟล์มีปัญหา")
        assert error[1:] == problems
        assert dump(path) == before


async def test_a_pasted_text_that_is_no_toml_says_where(tmp_path):
    path = tmp_path / "plan.db"
    app = empty_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = dump(path)
        await pilot.press("i")
        await pilot.pause()
        await paste(pilot, "format = \nตัวชี้วัด")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ข้อความที่วาง ไม่ใช่ TOML ที่ถูกต้อง" in form_error(app)
        assert "line 1" in form_error(app)
        assert dump(path) == before


async def test_an_officer_may_neither_start_nor_import_a_plan(tmp_path, run):
    path = tmp_path / "plan.db"
    add = ["people", "add", "somchai", "--name", "สมชาย", "--role", "officer"]
    assert run("--db", str(path), "init").code == 0
    assert run("--db", str(path), *add).code == 0
    before = dump(path)
    app = empty_app(path, who="somchai")
    async with app.run_test(size=SIZE) as pilot:
        for key in ("n", "i"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, StartPlanForm | ImportPlanForm)
            assert "ต้องเป็นผู้บังคับบัญชา" in list(app._notifications)[-1].message
    after = dump(path)
    refusals = [line for line in after if line not in before]
    assert refusals and all("access_events" in line or "journal" in line for line in refusals)
    assert rows(app, "SELECT event, action FROM access_events WHERE event = 'denied'") == [
        ("denied", "start_plan"),
        ("denied", "import"),
    ]


async def test_a_plan_pasted_while_the_import_form_opens_lands_in_it(tmp_path):
    """A browser user presses i, pastes and saves at once, before the form is ready: the paste
    is for the form, as typed keys are, and the save saves what was pasted."""
    from textual import events

    path = tmp_path / "plan.db"
    app = empty_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.Key("i", "i"))
        app.post_message(events.Paste(SAMPLE_TEXT.replace("\n", "\r\n")))
        app.post_message(events.Key("ctrl+s", None))
        await pilot.pause()
        await settled(pilot, lambda: not app.typed_ahead_waiting())
        assert not isinstance(app.screen, ImportPlanForm)
    assert rows(app, "SELECT name FROM agencies") == [(SAMPLE_AGENCY,)]
    assert rows(app, "SELECT count(*) FROM measures") == [(11,)]

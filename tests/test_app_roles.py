"""Login, roles and password change in the app, driven through Pilot."""

from datetime import date

import pytest
from textual.widgets import Input, OptionList, Static

from ita_tui.app import ItaApp
from ita_tui.core.access import Actor
from ita_tui.core.model import ChecklistItem, Measure
from ita_tui.db import open_database, queries, writes
from ita_tui.db.people import add_person, authenticate, set_login_required
from ita_tui.documents import snapshot
from ita_tui.screens.login import LoginScreen
from ita_tui.screens.measure import MeasureScreen
from ita_tui.screens.password_form import PasswordForm
from ita_tui.screens.progress_form import ProgressForm
from tests.app_helpers import DEMO_AS_OF, clear_and_paste, clear_and_type, rows, type_text
from tests.test_app_flows import SIZE, open_measure

SINGLE_USER = Actor(name="ผู้ตั้งค่า", role="administrator")
LEGAL_MEASURE = 8


def shared_app(tmp_path, **options) -> ItaApp:
    """The sample plan with a live กองคลัง measure, three people, and login required."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = open_database(tmp_path / "shared.db", create=True)
    snapshot.import_plan(db, snapshot.sample_plan(), SINGLE_USER)
    agency = queries.agency(db)
    treasury = queries.find_unit(db, agency.id, "กองคลัง").id
    writes.save_measure(
        db,
        agency.id,
        Measure(
            None,
            2566,
            "รายงานผลการใช้จ่ายงบประมาณรายไตรมาส",
            ("กองคลัง",),
            period="ต.ค. ๖๕ – มี.ค. ๖๖",
            start=date(2022, 10, 1),
            end=date(2023, 3, 31),
            contents=(ChecklistItem("ผลการใช้จ่ายงบประมาณ"),),
        ),
        by=SINGLE_USER,
    )
    add_person(db, SINGLE_USER, "admin", "ผู้ดูแล ระบบ", "administrator", [], "admin-pass-1")
    add_person(db, SINGLE_USER, "head", "หัวหน้าสำนักปลัด", "supervisor", [], "head-pass-1")
    add_person(db, SINGLE_USER, "somchai", "สมชาย ใจดี", "officer", [treasury], "somchai-pass")
    set_login_required(db, SINGLE_USER, True)
    options.setdefault("as_of", DEMO_AS_OF)
    options.setdefault("persist_settings", False)
    options.setdefault("who", "ใครก็ได้")
    return ItaApp(db, **options)


def treasury_measure(app) -> int:
    return rows(app, "SELECT max(id) FROM measures")[0][0]


async def log_in(pilot, login: str, password: str) -> None:
    await pilot.pause()
    pilot.app.screen.query_one("#login-name", Input).focus()
    await clear_and_paste(pilot, login)
    await pilot.press("enter")
    await clear_and_paste(pilot, password)
    await pilot.press("enter")
    await pilot.pause()


async def test_nothing_of_the_plan_shows_before_login(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("3")  # the measures section, refused before login
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert app.actor is None


async def test_a_wrong_password_is_refused_and_recorded_a_right_one_lets_in(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "not-my-password")
        assert isinstance(app.screen, LoginScreen)
        error = str(app.screen.query_one("#login-error", Static).render())
        assert "ไม่ถูกต้อง" in error
        assert app.screen.query_one("#login-password", Input).value == ""
        assert rows(app, "SELECT login, event FROM access_events WHERE event LIKE 'login%'")[
            -1
        ] == ("somchai", "login_failed")
        await log_in(pilot, "somchai", "somchai-pass")
        assert not isinstance(app.screen, LoginScreen)
        assert app.actor.name == "สมชาย ใจดี"
        assert "สมชาย ใจดี (เจ้าหน้าที่)" in app.sub_title


async def test_an_officer_cannot_log_progress_on_another_units_measure(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        await open_measure(pilot, LEGAL_MEASURE)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)  # no form opened
        notes = [n.message for n in app._notifications]
        assert any("ไม่ได้รับผิดชอบมาตรการ #๘" in n or "#8" in n for n in notes)
        assert rows(app, "SELECT count(*) FROM progress WHERE measure_id = 8") == [(0,)]
        assert ("somchai", "log_progress") in rows(
            app, "SELECT login, action FROM access_events WHERE event = 'denied'"
        )


async def test_an_officer_ticks_their_own_checklist_and_logs_their_own_measure(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        measure = treasury_measure(app)
        await open_measure(pilot, measure)
        contents = app.screen.query_one("#contents", OptionList)
        contents.focus()
        contents.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        assert rows(
            app, "SELECT done_on, done_by FROM measure_contents WHERE measure_id = ?", (measure,)
        ) == [("2023-04-03", "สมชาย ใจดี")]
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        await clear_and_type(pilot, "50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(
            app, "SELECT percent, recorded_by FROM progress WHERE measure_id = ?", (measure,)
        ) == [(50, "สมชาย ใจดี")]


@pytest.mark.slow
async def test_an_officer_cannot_edit_the_plan_a_supervisor_can(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        await pilot.press("5", "a")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PlanScreen"
        assert any("ผู้บังคับบัญชา" in n.message for n in app._notifications)
    app = shared_app(tmp_path / "again")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "head", "head-pass-1")
        await pilot.press("5", "a")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "UnitForm"
        await open_measure_after_escape(pilot, LEGAL_MEASURE)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressForm)
        await clear_and_type(pilot, "20")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(app, "SELECT percent, recorded_by FROM progress WHERE measure_id = 8") == [
            (20, "หัวหน้าสำนักปลัด")
        ]


async def open_measure_after_escape(pilot, measure_id: int) -> None:
    await pilot.press("escape")
    await pilot.pause()
    await open_measure(pilot, measure_id)


@pytest.mark.slow
async def test_changing_ones_password_in_the_app(tmp_path):
    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        app.action_change_password()
        await pilot.pause()
        assert isinstance(app.screen, PasswordForm)
        await type_text(pilot, "wrong-current")
        await pilot.press("tab")
        await type_text(pilot, "brand-new-pass")
        await pilot.press("tab")
        await type_text(pilot, "brand-new-pass")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PasswordForm)
        assert "ไม่ถูกต้อง" in str(app.screen.query_one("#password-current-error", Static).render())
        app.screen.query_one("#password-current", Input).focus()
        await clear_and_type(pilot, "somchai-pass")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PasswordForm)
    assert authenticate(app.desk.db, "somchai", "brand-new-pass").login == "somchai"


async def test_single_user_needs_no_login_and_may_do_everything(tmp_path):
    from tests.app_helpers import sample_app

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, LoginScreen)
        assert app.actor.role == "administrator"
        await pilot.press("5", "a")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "UnitForm"


async def test_a_role_changed_while_the_app_is_open_applies_at_once(tmp_path):
    from ita_tui.db.people import update_person

    app = shared_app(tmp_path)
    administrator = open_database(tmp_path / "shared.db")  # another process, as it would be
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        assert not app.screen.allowed("edit_plan")
        update_person(administrator, SINGLE_USER, "somchai", role="supervisor")
        app.pick_up_other_writers()
        await pilot.pause()
        assert app.actor.role == "supervisor"
        assert app.screen.allowed("edit_plan")
        update_person(administrator, SINGLE_USER, "somchai", active=False)
        app.pick_up_other_writers()
        await pilot.pause()
        assert not app.is_running


async def test_login_and_password_typed_ahead_in_one_burst(tmp_path):
    """A terminal may deliver the login, Enter, the password and Enter in one read: each
    key must still land in its field, and the attempt must see the whole password."""
    from textual import events

    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst = [*"somchai", "enter", *"somchai-pass", "enter"]
        for key in burst:
            character = None if key == "enter" else key
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert app.actor is not None and app.actor.login == "somchai"


async def test_an_administrator_adds_a_person_in_the_app(tmp_path):
    from textual.widgets import Select, SelectionList

    from ita_tui.screens.person_forms import PersonForm

    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "admin", "admin-pass-1")
        await pilot.press("8")
        await pilot.pause()
        assert app.screen.query_one("#events-table").display  # the access record shows
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await type_text(pilot, "nid")
        app.screen.query_one("#person-name", Input).focus()
        await type_text(pilot, "นิด นิติ")
        app.screen.query_one("#person-role", Select).value = "supervisor"
        units = app.screen.query_one("#person-units", SelectionList)
        legal = queries.find_unit(app.desk.db, app.agency.id, "งานนิติการ").id
        units.select(legal)
        app.screen.query_one("#person-password", Input).focus()
        await type_text(pilot, "short")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)  # too short: said, nothing saved
        assert "8" in str(app.screen.query_one("#person-password-error", Static).render())
        assert rows(app, "SELECT count(*) FROM people WHERE login = 'nid'") == [(0,)]
        await clear_and_type(pilot, "nid-pass-123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PersonForm)
    assert rows(app, "SELECT name, role FROM people WHERE login = 'nid'") == [
        ("นิด นิติ", "supervisor")
    ]
    assert authenticate(app.desk.db, "nid", "nid-pass-123").unit_ids == frozenset({legal})


async def test_an_officer_sees_people_but_neither_changes_them_nor_the_record(tmp_path):
    from ita_tui.screens.person_forms import PersonForm

    app = shared_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "somchai", "somchai-pass")
        await pilot.press("8")
        await pilot.pause()
        assert app.screen.query_one("#people-table").row_count == 3
        assert not app.screen.query_one("#events-table").display
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, PersonForm)
        assert any("ผู้ดูแลระบบ" in n.message for n in app._notifications)


async def test_a_supervisor_hands_units_over_in_the_app(tmp_path):
    from textual.widgets import DataTable, Select

    from ita_tui.screens.person_forms import HandoverForm

    app = shared_app(tmp_path)
    add_person(app.desk.db, SINGLE_USER, "somsri", "สมศรี ขยัน", "officer", [], "somsri-pass")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "head", "head-pass-1")
        await pilot.press("8")
        await pilot.pause()
        table = app.screen.query_one("#people-table", DataTable)
        table.focus()
        logins = [key.value for key in table.rows]
        await pilot.press(*["down"] * logins.index("somchai"), "h")
        await pilot.pause()
        assert isinstance(app.screen, HandoverForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ผู้รับมอบ" in str(app.screen.query_one("#handover-to-error", Static).render())
        app.screen.query_one("#handover-to", Select).value = "somsri"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HandoverForm)
    somsri = authenticate(app.desk.db, "somsri", "somsri-pass")
    treasury = queries.find_unit(app.desk.db, queries.agency(app.desk.db).id, "กองคลัง").id
    assert somsri.unit_ids == frozenset({treasury})
    assert authenticate(app.desk.db, "somchai", "somchai-pass").unit_ids == frozenset()

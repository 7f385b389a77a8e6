"""Every default year follows today's fiscal year: on 30 Sep 2569 (fiscal year 2569) an agency
plans from the 2568 result; on 1 Oct 2569 fiscal year 2570 begins and the 2569 result is the one
in hand."""

from datetime import date

import pytest
from textual.widgets import Input

from ita_tui.app import ItaApp
from ita_tui.core.model import Plan
from ita_tui.core.thai_calendar import fiscal_year, result_year_in_hand, today
from ita_tui.db import open_database
from ita_tui.documents import snapshot
from ita_tui.screens.plan_forms import AssessmentForm, FindingForm
from ita_tui.widgets.timeline import Timeline

SIZE = (120, 35)
LAST_DAY_OF_2569 = date(2026, 9, 30)
FIRST_DAY_OF_2570 = date(2026, 10, 1)


@pytest.mark.parametrize(("day", "year", "in_hand"), [
    (LAST_DAY_OF_2569, 2569, 2568), (FIRST_DAY_OF_2570, 2570, 2569),
])  # fmt: skip
def test_the_fiscal_year_and_the_result_in_hand(freeze_today, day, year, in_hand):
    freeze_today(day)
    assert today() == day
    assert (fiscal_year(today()), result_year_in_hand(today())) == (year, in_hand)


def empty_agency_app(tmp_path) -> ItaApp:
    db = open_database(tmp_path / "app.db", create=True)
    snapshot.import_plan(db, Plan(agency="องค์การบริหารส่วนตำบลทดสอบ"), "test")
    return ItaApp(db, persist_settings=False, who="สมศรี")


async def open_form(app, pilot, tab):
    await pilot.press("5")
    await pilot.pause()
    app.screen.query_one("#plan-tabs").active = f"tab-{tab}"
    await pilot.pause()
    app.screen.query_one(f"#{tab}-table").focus()
    await pilot.press("a")
    await pilot.pause()


@pytest.mark.parametrize(("day", "in_hand"), [
    (LAST_DAY_OF_2569, "๒๕๖๘"), (FIRST_DAY_OF_2570, "๒๕๖๙"),
])  # fmt: skip
async def test_a_new_finding_and_result_default_to_the_result_in_hand(
    tmp_path, freeze_today, day, in_hand
):
    freeze_today(day)
    app = empty_agency_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.as_of == day
        await open_form(app, pilot, "findings")
        assert isinstance(app.screen, FindingForm)
        assert app.screen.query_one("#finding-year", Input).value == in_hand
        await pilot.press("escape")
        await pilot.pause()
        await open_form(app, pilot, "assessments")
        assert isinstance(app.screen, AssessmentForm)
        assert app.screen.query_one("#assessment-year", Input).value == in_hand


@pytest.mark.parametrize(("day", "year"), [(LAST_DAY_OF_2569, 2569), (FIRST_DAY_OF_2570, 2570)])
async def test_the_timeline_shows_todays_fiscal_year(tmp_path, freeze_today, day, year):
    freeze_today(day)
    assert Timeline().fiscal_year == year
    app = empty_agency_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one(Timeline).fiscal_year == year

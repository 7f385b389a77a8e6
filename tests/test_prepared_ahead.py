"""The app as people run it makes its sections ready in the background after the first frame, so
that a first visit costs what a later one does. What it makes ahead must show what a visit shows,
keys typed meanwhile must all arrive, in order, where they were meant, and nothing of it may
outlive the app (it runs many times in one test process)."""

import gc

from textual.coordinate import Coordinate

from ita_tui.screens import prepared_ahead
from ita_tui.screens.measure import MeasureScreen
from ita_tui.widgets.plain import DataTable
from tests.app_helpers import rows, sample_app, screen_lines
from tests.conftest import dump
from tests.test_keys import burst

SIZE = (120, 35)
SECTION_KEYS = "234567801"
MEETINGS = "SELECT attendees, notes FROM meetings"
PROGRESS = "SELECT measure_id, percent FROM progress"


async def prepared(pilot) -> None:
    """Until the app has made ready all it makes ahead."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, condition, seconds: float = 90.0) -> None:
    """Until `condition()` holds, as long as a loaded machine may take; fails if it never does."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def test_keys_typed_while_a_section_is_made_ahead_reach_it_in_order(tmp_path, monkeypatch):
    made_ahead = prepared_ahead.prepare_mode
    typed_during: list[str] = []

    def prepare_and_type(app, mode, make):
        made = made_ahead(app, mode, make)
        if mode == "measures":
            # Section 3's key taken the moment its screen is being made, before it is ready,
            # and keys for its table typed behind it.
            typed_during.append(mode)
            app.switch_mode(mode)
            burst(app, "down", "enter")
        return made

    monkeypatch.setattr(prepared_ahead, "prepare_mode", prepare_and_type)
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeasureScreen))
        assert typed_during == ["measures"]
        opened = app.screen.measure_id
        burst(app, "p", "4", "0", "ctrl+s")
        await until(pilot, lambda: rows(app, PROGRESS) and not app.screen.is_modal)
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#measure-table", DataTable)
        second_row = table.coordinate_to_cell_key(Coordinate(1, 0)).row_key.value
        await prepared(pilot)
    assert opened == int(second_row)
    assert rows(app, PROGRESS) == [(opened, 40)]


async def test_a_burst_after_the_sections_are_ready_lands_in_the_form(tmp_path):
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await prepared(pilot)
        burst(app, "6", "a", "tab", *"kanda", "tab", *"ok", "ctrl+s")
        await pilot.pause()
        await until(pilot, lambda: rows(app, MEETINGS) and not app.screen.is_modal)
    assert rows(app, MEETINGS) == [("kanda", "ok")]


async def test_the_forms_styles_are_read_ahead(tmp_path):
    """A form opened once the app has made ready what it makes ahead has its widgets' styles
    already read: the first one opened is as quick as the next."""
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await prepared(pilot)
        await pilot.press("3", "enter")
        await until(pilot, lambda: isinstance(app.screen, MeasureScreen))
        sources = list(app.stylesheet.source)
        for key in ("e", "s", "p"):
            await pilot.press(key)
            await until(pilot, lambda: app.screen.is_modal)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MeasureScreen))
        assert list(app.stylesheet.source) == sources


async def test_going_back_to_the_first_screen_restyles_nothing(tmp_path, monkeypatch):
    """The first screen, made while Textual was still setting its theme up, has its styles
    brought up to date with the sections made ahead: going back to it does not have Textual
    parse the whole stylesheet anew and restyle the app."""
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await prepared(pilot)
        restyled_all: list[str] = []
        refresh_css = app.refresh_css

        def counted(*args, **kwargs) -> None:
            restyled_all.append(app.current_mode)
            refresh_css(*args, **kwargs)

        monkeypatch.setattr(app, "refresh_css", counted)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert app.current_mode == "overview"
    assert restyled_all == []


async def still_screen(pilot, seconds: float = 10.0) -> list[str]:
    """The screen once it has stopped changing (an underline gliding on a busy machine
    may start late), for as long as a loaded machine needs."""
    import time

    deadline = time.monotonic() + seconds
    lines = screen_lines(pilot.app)
    while time.monotonic() < deadline:
        await pilot.pause(0.2)
        await pilot.wait_for_scheduled_animations()
        again = screen_lines(pilot.app)
        if again == lines:
            break
        lines = again
    return lines


async def sections_as_seen(tmp_path, prepare_ahead: bool) -> dict[str, list[str]]:
    """Every section's screen after a progress entry and a change of language made while the
    sections were not in view."""
    tmp_path.mkdir()
    app = sample_app(tmp_path, prepare_ahead=prepare_ahead)
    # What is compared is what the sections show, not where a tab's underline is in its glide:
    # with two suites running at once, a glide seen mid-way differed one run in two.
    app.animation_level = "none"
    seen = {}
    async with app.run_test(size=SIZE) as pilot:
        if prepare_ahead:
            await prepared(pilot)
        for key in ("3", "enter", "p", "7", "5", "ctrl+s", "escape", "1", "l"):
            await pilot.press(key)
            await pilot.pause()
        await until(pilot, lambda: not app.typed_ahead_waiting())
        for key in SECTION_KEYS:
            await pilot.press(key)
            await pilot.pause()
            # A section made earlier redraws in the new language as it shows: its tabs'
            # underline glides to the new width of their labels.
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            seen[key] = await still_screen(pilot)
    return seen


async def test_sections_made_ahead_show_what_a_first_visit_shows(tmp_path):
    made_ahead = await sections_as_seen(tmp_path / "ahead", prepare_ahead=True)
    opened = await sections_as_seen(tmp_path / "opened", prepare_ahead=False)
    assert any("75" in line or "๗๕" in line for line in made_ahead["3"])  # the new entry
    for key in SECTION_KEYS:
        assert made_ahead[key] == opened[key], key


async def test_making_ahead_writes_nothing(tmp_path):
    app = sample_app(tmp_path, prepare_ahead=True)
    before = dump(tmp_path / "app.db")
    async with app.run_test(size=SIZE) as pilot:
        await prepared(pilot)
    assert dump(tmp_path / "app.db") == before


async def test_quitting_while_sections_are_made_ahead_leaves_nothing_running(tmp_path):
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        preparing = list(app.workers)
        assert [worker.name for worker in preparing] == ["prepare-ahead"]
        assert not preparing[0].is_finished
        await pilot.press("q")
    assert preparing[0].is_finished


async def test_the_cycle_collector_is_left_as_it_was_found_however_the_app_ends(tmp_path):
    """The collector waits after a key and leaves alone what was made ahead, while the app runs;
    it is the process's, so the app gives it back whole however it ends, run after run."""
    frozen_before = gc.get_freeze_count()
    for run, ending in enumerate(["while making", "all made", "while making", "all made"]):
        (tmp_path / str(run)).mkdir()
        app = sample_app(tmp_path / str(run), prepare_ahead=True)
        app.COLLECTOR_PAUSE_SECONDS = 60  # a loaded machine may take seconds over a key
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if ending == "all made":
                await prepared(pilot)
                assert gc.get_freeze_count() > frozen_before
            assert gc.isenabled()
            await pilot.press("2")
            assert not gc.isenabled()  # the app ends while the collector waits
        assert gc.isenabled(), (run, ending)
        assert gc.get_freeze_count() == frozen_before, (run, ending)


async def plan_as_seen(tmp_path, prepare_ahead: bool, monkeypatch) -> list[str]:
    """Section 5 shown after a change of language, on a machine busy enough that Textual's
    pause of the redraw while it switches sections (`delay_update`) outlasts the section's
    relabelling of its tabs."""
    tmp_path.mkdir()
    app = sample_app(tmp_path, prepare_ahead=prepare_ahead)
    app.animation_level = "none"
    released: list[bool] = []

    def held_back(delay: float = 0.05) -> None:
        """Textual's own hold, made 0.5 s long, and known when it ends."""
        hold = app.batch_update()
        hold.__enter__()

        def release() -> None:
            hold.__exit__(None, None, None)
            app.screen.refresh()
            released.append(True)

        app.set_timer(0.5, release)

    monkeypatch.setattr(app, "delay_update", held_back)
    async with app.run_test(size=SIZE) as pilot:
        if prepare_ahead:
            await prepared(pilot)
        await pilot.press("l")
        await until(pilot, lambda: not app.typed_ahead_waiting())
        released.clear()
        await pilot.press("5")
        await until(pilot, lambda: bool(released))
        return await still_screen(pilot)


async def test_tabs_relabelled_as_their_section_shows_are_underlined_at_their_new_width(
    tmp_path, monkeypatch
):
    made_ahead = await plan_as_seen(tmp_path / "ahead", True, monkeypatch)
    opened = await plan_as_seen(tmp_path / "opened", False, monkeypatch)
    assert made_ahead == opened


async def test_a_section_made_ahead_is_shown_without_textuals_hold(tmp_path):
    """Textual holds the screen's frames back for 50 ms as it switches sections, to hide one
    being built; a section made ahead is shown by the next frame. One not made yet is still
    hidden while it is built."""
    app = sample_app(tmp_path, prepare_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await prepared(pilot)
        assert app._batch_count == 0
        app.switch_mode("measures")
        held_for_a_made_section = app._batch_count
        await pilot.pause()
        assert "แสดง ๑๑ จาก ๑๑" in "\n".join(screen_lines(app))
    app.desk.db.close()

    (tmp_path / "cold").mkdir()
    app = sample_app(tmp_path / "cold", prepare_ahead=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.switch_mode("measures")
        held_for_a_new_section = app._batch_count
        await pilot.pause(0.2)
    app.desk.db.close()
    assert (held_for_a_made_section, held_for_a_new_section) == (0, 1)

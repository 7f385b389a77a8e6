"""Keys as a Thai office types them: after Thai in a field the keyboard is still in the Kedmanee
layout, where `d` gives ก and `4` gives ภ. Every shortcut answers to its Kedmanee twin too, shows
once, and a keymap that moves it moves its twin; keys typed while a screen opens reach it."""

import importlib
import pkgutil

import pytest
from textual import events

import ita_tui.screens
from ita_tui import app as app_module
from ita_tui.core.keyboard_layout import SHORTCUT_KEYS, thai_twin, with_thai_twins
from ita_tui.files.settings import Settings
from ita_tui.screens.localized import Key
from tests.app_helpers import rows, sample_app, settled
from tests.test_app_flows import SIZE, open_measure


def every_key_list() -> dict[str, list[Key]]:
    """Every list of shortcuts the app installs, by where it lives."""
    found: dict[str, list[Key]] = {"app": app_module.APP_KEYS}
    for info in pkgutil.iter_modules(ita_tui.screens.__path__):
        module = importlib.import_module(f"ita_tui.screens.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, list) and value and all(isinstance(k, Key) for k in value):
                found[f"{info.name}.{name}"] = value
            keys = getattr(value, "KEYS", None)
            if isinstance(value, type) and keys and value.__module__ == module.__name__:
                found[f"{info.name}.{name}.KEYS"] = keys
    return found


def test_no_twin_is_a_shortcut_of_its_own():
    bound = {
        single for keys in every_key_list().values() for k in keys for single in k.key.split(",")
    }
    for key in bound:
        twin = thai_twin(key)
        assert twin is None or twin not in bound, (key, twin)
    # The shortcut keys the layout keeps clear of twins are shortcuts indeed.
    assert bound >= SHORTCUT_KEYS


def test_every_single_key_shortcut_has_a_twin_installed_beside_it():
    checked = 0
    for where, keys in every_key_list().items():
        for key in keys:
            for single in key.key.split(","):
                twin = thai_twin(single)
                if twin is None:
                    continue
                assert twin in with_thai_twins(key.key).split(","), (where, key)
                checked += 1
    assert checked >= 30


# (keys before, the twin pressed, what must follow)
TWINS = [
    ([], "ภ", "FollowUpScreen"),  # 4
    ([], "ๅ", "OverviewScreen"),  # 1
    (["4"], "minus", "MeasuresScreen"),  # 3 gives -
    ([], "ถ", "PlanScreen"),  # 5
    ([], "ุ", "MeetingsScreen"),  # 6
    ([], "ึ", "AnalysisScreen"),  # 7
    ([], "ค", "PeopleScreen"),  # 8
    ([], "ก", "AsOfForm"),  # d
    ([], "ป", "ExportForm"),  # x
    (["6"], "ฟ", "MeetingForm"),  # a
    (["5"], "ฟ", "UnitForm"),  # a
    (["8"], "ฟ", "PersonForm"),  # a
    (["3"], "ฝ", "MeasuresScreen"),  # / searches: focus moves to the search field
]


@pytest.mark.parametrize(("before", "twin", "screen"), TWINS)
async def test_a_shortcut_pressed_in_the_thai_layout_does_what_it_does_in_english(
    tmp_path, before, twin, screen
):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for key in before:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press(twin)
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        if twin == "ฝ":
            assert app.focused is not None and app.focused.id == "search"


async def test_the_measure_pages_keys_in_the_thai_layout(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        for twin, form in (("ย", "ProgressForm"), ("ห", "StatusForm"), ("ำ", "MeasureForm")):
            await pilot.press(twin)
            await pilot.pause()
            assert type(app.screen).__name__ == form, twin
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("อ")  # v, on the first item of the checklist
        await pilot.pause()
        assert type(app.screen).__name__ == "EvidenceForm"


async def test_language_and_help_in_the_thai_layout(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ส")  # l
        await pilot.pause()
        assert app.lang == "en"
        await pilot.press("ฦ")  # ?
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("ฦ")
        await pilot.pause()
        assert type(app.screen).__name__ != "HelpScreen"


@pytest.mark.parametrize(("answer", "deleted"), [("ั", True), ("ํ", True), ("ื", False)])
async def test_a_confirmation_answers_to_y_and_n_in_the_thai_layout(tmp_path, answer, deleted):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 3)
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press(answer)
        await pilot.pause()
        await pilot.pause()
    assert (rows(app, "SELECT count(*) FROM measures WHERE id = 3") == [(0,)]) is deleted


async def test_a_remapped_shortcut_takes_its_twin_along(tmp_path):
    app = sample_app(tmp_path, settings=Settings(keymap={"go-follow-up": "f"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ด")  # f in Kedmanee
        await pilot.pause()
        assert type(app.screen).__name__ == "FollowUpScreen"


async def test_ctrl_p_opens_the_command_palette_in_every_section(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for section in "12345678":
            await pilot.press(section)
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert type(app.screen).__name__ == "CommandPalette", section
            await pilot.press("escape")
            await pilot.pause()


def burst(app, *keys: str) -> None:
    """Keys as a practised typist sends them: all at once, no pause for a screen to open."""
    from ita_tui.core.keyboard_layout import key_name

    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key_name(key), key))
        else:
            app.post_message(events.Key(key, None))


async def test_keys_typed_while_the_progress_form_opens_land_in_it(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        burst(app, "p", "4", "0", "ctrl+s")
        await keys_done(pilot)
        assert type(app.screen).__name__ == "MeasureScreen"
    assert rows(app, "SELECT percent FROM progress") == [(40,)]


async def keys_done(pilot) -> None:
    """Until every key typed has reached where it was meant for and done its work, for as long
    as a loaded machine needs (a fixed pause was too short one run in four with two suites
    running at once); a test then asserts where they landed."""
    app = pilot.app
    await settled(pilot, lambda: not app.typed_ahead_waiting())
    await pilot.pause()


BURSTS = [
    # (keys before, the burst, what the database holds after)
    (
        ["6"],
        ["a", "tab", *"kanda", "tab", *"ok", "ctrl+s"],
        ("SELECT attendees, notes FROM meetings", [("kanda", "ok")]),
    ),
    (
        ["5"],
        ["a", *"unit-x", "ctrl+s"],
        ("SELECT count(*) FROM units WHERE name = 'unit-x'", [(1,)]),
    ),
    (
        ["8"],
        ["a", *"nid", "tab", *"nida", "ctrl+s"],
        ("SELECT login, name FROM people", [("nid", "nida")]),
    ),
    (
        [],
        # The date field's text is selected when it opens: what is typed replaces it.
        ["d", *"1/3/2566", "ctrl+s"],
        (None, "2023-03-01"),
    ),
]


@pytest.mark.parametrize(("before", "keys", "expected"), BURSTS)
async def test_a_burst_typed_into_a_form_as_it_opens_arrives_whole(
    tmp_path, before, keys, expected
):
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for key in before:
            await pilot.press(key)
            await pilot.pause()
        burst(app, *keys)
        await keys_done(pilot)
        assert not app.screen.is_modal
    sql, wanted = expected
    if sql is None:
        assert app.as_of.isoformat() == wanted
    else:
        assert rows(app, sql) == wanted


async def test_a_slow_form_keeps_its_keys_past_the_deadline_of_the_screen_before_it(
    tmp_path, monkeypatch
):
    """Each hold has its own deadline: the measure page's, long after the page got ready, must
    not hand the progress form's keys out while the form is still opening (a busy machine)."""
    import time

    from ita_tui.screens.progress_form import ProgressForm

    fields = ProgressForm.fields

    def slow_fields(form):
        time.sleep(0.7)
        yield from fields(form)

    monkeypatch.setattr(ProgressForm, "fields", slow_fields)
    app = sample_app(tmp_path)
    # Shorter than the form takes to open: only the time the app has nothing to do counts.
    app.HOLD_KEYS_SECONDS = 0.2
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        await pilot.pause(0.5)
        burst(app, "p", "4", "0", "ctrl+s")
        await keys_done(pilot)
        assert type(app.screen).__name__ == "MeasureScreen"
    assert rows(app, "SELECT percent FROM progress") == [(40,)]


async def test_editing_keys_typed_fast_act_in_the_order_they_were_typed(tmp_path):
    """Backspace, home, end, the arrows and ctrl+k were Textual bindings run after the letters
    typed behind them: "a b backspace d" typed fast gave "ab"."""
    from textual.widgets import Input

    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        burst(app, *"abc", "backspace", "backspace", "d", "ctrl+a", "x", "end", "y", "left")
        burst(app, "z", "ctrl+k")
        await keys_done(pilot)
        assert app.screen.query_one("#meeting-attendees", Input).value == "xadz"


async def test_a_measure_opened_and_its_progress_logged_in_one_burst_saves_what_was_typed(tmp_path):
    """Enter, p, 4, 0, ctrl+s typed at once from the Measures section, on a first visit of the
    measure page: each key waits for the screen the key before opened."""
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("down")
        burst(app, "enter", "p", "4", "0", "ctrl+s")
        await settled(pilot, lambda: rows(app, "SELECT count(*) FROM progress") != [(0,)])
        await keys_done(pilot)
        assert type(app.screen).__name__ == "MeasureScreen"
    assert rows(app, "SELECT measure_id, percent FROM progress") == [(2, 40)]


async def test_a_percent_typed_in_the_thai_layout_is_the_number_its_keys_say(tmp_path):
    """p, 4, 0, ctrl+s with the keyboard in Kedmanee gives ย, ภ, จ: 40% all the same."""
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_measure(pilot, 2)
        burst(app, "ย", "ภ", "จ", "ctrl+s")
        await keys_done(pilot)
        assert type(app.screen).__name__ == "MeasureScreen"
    assert rows(app, "SELECT percent FROM progress") == [(40,)]


def test_the_command_line_reads_a_percent_typed_in_the_thai_layout(tmp_path, run):
    database = tmp_path / "plan.db"
    assert run("--db", str(database), "init", "--sample").code == 0
    assert (
        run("--db", str(database), "log", "2", "--percent", "ๅจจ", "--date", "2023-04-01").code == 0
    )
    assert (
        run("--db", str(database), "log", "2", "--percent", "ภก", "--date", "2023-04-01").code == 2
    )


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_the_palette_speaks_the_users_language_and_lists_none_of_textuals_own(tmp_path, lang):
    from textual.command import CommandPalette

    app = sample_app(tmp_path, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert not {"Maximize", "Minimize", "Screenshot", "Theme"} & set(titles)
        callbacks = {getattr(command.callback, "__name__", "") for command in commands}
        assert not {"action_change_theme", "action_show_help_panel"} & callbacks
        assert {"action_quit", "action_toggle_help"} <= callbacks
        if lang == "th":
            assert all(any("\u0e00" <= c <= "\u0e7f" for c in title) for title in titles), titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_keys_held_for_a_screen_that_never_gets_ready_go_out_once_the_app_is_idle(tmp_path):
    """The keyboard is never kept by a screen that failed to open: once the app has had nothing
    to do for the hold's time, the keys held reach the screen in view."""
    app = sample_app(tmp_path)
    app.HOLD_KEYS_SECONDS = 0.3
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.hold_keys()  # as a screen starting to open does; this one never will
        burst(app, "3")
        await keys_done(pilot)
        assert type(app.screen).__name__ == "MeasuresScreen"

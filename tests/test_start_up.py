"""What the program does as it starts, so that its first frame comes quickly (benchmarks/first_frame.py
measures how quickly): commands loaded by name, the cycle collector paused until the start is over,
and each screen made styled and focused as it will first be drawn."""

import gc
import json
import os
import subprocess
import sys

import click
import pytest

from ita_tui.cli import cli, main
from ita_tui.cli.group import COMMANDS
from ita_tui.core import collector
from tests.app_helpers import sample_app

COMMAND_MODULES = sorted({f"ita_tui.cli.{module}" for module, _ in COMMANDS.values()})

LOADED = """
import json, sys
{setup}
print(json.dumps(sorted(m for m in sys.modules if m.startswith("ita_tui.cli."))))
"""


def loaded_command_modules(setup: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED.format(setup=setup)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1])) & set(COMMAND_MODULES)


def test_the_group_imports_no_command_until_one_is_named(sample_db):
    assert loaded_command_modules("import ita_tui.cli") == set()
    named = loaded_command_modules(
        "from ita_tui.cli import main\n"
        "try:\n"
        f"    main(['--db', {str(sample_db)!r}, 'overdue', '--as-of', '2023-04-03', '--json'])\n"
        "except SystemExit:\n"
        "    pass"
    )
    assert named == {"ita_tui.cli.follow_up"}


def test_every_command_is_found_by_its_name_and_listed():
    context = click.Context(cli)
    assert cli.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None and command.name == name, name
    assert cli.get_command(context, "no-such-command") is None


def test_an_unknown_command_is_still_a_usage_error_in_the_users_language(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "en", "no-such-command"])
    assert ended.value.code == 2
    assert "no-such-command" in capsys.readouterr().err


@pytest.fixture
def paused_collector():
    """The collector as `ita-tui` leaves it when started from a shell; put back after."""
    assert gc.isenabled()
    collector.pause_while_starting()
    try:
        yield
    finally:
        collector.started()
        gc.enable()
        gc.unfreeze()


def test_a_command_turns_the_collector_back_on_as_its_work_begins(
    sample_db, paused_collector, capsys
):
    assert not gc.isenabled()
    with pytest.raises(SystemExit) as ended:
        main(["--db", str(sample_db), "overdue", "--as-of", "2023-04-03", "--json"])
    assert ended.value.code == 0
    assert gc.isenabled()


async def test_the_app_turns_the_collector_back_on_once_its_first_frame_is_drawn(
    paused_collector, tmp_path
):
    app = sample_app(tmp_path)
    assert not gc.isenabled()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        # What the start made is kept out of the collector's rounds rather than gone through at
        # once in its first round.
        assert gc.get_freeze_count() > 0


async def test_opening_each_section_the_first_time_does_not_restyle_the_whole_app(tmp_path):
    """Textual restyles the whole app, every stylesheet parsed anew, the first time it shows a
    mode's screen, unless the screen is marked styled as the app is."""
    app = sample_app(tmp_path)
    restyled = []
    refresh_css = app.refresh_css

    def counted(animate: bool = True) -> None:
        restyled.append(app.screen)
        refresh_css(animate)

    app.refresh_css = counted  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in "234567813":
            await pilot.press(key)
            await pilot.pause()
        assert restyled == []


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_a_screen_has_the_classes_of_the_terminals_size_from_the_start(tmp_path, size):
    """The size classes app.tcss lays small terminals out by are there as the screen is made,
    not only after Textual has laid it out and drawn it once."""
    from ita_tui.screens.measure import MeasureScreen
    from ita_tui.screens.progress_form import ProgressForm

    app = sample_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        expected = {"-narrow", "-short"} if size == (80, 24) else {"-wide", "-tall"}
        assert expected <= set(app.screen.classes)
        made = MeasureScreen(1)
        assert expected <= set(made.classes)
        form = ProgressForm(1, 0)
        assert expected <= set(form.classes)


async def test_each_section_opens_with_its_main_widget_focused(tmp_path):
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        focused = {}
        for key, section in [("1", "overview"), ("3", "measures"), ("4", "follow_up")]:
            await pilot.press(key)
            await pilot.pause()
            focused[section] = app.focused.id if app.focused else None
        assert focused == {
            "overview": "indicator-table",
            "measures": "measure-table",
            "follow_up": "timeline",
        }


SAMPLE_AGAIN = """
import json, sys, tempfile
from pathlib import Path
from ita_tui.desk import sample_store
sample_store(Path(tempfile.mkdtemp()) / "demo.db", "สมศรี").close()
print(json.dumps("ita_tui.documents.snapshot" in sys.modules))
"""


def test_a_demo_started_again_copies_its_kept_sample_without_the_snapshot_reader(tmp_path):
    environment = {**os.environ, "ITA_TUI_CACHE": str(tmp_path)}

    def snapshot_reader_loaded() -> bool:
        done = subprocess.run(
            [sys.executable, "-c", SAMPLE_AGAIN],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        return json.loads(done.stdout.splitlines()[-1])

    assert snapshot_reader_loaded()  # the first demo builds the sample from the plan file
    assert not snapshot_reader_loaded()


@pytest.mark.parametrize(("columns", "rows"), [(80, 24), (140, 40)])
def test_the_first_frame_the_app_sends_is_the_whole_screen(sample_db, tmp_path, columns, rows):
    """Drawn by a terminal from the app's first frame alone, the screen shows the whole overview
    (its title, section bar, score line, table and the footer's keys), not only the part Textual
    redrew after the start. Its top line names the agency from the first frame on: Textual's
    header showed "ita-tui" there until a frame later."""
    import time

    import pyte

    from tests.pseudo_terminal import SYNC_END, Terminal, ThaiScreen

    terminal = Terminal.start(
        ["--lang", "th", "--db", str(sample_db)], str(tmp_path / "settings.toml"), columns, rows
    )
    try:
        deadline = time.monotonic() + 30
        while not terminal.frames:
            terminal.check(deadline, "no frame came")
            time.sleep(0.01)
        first = bytes(terminal.transcript)
        first = first[: first.index(SYNC_END) + len(SYNC_END)]
    finally:
        terminal.stop()
    screen = ThaiScreen(columns, rows)
    pyte.ByteStream(screen).feed(first)
    shown = "\n".join(screen.display)
    assert "คะแนนรวม" in shown, shown
    assert "เทศบาลตำบลมวกเหล็ก — ณ วันที่" in screen.display[0], shown
    assert "1 ภาพรวม" in shown and "การปฏิบัติหน้าที่" in shown, shown
    assert "q ออก" in screen.display[-1], shown

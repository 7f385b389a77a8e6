"""What each section and form looks like, in Thai at 80x24 (a first-class size) and 140x40, and
the sections once in English: the sample plan's real Thai strings, a very long Thai text from
the hostile corpus in a method and a note, a fixed as-of date and a fixed terminal size.

Update with `pytest tests/test_snapshots.py --snapshot-update` after a deliberate change, and
look at the report before accepting it."""

from datetime import date
from pathlib import Path

import pytest

from ita_tui.db import writes
from ita_tui.files.settings import Settings
from tests.app_helpers import sample_app, settled
from tests.hostile import ACCEPTED

LONG_THAI = next(case.text for case in ACCEPTED if case.name.startswith("long Thai"))
SIZES = {"80x24": (80, 24), "140x40": (140, 40)}
MEASURE = ["3", "down", "enter"]

SECTIONS = [
    ("overview", []),
    ("indicators", ["2"]),
    ("measures", ["3"]),
    ("measure", MEASURE),
    ("follow_up", ["4"]),
    ("plan", ["5"]),
    ("meetings", ["6"]),
    ("analysis", ["7"]),
    ("people", ["8"]),
    ("agencies", ["0"]),
]
FORMS = [
    ("progress_form", [*MEASURE, "p"]),
    ("status_form", [*MEASURE, "s"]),
    ("measure_form", [*MEASURE, "e"]),
    ("evidence_form", [*MEASURE, "v"]),
    ("confirm_delete", [*MEASURE, "delete"]),
    ("as_of_form", ["d"]),
    ("export_form", ["x"]),
    ("unit_form", ["5", "a"]),
    ("new_year_form", ["5", "y"]),
    ("meeting_form", ["6", "a"]),
    ("decision_form", ["6", "n"]),
    ("report_form", ["6", "r"]),
    ("person_form", ["8", "a"]),
    ("help", ["3", "question_mark"]),
]


# The export and pack forms show the output folder: one path for every run, never written to here.
OUTPUT_FOLDER = Path("/srv/ita-tui/output")


def snapshot_app(tmp_path, **options):
    options.setdefault("settings", Settings(output_dir=OUTPUT_FOLDER))
    app = sample_app(tmp_path, sample=True, **options)
    # Text an import or a form would store; the search index is not looked at here.
    app.desk.db.execute("UPDATE measures SET method = ? WHERE id = 1", (LONG_THAI,))
    app.desk.db.conn.commit()
    writes.log_progress(
        app.desk.db, 2, date(2023, 3, 15), 40, "สมศรี", date(2023, 4, 3), note=LONG_THAI
    )
    meeting = writes.add_meeting(app.desk.db, 1, date(2023, 3, 1), "ประธาน", "คณะผู้บริหาร")
    writes.add_decision(
        app.desk.db, 1, meeting, "เร่งจัดทำรายงานรอบ ๖ เดือน", 2, due_on=date(2023, 3, 31)
    )
    return app


async def settle(pilot):
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def pressing(keys):
    """Type the keys, then wait until each has reached where it was meant for before the
    screenshot: a key typed while the one before it is at work waits its turn in the app
    (type-ahead), outside the message queues that the snapshot plugin's pauses wait on, so on
    a busy machine the plugin would take the picture with keys still to come. Found by running
    the suite twice at once: form pictures differed one run in four."""

    async def run_before(pilot):
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settled(pilot, lambda: not pilot.app.typed_ahead_waiting())
        await settle(pilot)
        # A field's cursor blinks: half a second after the field took the focus it is gone,
        # and on a busy machine the picture comes that late. Steady, it is in every picture.
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False
        await settle(pilot)

    return run_before


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize(("name", "keys"), SECTIONS + FORMS, ids=[n for n, _ in SECTIONS + FORMS])
def test_screens_in_thai(snap_compare, tmp_path, name, keys, size):
    assert snap_compare(
        snapshot_app(tmp_path), terminal_size=SIZES[size], run_before=pressing(keys)
    )


@pytest.mark.slow
@pytest.mark.parametrize(("name", "keys"), SECTIONS, ids=[n for n, _ in SECTIONS])
def test_sections_in_english(snap_compare, tmp_path, name, keys):
    app = snapshot_app(tmp_path, lang="en", digits="arabic")
    assert snap_compare(app, terminal_size=SIZES["140x40"], run_before=pressing(keys))

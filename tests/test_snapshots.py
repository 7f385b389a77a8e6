"""What each screen looks like, with the sample plan's real Thai strings, a fixed as-of date
and a fixed terminal size. Update with `pytest --snapshot-update` after a deliberate change,
and look at the report before accepting it."""

import pytest

from tests.app_helpers import sample_app

MEETING = (120, 35)
SMALL = (80, 24)


async def settle(pilot):
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


@pytest.mark.parametrize(
    ("name", "keys", "size"),
    [
        ("overview", [], MEETING),
        ("indicators", ["2"], MEETING),
        ("measures", ["3"], MEETING),
        ("measure", ["3", "down", "enter"], MEETING),
        ("progress_form", ["3", "down", "enter", "p"], MEETING),
        ("follow_up", ["4"], MEETING),
        ("follow_up_small", ["4"], SMALL),
        ("plan", ["5"], MEETING),
        ("meetings", ["6"], MEETING),
        ("analysis", ["7"], MEETING),
        ("agencies", ["0"], MEETING),
    ],
)
def test_screens_in_thai(snap_compare, tmp_path, name, keys, size):
    assert snap_compare(
        sample_app(tmp_path, sample=True), press=keys, terminal_size=size, run_before=settle
    )


def test_follow_up_in_english(snap_compare, tmp_path):
    app = sample_app(tmp_path, lang="en", digits="arabic")
    assert snap_compare(app, press=["4"], terminal_size=MEETING, run_before=settle)

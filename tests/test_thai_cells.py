"""A cut through Thai text keeps each letter's marks with it: Textual redraws only the parts of a
line that changed, and a letter redrawn without the marks that followed it loses them on the
user's terminal (the footer's `esc กลับ` read `esc กลบ` after a form closed; the pseudo-terminal
scenes of tests/test_type_ahead_terminal.py show it)."""

import pytest
from rich.segment import Segment
from textual.strip import Strip

from tests.app_helpers import sample_app


@pytest.fixture(autouse=True)
def app_made(tmp_path):
    """The app installs the cut when it is made."""
    sample_app(tmp_path)


@pytest.mark.parametrize(
    ("text", "cut", "before", "after"),
    [
        ("esc กลับ", 6, "esc กลั", "บ"),
        ("ที่นี่", 1, "ที่", "นี่"),
        ("ที่นี่", 2, "ที่นี่", ""),
        ("น้ำ", 1, "น้", "ำ"),
        ("abc", 1, "a", "bc"),
        ("แผนใหม่", 0, "", "แผนใหม่"),
    ],
)
def test_a_cut_leaves_no_mark_at_the_start_of_what_follows(text, cut, before, after):
    assert Segment(text).split_cells(cut) == (Segment(before), Segment(after))


def test_the_parts_textual_redraws_of_a_line_each_hold_whole_letters():
    parts = Strip([Segment("esc"), Segment(" กลับ ที่นี่")]).divide([6, 9, 10])
    assert [part.text for part in parts] == ["esc กลั", "บ ที่", "นี่"]

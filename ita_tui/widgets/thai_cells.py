"""A cut through a line of text keeps each Thai letter's marks with it.

Rich cuts a segment of text at a cell by counting cells, and a Thai vowel or tone mark above or
below a letter takes none: where it lands is chance, and `Segment.split_cells` often leaves the
marks at the start of the part after the cut (`กลับ` cut after two cells: `กล` | `ับ`, and
`ที่` can lose its tone mark alone). Textual cuts each line of the screen where widgets' edges
fall and sends the terminal only the parts that changed; a letter sent again without its marks
loses them on the terminal, which keeps a mark with the letter it was drawn after. So after a
form closed, the footer's `esc กลับ` read `esc กลบ` on the user's terminal until something
redrew the whole line. Installed, a cut never leaves a mark at the start of the part after it:
the marks go with the letter before the cut."""

from rich.cells import get_character_cell_size
from rich.segment import Segment

_rich_split_cells = Segment.split_cells


def split_keeping_marks(segment: Segment, cut: int) -> tuple[Segment, Segment]:
    before, after = _rich_split_cells(segment, cut)
    text = after.text
    marks = 0
    # Below U+0300 no character is a mark: the common case costs one comparison.
    while (
        marks < len(text) and text[marks] >= "\u0300" and not get_character_cell_size(text[marks])
    ):
        marks += 1
    if not marks:
        return before, after
    return (
        Segment(before.text + text[:marks], before.style, before.control),
        Segment(text[marks:], after.style, after.control),
    )


def install() -> None:
    """Every cut Rich and Textual make from now on keeps the marks with their letter."""
    Segment.split_cells = split_keeping_marks  # type: ignore[method-assign,assignment]

"""The title line at the top of every screen: the agency's name and the as-of date as text, cut at a
word where the terminal is narrow, and its icon opening the command palette."""

import pytest
from textual.command import CommandPalette

from ita_tui.core import thai_lines
from ita_tui.core.text import visible
from tests.app_helpers import sample_app, screen_lines, screen_rows
from tests.hostile import ONE_LINE


@pytest.mark.parametrize("case", ONE_LINE, ids=[case.name for case in ONE_LINE])
async def test_the_title_shows_any_agency_name_as_the_letters_it_is(tmp_path, case):
    app = sample_app(tmp_path, sample=True)
    async with app.run_test(size=(140, 40)) as pilot:
        app.title = case.text
        await pilot.pause()
        top = screen_rows(app)[0]
        shown = "".join(segment.text for segment in top)
        meta = [segment.style.meta for segment in top if segment.style and segment.style.meta]
    app.desk.db.close()
    name = visible(case.text, one_line=True)
    room = 140 - 8 - 10
    kept = name[: thai_lines.cut_at(f"{name} — ", room)]
    assert kept.strip() and kept.strip() in shown, (kept, shown)
    assert not any("@click" in m for m in meta), meta
    assert "ณ วันที่" in shown or thai_lines.ELLIPSIS in shown


async def test_a_narrow_terminal_cuts_the_title_at_a_word_with_an_ellipsis(tmp_path):
    app = sample_app(tmp_path, sample=True)
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        top = screen_lines(app)[0]
        whole = f"{app.title} — {app.sub_title}"
    app.desk.db.close()
    # Up to the last whole word that fits in what the icon and the clock's space leave.
    kept = whole[: thai_lines.cut_at(whole, 50 - 8 - 10)]
    assert top.split()[0] == "⭘"
    assert top.rstrip().endswith(kept + thai_lines.ELLIPSIS), (kept, top)
    assert kept.startswith("เทศบาลตำบลมวกเหล็ก — ณ วันที่") and "๒๕๖๖" not in top


async def test_clicking_the_icon_opens_the_command_palette(tmp_path):
    app = sample_app(tmp_path, sample=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("TitleBar", offset=(1, 0))
        await pilot.pause()
        opened = isinstance(app.screen, CommandPalette)
    app.desk.db.close()
    assert opened

"""Thai on the screen at 80×24: a long title and method wrap between words, never inside one, and
a table cell narrower than its title ends at a word with "…"."""

from importlib import resources

from rich.cells import cell_len

from ita_tui.app import ItaApp
from ita_tui.core.thai_lines import ELLIPSIS, pieces
from ita_tui.db import open_database
from ita_tui.documents import snapshot
from ita_tui.documents.snapshot_validation import validate
from ita_tui.screens.messages import OpenMeasure
from ita_tui.widgets.plain import DataTable
from tests.app_helpers import DEMO_AS_OF, screen_lines
from tests.hostile import ACCEPTED

SIZE = (80, 24)
# Two hundred letters of Thai without a single space, from the shared hostile corpus.
LONG_THAI = next(case.text for case in ACCEPTED if case.name.startswith("long Thai"))
# Borders, scroll bars and padding around the text on a line.
FRAME = "│┃║▁▂▃▄▅▆▇█▔▌▐▊▎▏┆┊ \u00a0"


def app_with_long_title(tmp_path) -> ItaApp:
    text = resources.files("ita_tui").joinpath("data", snapshot.SAMPLE_PLAN).read_text("utf-8")
    document = snapshot.loads(text, snapshot.SAMPLE_PLAN)
    document["measures"][0]["title"] = LONG_THAI
    db = open_database(tmp_path / "app.db", create=True)
    snapshot.import_plan(db, validate(document), "test")
    return ItaApp(db, as_of=DEMO_AS_OF, persist_settings=False, who="สมศรี")


def word_ends(text: str) -> set[int]:
    """Where words begin and end in the text with its spaces taken out."""
    ends, position = {0}, 0
    for piece in pieces(text):
        position += len("".join(piece.split()))
        ends.add(position)
    return ends


def lines_holding(screen: list[str], text: str) -> list[str]:
    """The consecutive screen lines that show `text` from its start to its end, each as the
    part of the text it shows (spaces taken out); fails if the text is not shown whole."""
    letters = "".join(text.split())
    for first, line in enumerate(screen):
        shown = "".join(line.strip(FRAME).split())
        if not shown or not letters.startswith(shown):
            continue
        parts, position = [], 0
        for later in screen[first:]:
            shown = "".join(later.strip(FRAME).split())
            if not shown or not letters.startswith(shown, position):
                break
            parts.append(shown)
            position += len(shown)
        if position == len(letters):
            return parts
    raise AssertionError(f"not shown whole on one run of lines: {text[:30]}…")


def assert_wrapped_between_words(screen: list[str], text: str) -> None:
    parts = lines_holding(screen, text)
    assert len(parts) > 1, "the text should be long enough to wrap"
    ends, position = word_ends(text), 0
    for part in parts:
        assert position in ends, f"a line starts inside a word: {part[:12]}"
        position += len(part)
        assert position in ends, f"a line ends inside a word: {part[-12:]}"


async def test_a_long_thai_title_and_method_wrap_between_words_at_80_by_24(tmp_path):
    app = app_with_long_title(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenMeasure(1))
        await pilot.pause()
        measure = app.screen.measure
        assert measure is not None and measure.title == LONG_THAI
        screen = screen_lines(app)
        assert_wrapped_between_words(screen, f"#{app.num(1)} {LONG_THAI}")
        body = app.screen.query_one("#measure-body")
        body.scroll_visible(animate=False, top=True)
        await pilot.pause()
        assert_wrapped_between_words(screen_lines(app), measure.method)
        assert all(cell_len(line) <= SIZE[0] for line in screen_lines(app))


def assert_cut_at_a_word(screen: list[str], text: str) -> None:
    shown = next(line for line in screen if text[:6] in line)
    start = shown.index(text[:6])
    end = shown.find(ELLIPSIS, start)
    assert end != -1, f"cut without {ELLIPSIS}: {shown[start:]}"
    kept = shown[start:end]
    assert text.startswith(kept)
    assert len(kept) in word_prefix_lengths(text), f"cut inside a word: {kept[-12:]}"


def word_prefix_lengths(text: str) -> set[int]:
    lengths, position = set(), 0
    for piece in pieces(text):
        lengths.add(position + len(piece.rstrip()))
        position += len(piece)
    return lengths


async def test_a_title_too_long_for_its_column_ends_at_a_word_with_an_ellipsis(tmp_path):
    app = app_with_long_title(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count > 0
        assert_cut_at_a_word(screen_lines(app), LONG_THAI)


async def test_the_timeline_labels_end_at_a_word_with_an_ellipsis(tmp_path):
    app = app_with_long_title(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert_cut_at_a_word(screen_lines(app), LONG_THAI)


async def test_a_list_option_wraps_between_words():
    """The checklist of what a report must contain, and other lists, wrap their options too."""
    from textual.app import App, ComposeResult

    from ita_tui.widgets.plain_fields import OptionList

    class Listing(App):
        CSS = "OptionList { width: 40; }"

        def compose(self) -> ComposeResult:
            yield OptionList(LONG_THAI, "สั้น")

    app = Listing()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_wrapped_between_words(screen_lines(app), LONG_THAI)

"""ita-tui touches Textual's private attributes in one module only, and Textual still honours what
that module does: a Textual upgrade that breaks it fails here, naming the module to change."""

import ast
import importlib
import inspect
import pkgutil
import textwrap
from functools import cache
from pathlib import Path

import textual
import textual.widgets
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer

import ita_tui
from ita_tui.widgets.textual_internals import (
    class_bindings,
    messages_waiting,
    prepare_mode,
    replace_bindings,
    settle,
)

WRAPPER = Path(ita_tui.__file__).parent / "widgets" / "textual_internals.py"


class Marking(Screen):
    BINDINGS = [Binding("a", "mark('old')", "Old words", id="mark")]

    def compose(self) -> ComposeResult:
        yield Footer()

    def action_mark(self, word: str) -> None:
        self.app.marks.append(word)


class Marker(App):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(Marking())


def descriptions(screen: Screen) -> dict[str, str]:
    return {key: active.binding.description for key, active in screen.active_bindings.items()}


def test_class_bindings_hold_what_the_class_declares_and_inherits():
    keys = {binding.key for binding in class_bindings(Marker)}
    assert {"ctrl+q", "ctrl+c"} <= keys  # Textual's App declares these
    assert "a" in {binding.key for binding in class_bindings(Marking)}
    assert "tab" in {binding.key for binding in class_bindings(Marking)}  # from Screen


async def test_replaced_bindings_are_what_the_footer_the_keys_and_the_keymap_use():
    app = Marker()
    async with app.run_test() as pilot:
        screen = app.screen
        assert descriptions(screen)["a"] == "Old words"
        kept = [b for b in class_bindings(type(screen)) if b.id != "mark"]
        replace_bindings(screen, [*kept, Binding("a", "mark('new')", "New words", id="mark")])
        screen.refresh_bindings()
        await pilot.pause()
        assert descriptions(screen)["a"] == "New words"
        assert "tab" in descriptions(screen)  # what the class had stays
        footer_keys = [str(key.description) for key in screen.query("FooterKey")]
        assert "New words" in footer_keys and "Old words" not in footer_keys
        await pilot.press("a")
        assert app.marks == ["new"]
        app.set_keymap({"mark": "b"})
        await pilot.pause()
        await pilot.press("b")
        assert app.marks == ["new", "new"]
        assert descriptions(screen).get("b") == "New words" and "a" not in descriptions(screen)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def _set_on_self(source_file: str) -> dict[str, set[str]]:
    """For each class of a Textual module, the private attributes its methods set on `self`."""
    tree = ast.parse(Path(source_file).read_text(encoding="utf-8"))
    classes: dict[str, set[str]] = {}
    for definition in ast.walk(tree):
        if isinstance(definition, ast.ClassDef):
            classes[definition.name] = {
                node.attr
                for node in ast.walk(definition)
                if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and _private(node.attr)
            }
    return classes


@cache
def _private_names_of(cls: type) -> set[str]:
    """The private names a Textual class and its Textual bases define: class attributes and
    methods, and attributes their methods set on `self`."""
    names = {name for name in dir(cls) if _private(name)}
    for base in cls.__mro__:
        if base.__module__.startswith("textual"):
            names |= _set_on_self(inspect.getsourcefile(base)).get(base.__name__, set())
    return names


@cache
def _everywhere() -> set[str]:
    return set().union(*(_private_names_of(cls) for cls in _textual_node_classes()))


def _textual_node_classes() -> list[type]:
    widgets = [getattr(textual.widgets, name) for name in textual.widgets.__all__]
    return [App, Screen, ModalScreen, Widget] + [
        w for w in widgets if inspect.isclass(w) and issubclass(w, DOMNode)
    ]


def _ita_tui_modules():
    for info in pkgutil.walk_packages(ita_tui.__path__, "ita_tui."):
        if not info.name.endswith(".__main__"):
            yield importlib.import_module(info.name)


def _private_uses(module) -> list[str]:
    everywhere = _everywhere()
    found = []
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    # Another object's private Textual attribute (`node._bindings`, `screen._compositor`).
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in everywhere
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"{module.__name__}:{node.lineno} .{node.attr}")
    # A subclass defining or setting a name its Textual bases keep for themselves (such as
    # `_on_paste`), which replaces or disturbs Textual's own.
    for cls in vars(module).values():
        if not (
            inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__
        ):
            continue
        textual_bases = [b for b in cls.__mro__ if b.__module__.startswith("textual")]
        reserved = set().union(*(_private_names_of(b) for b in textual_bases))
        for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(cls)))):
            name = None
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                name = node.name
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                name = node.attr if node.value.id in ("self", "cls") else None
            if name in reserved:
                found.append(f"{cls.__module__}.{cls.__name__} .{name}")
    return found


def test_no_module_but_the_wrapper_uses_a_private_textual_name():
    found = [
        use
        for module in _ita_tui_modules()
        if Path(module.__file__) != WRAPPER
        for use in _private_uses(module)
    ]
    assert found == [], f"private Textual names outside {WRAPPER.name}: {found}"


def test_the_scan_sees_what_the_wrapper_uses():
    from ita_tui.widgets import textual_internals

    uses = {use.split(" ")[-1] for use in _private_uses(textual_internals)}
    # Bindings replaced on a live node; an option list's options drawn our way (Thai between
    # words: tests/test_thai_wrapping_on_screen.py fails if Textual stops calling it); screens
    # made ahead, unseen (tests below); the forms' default CSS read ahead
    # (test_default_css_loaded_ahead_is_what_mounting_loads); a relabelled tab's underline placed
    # once laid out (test_prepared_ahead.py's test of tabs relabelled as their section shows); the
    # first frame sent whole, with the footer's keys in it (test_start_up.py); a table's cells of one
    # line drawn directly (test_a_cell_drawn_directly_is_the_cell_textual_draws).
    assert uses == {
        "._get_visual",
        "._bindings",
        "._merged_bindings",
        "._screen_stacks",
        "._load_screen_css",
        "._get_screen",
        "._css_update_count",
        "._refresh_layout",
        "._update_dimensions",
        "._message_queue",
        "._get_default_css",
        "._highlight_active",
        "._compositor",
        "._dirty_regions",
        "._ready",
        "._bindings_ready",
        "._render_cell",
    }


async def test_messages_waiting_says_whether_a_node_has_messages_to_handle():
    """What type-ahead waits on before the next key goes out (ita_tui.screens.type_ahead)."""
    from textual import events

    app = Marker()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert not messages_waiting(screen)
        screen.post_message(events.Key("b", "b"))
        assert messages_waiting(screen)
        await pilot.pause()
        assert not messages_waiting(screen)


class Counted(Screen):
    made = 0
    mounted = 0

    def __init__(self) -> None:
        super().__init__()
        Counted.made += 1

    def compose(self) -> ComposeResult:
        yield Footer()

    def on_mount(self) -> None:
        Counted.mounted += 1


class TwoModes(App):
    MODES = {"first": Marking, "later": Counted}
    DEFAULT_MODE = "first"

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[str] = []
        self.restyled = 0

    def refresh_css(self, animate: bool = True) -> None:
        self.restyled += 1
        super().refresh_css(animate)


async def test_a_mode_made_ahead_is_the_one_switch_mode_shows_and_it_stays_unseen_till_then():
    app = TwoModes()
    Counted.made = Counted.mounted = 0
    async with app.run_test() as pilot:
        prepared = prepare_mode(app, "later", Counted)
        assert prepared is not None
        screen, mounted = prepared
        await mounted
        settle(app, screen)
        await pilot.pause()
        assert Counted.mounted == 1 and isinstance(app.screen, Marking)
        assert screen.query_one(Footer).size.width == app.size.width  # laid out unseen
        assert prepare_mode(app, "later", Counted) is None  # made once only
        restyled = app.restyled
        app.switch_mode("later")
        await pilot.pause()
        assert app.screen is screen
        assert (Counted.made, Counted.mounted) == (1, 1)
        assert app.restyled == restyled  # its styles were brought up to date while unseen
        app.switch_mode("first")
        await pilot.pause()
        await pilot.press("a")  # the screen it was made beside still takes its keys
        assert app.marks == ["old"]


async def test_default_css_loaded_ahead_is_what_mounting_loads():
    """The forms' widgets have their styles read before the first form opens
    (ita_tui.screens.prepared_ahead): mounting one then adds nothing, and styles it the same."""
    from textual.widgets import Button

    from ita_tui.widgets.textual_internals import load_default_css

    app = App()
    async with app.run_test() as pilot:
        button_css = (inspect.getfile(Button), "Button.DEFAULT_CSS")
        assert not app.stylesheet.has_source(*button_css)
        load_default_css(app, [Button()])
        assert app.stylesheet.has_source(*button_css)
        sources = list(app.stylesheet.source)
        button = Button("OK")
        await app.screen.mount(button)
        await pilot.pause()
        assert list(app.stylesheet.source) == sources
        assert button.styles.min_width is not None and button.styles.min_width.value == 16


class CellsApp(App):
    def __init__(self, cells: list[list[object]]) -> None:
        super().__init__()
        self.cells = cells

    def compose(self) -> ComposeResult:
        from ita_tui.widgets.plain import DataTable

        yield DataTable(id="cells")

    def on_mount(self) -> None:
        from rich.table import Table
        from rich.text import Text

        from ita_tui.widgets.plain import cell

        table = self.query_one("#cells")
        table.add_columns("#", "ชื่อ", "ค่า", "แถบ")
        for row in self.cells:
            table.add_row(*row, label=cell("ป้าย"))
        # Cells as Textual takes them, not made plain: two lines of text, and no text at all.
        textual.widgets.DataTable.add_row(table, "๔", Text("บรรทัด\nสอง"), Table("x"), "")


async def test_a_cell_drawn_directly_is_the_cell_textual_draws():
    """CellsDrawnDirectly draws a one-line cell without Rich's padding and styling renderables:
    each cell (Thai cut at a word, hostile text, justified and styled text, a renderable that
    is no text, a cell of two lines) under the cursor, hovered and not, the header's and the
    labels' too, comes out segment for segment as Textual's own drawing gives it."""
    from rich.padding import Padding
    from rich.text import Text

    from ita_tui.widgets.plain import cell
    from tests.hostile import ONE_LINE

    long_thai = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
    bar = Text("▆▆▆▆░░┃░", style="green")
    bar.stylize("bold yellow", 6, 7)
    rows = [
        [cell("๑"), cell(long_thai), cell(Text("๙๙.๖๓", justify="right")), bar],
        [cell("๒"), cell("สั้น"), cell(Text("▲ +๗.๓๘", style="green"), justify="center"), cell("-")],
        *(
            [cell(str(n)), cell(case.text), cell(case.text[:9]), cell(case.text)]
            for n, case in enumerate(ONE_LINE)
        ),
    ]
    drawn_by_padding = []
    padding_draws = Padding.__rich_console__

    def counted(self, console, options):
        drawn_by_padding.append(self)
        return padding_draws(self, console, options)

    app = CellsApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one("#cells")
        base = table.rich_style
        checked = 0
        for width in (3, 8, 17, 40):
            for row in range(-1, table.row_count):
                for column in range(-1, len(table.columns)):
                    for cursor, hover in ((False, False), (True, False), (False, True)):
                        table._clear_caches()
                        Padding.__rich_console__ = counted
                        try:
                            directly = table._render_cell(row, column, base, width, cursor, hover)
                        finally:
                            Padding.__rich_console__ = padding_draws
                        table._clear_caches()
                        by_textual = textual.widgets.DataTable._render_cell(
                            table, row, column, base, width, cursor, hover
                        )
                        assert directly == by_textual, (row, column, width, cursor, hover)
                        checked += 1
    # Only the cells that are not one line of text went through Rich's padding: the two lines,
    # the table, and the empty labels Textual gives as a string.
    assert checked > 1000
    through_padding = {
        "\n" if "\n" in str(getattr(p.renderable, "plain", "")) else type(p.renderable).__name__
        for p in drawn_by_padding
    }
    assert through_padding == {"\n", "Table", "str"}

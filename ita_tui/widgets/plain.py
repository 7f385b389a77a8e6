"""The one way text reaches the screen: as the letters it is.

Textual parses a plain `str` as markup in most widgets (labels, table cells, options, buttons,
toasts), so a title holding `[@click=app.quit]` would become a link that quits, and `[/]` would
crash the screen. The widgets here take any value, build a Rich `Text` from it without parsing
(`plain`), and replace control characters with signs that show them (`ita_tui.text.visible`), so
that nothing stored can reach the terminal as an escape sequence. Screens import their text
widgets from here, never from `textual.widgets`; a test keeps it so. Our own styling is laid on
such text with `Text.append(..., style=...)`, never written into a markup string."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import JustifyMethod
from rich.highlighter import Highlighter
from rich.text import Text
from textual import events, getters
from textual import widgets as textual_widgets
from textual.content import Content
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection, SelectionError

from ita_tui.text import visible

if TYPE_CHECKING:
    from ita_tui.app import ItaApp


def plain(value: object, style: str = "", *, one_line: bool = False) -> Text:
    """Rich Text of any value, never parsed as markup, with control characters made visible.
    Styles already on a Text stay where they were: each control becomes one visible sign."""
    if isinstance(value, Text):
        shown = value.copy()
        shown.plain = visible(shown.plain, one_line=one_line)
        if style:
            shown.stylize_before(style)
        return shown
    if isinstance(value, Content):
        value = value.plain
    if isinstance(value, float):
        value = f"{value:.2f}"
    return Text(visible("" if value is None else str(value), one_line=one_line), style=style)


def cell(value: object, style: str = "", justify: JustifyMethod | None = None) -> Text:
    """A table cell: one line, plain."""
    shown = plain(value, style, one_line=True)
    if justify:
        shown.justify = justify
    return shown


class Static(textual_widgets.Static):
    def __init__(self, content: object = "", **options: Any) -> None:
        options["markup"] = False
        super().__init__(plain(content), **options)

    def update(self, content: object = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)


class Label(textual_widgets.Label):
    def __init__(self, content: object = "", **options: Any) -> None:
        options["markup"] = False
        super().__init__(plain(content), **options)

    def update(self, content: object = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)


class DataTable(textual_widgets.DataTable):
    def add_column(self, label: object, **options: Any):
        return super().add_column(cell(label), **options)

    def add_row(self, *cells: object, label: object = None, **options: Any):
        shown = None if label is None else cell(label)
        return super().add_row(*(cell(value) for value in cells), label=shown, **options)

    def update_cell(self, row_key, column_key, value: object, **options: Any) -> None:
        super().update_cell(row_key, column_key, cell(value), **options)

    def update_cell_at(self, coordinate, value: object, **options: Any) -> None:
        super().update_cell_at(coordinate, cell(value), **options)


def _plain_option(option: object) -> Option | Text | None:
    """An OptionList entry: an Option, a separator (None), or a prompt."""
    if option is None:
        return None
    if isinstance(option, Option):
        return Option(plain(option.prompt), option.id, option.disabled)
    return plain(option)


def _plain_selection(selection: object) -> Selection[Any]:
    """A SelectionList entry: a Selection, or a tuple (prompt, value[, initially selected])."""
    if isinstance(selection, Selection):
        return Selection(
            plain(selection.prompt),
            selection.value,
            selection.initial_state,
            selection.id,
            selection.disabled,
        )
    if isinstance(selection, tuple) and len(selection) in (2, 3):
        prompt, *rest = selection
        return Selection(plain(prompt), *rest)
    raise SelectionError("Only Selection or a prompt/value tuple is supported in SelectionList")


class OptionList(textual_widgets.OptionList):
    def __init__(self, *content: object, **options: Any) -> None:
        options["markup"] = False
        super().__init__(*(_plain_option(o) for o in content), **options)

    def add_options(self, new_options: Iterable[object]):
        return super().add_options([_plain_option(o) for o in new_options])


class SelectionList(textual_widgets.SelectionList):
    def __init__(self, *selections: object, **options: Any) -> None:
        super().__init__(*(_plain_selection(s) for s in selections), **options)

    def add_options(self, items: Iterable[object]):
        return super().add_options([_plain_selection(i) for i in items])


class Select(textual_widgets.Select):
    def __init__(self, options: Iterable[tuple[object, Any]] = (), **settings: Any) -> None:
        super().__init__([(plain(p, one_line=True), v) for p, v in options], **settings)

    def set_options(self, options: Iterable[tuple[object, Any]]) -> None:
        super().set_options([(plain(p, one_line=True), v) for p, v in options])


class Button(textual_widgets.Button):
    def __init__(self, label: object = None, *args: Any, **options: Any) -> None:
        super().__init__(None if label is None else plain(label, one_line=True), *args, **options)


class Checkbox(textual_widgets.Checkbox):
    def __init__(self, label: object = "", *args: Any, **options: Any) -> None:
        super().__init__(plain(label, one_line=True), *args, **options)


class RadioButton(textual_widgets.RadioButton):
    def __init__(self, label: object = "", *args: Any, **options: Any) -> None:
        super().__init__(plain(label, one_line=True), *args, **options)


class _ShowControls(Highlighter):
    """What is typed or pasted into a field is drawn with its control characters as signs;
    the value keeps them, so that saving it is refused with a message that names them."""

    def highlight(self, text: Text) -> None:
        text.plain = visible(text.plain, one_line=True)


class Input(textual_widgets.Input):
    def __init__(self, value: str | None = None, *args: Any, **options: Any) -> None:
        options.setdefault("highlighter", _ShowControls())
        shown = None if value is None else visible(value, one_line=True)
        super().__init__(shown, *args, **options)


class TextArea(textual_widgets.TextArea):
    """Several lines: stored text shows its control characters as signs, and a paste holding
    any is refused with a message instead of being drawn raw."""

    if TYPE_CHECKING:  # Textual types `app` as `App[Any]`; this runs in ItaApp
        app = getters.app(ItaApp)

    def __init__(self, text: str = "", *args: Any, **options: Any) -> None:
        super().__init__(visible(text), *args, **options)

    async def on_paste(self, event: events.Paste) -> None:
        # A line ends in CR LF in a Windows clipboard, and in CR alone in a paste that comes
        # through a browser's terminal: line breaks all the same, which TextArea takes as such.
        lines = event.text.replace("\r\n", "\n").replace("\r", "\n")
        if visible(lines) != lines:
            event.prevent_default()
            event.stop()
            self.notify(self.app.t("text.paste_refused"), severity="warning")

"""The one way text reaches the screen: as the letters it is.

Textual parses a plain `str` as markup in most widgets (labels, table cells, options, buttons,
toasts), so a title holding `[@click=app.quit]` would become a link that quits, and `[/]` would
crash the screen. The widgets here take any value, build a Rich `Text` from it without parsing
(`plain`), and replace control characters with signs that show them (`ita_tui.core.text.visible`), so
that nothing stored can reach the terminal as an escape sequence. Screens import their text
widgets from here (the fields a user types in or picks from, and lists, from `plain_fields`; a
form's selection list and text area from `plain_for_forms`: apart, so that the first screen does
not wait for what it does not show), never from `textual.widgets`; a test keeps it so. Our own styling is laid on
such text with `Text.append(..., style=...)`, never written into a markup string.

Thai, written without spaces between words, is broken into lines here too: Rich and Textual
wrap only at spaces (Rich issue #3957) and a zero-width space is no break for either, so the
text is divided between words for the width it is drawn at (`ita_tui.core.thai_lines`) before they
lay it out. Static and Label wrap that way; a table cell narrower than its text is cut at a
word and ends in "…"."""

from typing import Any

from rich.console import Console, JustifyMethod, OverflowMethod
from rich.text import Lines, Text
from textual import widgets as textual_widgets
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from ita_tui.core import thai_lines
from ita_tui.core.text import visible
from ita_tui.widgets.textual_internals import CellsDrawnDirectly, LinesDrawnAfterMeasuring


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


def cut_to(text: Text, width: int) -> Text:
    """One line of styled text cut to `width` cells at a word boundary, ending in "…"."""
    kept = thai_lines.cut_at(text.plain, width)
    if kept == len(text.plain):
        return text
    shown = text[:kept]
    if width >= thai_lines.cell_width(thai_lines.ELLIPSIS):
        shown.append(thai_lines.ELLIPSIS)
    return shown


class _WordText(Text):
    """Text that Rich lays out between words: broken into lines between Thai words where it
    may wrap, and cut at a word with "…" where it must stay on one line (a table row)."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        one_line = self.no_wrap if no_wrap is None else no_wrap
        if overflow == "ignore" or (not one_line and not thai_lines.has_thai(self.plain)):
            shown: Text = self
        elif one_line:
            shown = Text("\n").join(
                cut_to(line, width) for line in self.split("\n", allow_blank=True)
            )
        else:
            parts = self.divide(thai_lines.line_starts(self.plain, width))
            for part in parts:
                part.rstrip()
            shown = Text("\n").join(parts)
            if self.plain.endswith("\n"):
                shown.append("\n")
        return Text.wrap(
            shown,
            console,
            width,
            justify=justify or self.justify,
            overflow=overflow or self.overflow,
            tab_size=tab_size,
            no_wrap=no_wrap,
        )


def cell(value: object, style: str = "", justify: JustifyMethod | None = None) -> Text:
    """A table cell: one line, plain, cut at a word with "…" when its column is narrower."""
    shown = plain(value, style, one_line=True)
    return _WordText(
        shown.plain, style=shown.style, justify=justify or shown.justify, end="", spans=shown.spans
    )


class _ThaiLines(Visual):
    """Content laid out between Thai words for the width it is drawn at: divided into lines
    here, so that Textual, which would break only at spaces, finds each line fits."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._laid_out: dict[tuple, Content] = {}

    def __str__(self) -> str:
        return str(self.content)

    def _for(self, rules: RulesMap, width: int) -> Content:
        line_pad = rules.get("line_pad", 0)
        no_wrap = rules.get("text_wrap", "wrap") == "nowrap"
        overflow = rules.get("text_overflow", "fold")
        key = (width - 2 * line_pad, no_wrap, overflow)
        if key not in self._laid_out:
            self._laid_out[key] = self._lay_out(*key)
        return self._laid_out[key]

    def _lay_out(self, width: int, no_wrap: bool, overflow: str) -> Content:
        content = self.content
        if no_wrap:
            if overflow != "ellipsis":
                return content
            lines = content.split("\n", allow_blank=True)
            return Content("\n").join(_cut_content(line, width) for line in lines)
        parts = content.divide(thai_lines.line_starts(content.plain, width))
        laid_out = Content("\n").join(part.rstrip() for part in parts)
        # A closing line break is a last, empty line that Textual draws: it stays.
        return laid_out + "\n" if content.plain.endswith("\n") else laid_out

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._for(options.rules, width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        """The widest word, where Textual would take the widest run between spaces."""
        words = thai_lines.pieces(self.content.plain)
        widest = max((thai_lines.cell_width(word.rstrip()) for word in words), default=0)
        return widest + rules.get("line_pad", 0) * 2

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._for(rules, width).get_height(rules, width)


def _cut_content(line: Content, width: int) -> Content:
    kept = thai_lines.cut_at(line.plain, width)
    if kept == len(line.plain):
        return line
    return line[:kept] + thai_lines.ELLIPSIS


def between_thai_words(visual: object) -> object:
    """Content that holds Thai, drawn through `_ThaiLines`; anything else as it is."""
    if isinstance(visual, Content) and thai_lines.has_thai(visual.plain):
        return _ThaiLines(visual)
    return visual


class _WrapsThai:
    """For Static and Label."""

    def render(self):
        return between_thai_words(super().render())  # type: ignore[misc]


class Static(_WrapsThai, textual_widgets.Static):
    def __init__(self, content: object = "", **options: Any) -> None:
        options["markup"] = False
        super().__init__(plain(content), **options)

    def update(self, content: object = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)


class Label(_WrapsThai, textual_widgets.Label):
    def __init__(self, content: object = "", **options: Any) -> None:
        options["markup"] = False
        super().__init__(plain(content), **options)

    def update(self, content: object = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)


class DataTable(CellsDrawnDirectly, LinesDrawnAfterMeasuring, textual_widgets.DataTable):
    def add_column(self, label: object, **options: Any):
        return super().add_column(cell(label), **options)

    def add_row(self, *cells: object, label: object = None, **options: Any):
        shown = None if label is None else cell(label)
        return super().add_row(*(cell(value) for value in cells), label=shown, **options)

    def update_cell(self, row_key, column_key, value: object, **options: Any) -> None:
        super().update_cell(row_key, column_key, cell(value), **options)

    def update_cell_at(self, coordinate, value: object, **options: Any) -> None:
        super().update_cell_at(coordinate, cell(value), **options)

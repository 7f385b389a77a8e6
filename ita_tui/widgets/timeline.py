"""The fiscal year, October to September, as one line per measure: its period drawn as a bar
and the as-of date as a vertical mark. It redraws to whatever width the terminal gives it."""

from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from ita_tui.core.thai_calendar import (
    MONTH_ABBREVIATIONS,
    fiscal_year,
    fiscal_year_bounds,
    today,
)
from ita_tui.widgets.drawn_at_width import DrawnAtItsWidth
from ita_tui.widgets.plain import cut_to, plain

BAR = "━"
AS_OF_MARK = "┃"


class Timeline(DrawnAtItsWidth, can_focus=True):
    """`lines` holds section headings (str) and measure rows (dict with label, start, end, note,
    overdue, and the measure's id); the widget lays them out for its width. A cursor moves over
    the measure rows; Enter or a click opens the one under it."""

    DEFAULT_CSS = "Timeline { height: auto; }"
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("home", "move(-100000)", show=False),
        Binding("end", "move(100000)", show=False),
        Binding("enter", "open", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    class Highlighted(Message):
        def __init__(self, line: dict) -> None:
            super().__init__()
            self.line = line

    class Opened(Message):
        def __init__(self, measure_id: int) -> None:
            super().__init__()
            self.measure_id = measure_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list = []
        self.as_of = today()
        self.fiscal_year = fiscal_year(self.as_of)
        # The months' names over the columns, January first, in the user's language.
        self.month_names: tuple[str, ...] = MONTH_ABBREVIATIONS

    def show(
        self,
        lines: list,
        fiscal_year: int,
        as_of: date,
        month_names: tuple[str, ...] = MONTH_ABBREVIATIONS,
    ) -> None:
        self.lines, self.fiscal_year, self.as_of = lines, fiscal_year, as_of
        self.month_names = month_names
        self.cursor = min(self.cursor, max(0, len(self._rows()) - 1))
        self.refresh(layout=True)
        self._announce()

    def _rows(self) -> list[int]:
        """Where the measure rows are among the lines."""
        return [i for i, line in enumerate(self.lines) if isinstance(line, dict)]

    def action_move(self, by: int) -> None:
        rows = self._rows()
        if rows:
            self.cursor = max(0, min(len(rows) - 1, self.cursor + by))
            self._announce()
            # The header is the first line; the cursor's line is kept in sight.
            self.scroll_to_region_of_line(rows[self.cursor] + 1)

    def scroll_to_region_of_line(self, y: int) -> None:
        from textual.geometry import Region

        self.scroll_to_region(Region(0, y, self.size.width, 1), animate=False)

    def action_open(self) -> None:
        rows = self._rows()
        if rows and "measure_id" in self.lines[rows[self.cursor]]:
            self.post_message(self.Opened(self.lines[rows[self.cursor]]["measure_id"]))

    def on_click(self, event: events.Click) -> None:
        line = event.y - 1
        rows = self._rows()
        if line in rows:
            self.cursor = rows.index(line)
            self._announce()
            self.action_open()

    def _announce(self) -> None:
        rows = self._rows()
        if rows:
            self.post_message(self.Highlighted(self.lines[rows[self.cursor]]))

    def watch_cursor(self) -> None:
        self.refresh()

    def _widths(self) -> tuple[int, int, int]:
        width = max(self.drawing_width(), 60)
        notes = [cell_len(line.get("note", "")) for line in self.lines if isinstance(line, dict)]
        note = min(max(notes, default=4), 16)

        label = max(24, int(width * 0.38))
        return label, width - label - note - 3, note

    def _column_of(self, day: date, first: date, bar: int) -> int:
        return int((day - first).days / 366 * bar)

    def render(self) -> Text:
        label_width, bar_width, note_width = self._widths()
        first, last = fiscal_year_bounds(self.fiscal_year)
        output = Text(no_wrap=True, overflow="ellipsis")
        output.append(INDENT * (label_width + 1))
        output.append_text(self._month_header(bar_width))
        output.append("\n")
        as_of_column = (
            self._column_of(self.as_of, first, bar_width) if first <= self.as_of <= last else None
        )
        rows = self._rows()
        under_cursor = rows[self.cursor] if rows and self.has_focus else None
        for index, line in enumerate(self.lines):
            if isinstance(line, str):
                output.append(_keep_indent(line) + "\n", style="bold")
                continue
            label = cut_to(plain(_keep_indent(line["label"]), one_line=True), label_width)
            label.truncate(label_width, pad=True)
            if index == under_cursor:
                label.stylize("reverse")
            output.append_text(label)
            output.append(" ")
            output.append_text(self._bar(line, first, last, bar_width, as_of_column))
            note = line.get("note", "")
            output.append("  " + note, style="bold red" if line.get("overdue") else "")
            output.append("\n")
        return plain(output)

    def _month_header(self, width: int) -> Text:
        """Month abbreviations over their columns; where a month has no room for its name
        (`เม.ย.` needs five cells), the first month of each quarter over the
        quarter, never a name cut to a letter."""
        header = Text(style="bold")
        months = self.month_names
        widest = max(cell_len(name) for name in months)
        step = 1 if width / 12 >= widest else 3
        for index in range(0, 12, step):
            start, end = int(index * width / 12), int((index + step) * width / 12)
            label = Text(months[(index + 9) % 12])
            if cell_len(label.plain) >= end - start:
                label = Text("")
            label.pad_right(end - start - cell_len(label.plain))
            header.append_text(label)
        return header

    def _bar(
        self, line: dict, first: date, last: date, width: int, as_of_column: int | None
    ) -> Text:
        cells = [" "] * width
        styles = [""] * width
        start, end = line.get("start"), line.get("end")
        style = "red" if line.get("overdue") else "green" if line.get("done") else "cyan"
        if start is not None and end is not None:
            if end < first:
                cells[0], styles[0] = "◀", style
            elif start > last:
                cells[-1], styles[-1] = "▶", style
            else:
                left = self._column_of(max(start, first), first, width)
                right = self._column_of(min(end, last) + timedelta(days=1), first, width)
                for column in range(left, max(left + 1, min(right, width))):
                    cells[column], styles[column] = BAR, style
        else:
            cells[0] = "·"
        if as_of_column is not None and 0 <= as_of_column < width:
            cells[as_of_column], styles[as_of_column] = AS_OF_MARK, "bold yellow"
        bar = Text()
        for cell, cell_style in zip(cells, styles, strict=True):
            bar.append(cell, style=cell_style)
        return bar


INDENT = "\u00a0"


def _keep_indent(text: str) -> str:
    """Leading spaces become no-break spaces, which the layout does not drop at a line start."""
    stripped = text.lstrip(" ")
    return INDENT * (len(text) - len(stripped)) + stripped

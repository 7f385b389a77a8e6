"""The fiscal year, October to September, as one line per measure: its period drawn as a bar
and the as-of date as a vertical mark. It redraws to whatever width the terminal gives it."""

from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from ita_tui.thai_calendar import MONTH_ABBREVIATIONS, fiscal_year_bounds
from ita_tui.widgets.plain import cut_to, plain

BAR = "━"
AS_OF_MARK = "┃"


class Timeline(Widget):
    """`lines` holds section headings (str) and measure rows (dict with label, start, end, note,
    overdue); the widget lays them out for its width."""

    DEFAULT_CSS = "Timeline { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list = []
        self.fiscal_year = 2566
        self.as_of = date.today()

    def show(self, lines: list, fiscal_year: int, as_of: date) -> None:
        self.lines, self.fiscal_year, self.as_of = lines, fiscal_year, as_of
        self.refresh(layout=True)

    def _widths(self) -> tuple[int, int, int]:
        width = max(self.size.width, 60)
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
        for line in self.lines:
            if isinstance(line, str):
                output.append(_keep_indent(line) + "\n", style="bold")
                continue
            label = cut_to(plain(_keep_indent(line["label"]), one_line=True), label_width)
            label.truncate(label_width, pad=True)
            output.append_text(label)
            output.append(" ")
            output.append_text(self._bar(line, first, last, bar_width, as_of_column))
            note = line.get("note", "")
            output.append("  " + note, style="bold red" if line.get("overdue") else "")
            output.append("\n")
        return plain(output)

    def _month_header(self, width: int) -> Text:
        """Month abbreviations over their columns, each cut to the room it has."""
        header = Text(style="bold")
        for index in range(12):
            start, end = int(index * width / 12), int((index + 1) * width / 12)
            label = Text(MONTH_ABBREVIATIONS[(index + 9) % 12])
            label.truncate(max(1, end - start - 1), overflow="crop")
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

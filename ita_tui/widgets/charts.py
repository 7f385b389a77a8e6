"""Charts drawn with block characters, so they work in any terminal and over SSH."""

from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from rich.text import Text

from ita_tui.widgets.drawn_at_width import DrawnAtItsWidth
from ita_tui.widgets.plain import cut_to, plain

PASS_COLUMN = "┃"


class IndicatorChart(DrawnAtItsWidth):
    """The ten indicators: last year's bar (░) above this year's (▆), the pass mark as ┃."""

    DEFAULT_CSS = "IndicatorChart { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[tuple[str, list[tuple[str, float]]]] = []
        self.number = str
        self.pass_mark = Decimal(0)

    def show(
        self, rows: list[tuple[str, list[tuple[str, float]]]], number, pass_mark: Decimal
    ) -> None:
        """rows: (indicator label, [(year label, score), …]); number formats a score; the pass
        mark is the year's."""
        self.rows, self.number, self.pass_mark = rows, number, pass_mark
        self.refresh(layout=True)

    def render(self) -> Text:
        width = max(self.drawing_width(), 60)
        label_width = min(30, width // 3)
        bar_width = width - label_width - 18
        mark = round(float(self.pass_mark) / 100 * bar_width)
        out = Text(no_wrap=True, overflow="ellipsis")
        for label, bars in self.rows:
            for index, (year, score) in enumerate(bars):
                name = cut_to(Text(label if index == len(bars) - 1 else ""), label_width)
                name.truncate(label_width, pad=True)
                out.append_text(name)
                out.append(f" {year} ")
                filled = round(score / 100 * bar_width)
                last = index < len(bars) - 1
                style = "grey50" if last else ("green" if score >= self.pass_mark else "red")
                # This year's bar three quarters of a cell high: the bars of one indicator and
                # the next stay apart where a line is as tall as its cells (the browser).
                block = "░" if last else "▆"
                cells = [
                    (PASS_COLUMN, "bold yellow")
                    if column == mark - 1
                    else (block, style)
                    if column < filled
                    else (" ", "")
                    for column in range(bar_width)
                ]
                # One span for each run of a style: one for each cell makes the chart slow to
                # draw (a tenth of a second).
                for run_style, run in groupby(cells, key=itemgetter(1)):
                    out.append("".join(character for character, _ in run), style=run_style)
                out.append(" " + self.number(f"{score:6.2f}"))
                out.append("\n")
        return plain(out)


class MonthlyChart(DrawnAtItsWidth):
    """Twelve columns, October to September, each as tall as the percent reached by then."""

    DEFAULT_CSS = "MonthlyChart { height: auto; }"
    HEIGHT = 10

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.months: list[tuple[str, float | None]] = []
        self.number = str

    def show(self, months: list[tuple[str, float | None]], number=str) -> None:
        self.months, self.number = months, number
        self.refresh(layout=True)

    def render(self) -> Text:
        column = max(5, min(8, (max(self.drawing_width(), 70) - 6) // 12))
        out = Text(no_wrap=True)
        for level in range(self.HEIGHT, 0, -1):
            threshold = level * 100 / self.HEIGHT
            axis = f"{self.number(int(threshold)):>4} " if level % 5 == 0 else "     "
            out.append(axis, style="dim")
            for _, value in self.months:
                filled = value is not None and value >= threshold - 100 / self.HEIGHT / 2
                out.append(("█" * (column - 1) + " ") if filled else " " * column, style="cyan")
            out.append("\n")
        out.append("     ")
        for _, value in self.months:
            text = self.number(f"{value:.0f}") if value is not None else "·"

            out.append(text.center(column)[:column])
        out.append("\n     ")
        for label, _ in self.months:
            cell = Text(label)
            cell.truncate(column - 1, overflow="crop", pad=True)
            out.append_text(cell)
            out.append(" ")
        return plain(out)

"""The document as one self-contained HTML page, fit for the agency's website and for printing
on A4, from a Jinja2 template that escapes every piece of text it is given."""

from dataclasses import dataclass
from functools import cache

import jinja2

from ita_tui.core.document import Bullets, Document, Heading, Paragraph, ScoreChart, Table
from ita_tui.core.text import visible

# Thai faces an office machine or a phone is likely to have, then the generic fallback.
THAI_FONTS = '"Sarabun", "TH Sarabun New", "Noto Sans Thai", "Leelawadee UI", "Tahoma", "Loma", "Garuda", sans-serif'


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ita_tui", "documents/render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Stored text may hold a control character from an older version: show it as a sign.
    environment.filters["visible"] = visible
    return environment


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    css: str
    said: str


@dataclass(frozen=True)
class ChartLine:
    y: int
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class ChartLayout:
    """Where the template draws the score chart: per indicator a bar for last year and one for
    this year, and a dashed line at the pass mark. Text stays text, so the browser shapes the
    Thai with the page's fonts."""

    title: str
    lines: tuple[ChartLine, ...]
    label_width: int
    bar_width: int
    width: int
    height: int
    mark_x: float
    mark_said: str


def chart_layout(chart: ScoreChart) -> ChartLayout:
    label_width, bar_width, row_height = 230, 420, 34
    height = 40 + row_height * len(chart.rows)
    lines = []
    for index, row in enumerate(chart.rows):
        y = 30 + index * row_height
        bars = []
        for series in chart.series:
            score = series.scores[index]
            css = "this " if series.latest else "last "
            css += "pass" if score >= chart.pass_mark else "fail"
            offset = 13 if series.latest else 0
            bars.append(Bar(y + offset, bar_width * score / 100, css, series.said[index]))
        lines.append(ChartLine(y, f"{row.number}. {row.name}", tuple(bars)))
    return ChartLayout(
        title=chart.title,
        lines=tuple(lines),
        label_width=label_width,
        bar_width=bar_width,
        width=label_width + bar_width + 70,
        height=height,
        mark_x=label_width + bar_width * chart.pass_mark / 100,
        mark_said=chart.pass_mark_said,
    )


def render_html(document: Document) -> str:
    kinds = {
        Heading: "heading",
        Paragraph: "paragraph",
        Bullets: "bullets",
        Table: "table",
        ScoreChart: "chart",
    }
    return (
        _environment()
        .get_template("document.html.j2")
        .render(
            document=document,
            kind_of=lambda block: kinds[type(block)],
            chart_layout=chart_layout,
            fonts=THAI_FONTS,
        )
    )

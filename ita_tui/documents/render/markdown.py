"""The document as Markdown: stored text shows as written, never as Markdown or HTML."""

import html
import re

from ita_tui.core.document import Block, Bullets, Document, Heading, Paragraph, ScoreChart, Table
from ita_tui.core.text import visible

# Markdown punctuation that would turn stored text into emphasis, code, a link, an image or a
# table cell boundary.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Text as one line of Markdown that shows it as written: HTML escaped, Markdown
    punctuation escaped, line breaks as <br> so that a note keeps its list item or table row."""
    text = html.escape(visible(text), quote=False)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text).replace("\n", "<br>")


def render_markdown(document: Document) -> str:
    out = [f"# {md(document.title)}", ""]
    if document.subtitle:
        out += [md(document.subtitle), ""]
    for part in document.parts:
        for block in part.blocks:
            out.extend(_block(block))
            out.append("")
    return "\n".join(out)


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {md(block.text)}"]
    if isinstance(block, Paragraph):
        return [md(block.text)]
    if isinstance(block, Bullets):
        return [f"- {md(item)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block)
    return ["```", *text_chart(block), "```"]


def _table(table: Table) -> list[str]:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(md(c) for c in cells) + " |"

    return [line(table.headers), "|" + "---|" * len(table.headers), *map(line, table.rows)]


def text_chart(chart: ScoreChart, width: int = 40) -> list[str]:
    """The indicators as bars, last year's above this year's, the pass mark as ┃."""
    mark = round(chart.pass_mark / 100 * width)
    lines = []
    for index, row in enumerate(chart.rows):
        for series in chart.series:
            filled = round(series.scores[index] / 100 * width)
            cells = [("█" if series.latest else "·") if i < filled else " " for i in range(width)]
            cells[mark - 1] = "┃"
            label = f"{row.number:>2} {series.label}"
            lines.append(f"{label} {''.join(cells)} {series.said[index]}")
    return lines

"""The document as a Word file a Thai office can edit, written on a template: the bundled one,
or the agency's own .docx, whose styles, letterhead, headers and footers are kept. What the
template's body already holds (a letterhead, a logo) stays at the top; the document follows.

Text goes into plain runs, never into fields or markup; tables repeat their header row on every
page (w:tblHeader); pages are A4."""

import io
import math
from importlib import resources
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ita_tui.core.document import Bullets, Document, Heading, Paragraph, ScoreChart, Table
from ita_tui.core.errors import UserError
from ita_tui.core.text import visible
from ita_tui.documents import office_limits
from ita_tui.documents.inert_template import make_inert
from ita_tui.files.user_files import read_bytes

# The face of a Thai government document (the Cabinet's 2010 choice of national fonts).
THAI_FACE = "TH Sarabun New"
THAI_SIZE_HALF_POINTS = 32  # 16 pt


# XML 1.0 holds neither these two noncharacters nor lone surrogates; the text rules let them
# through (they are not controls), so a Word file shows the replacement sign in their place.
_NOT_IN_XML = {0xFFFE: "\ufffd", 0xFFFF: "\ufffd", **{c: "\ufffd" for c in range(0xD800, 0xE000)}}


def as_run_text(text: str) -> str:
    """Stored text as a run's plain text: control characters as visible signs (a tab stays a
    tab and a line break a break), and nothing XML cannot hold."""
    return visible(text).translate(_NOT_IN_XML)


def default_template() -> bytes:
    return resources.files("ita_tui").joinpath("data", "word_template.docx").read_bytes()


def _open(template: Path | None) -> Any:
    if template is None:
        return docx.Document(io.BytesIO(default_template()))
    if not template.exists() and not template.is_symlink():
        raise UserError("report.template_missing", path=str(template))
    content = read_bytes(template)  # a regular file only: a pipe would wait for ever
    try:
        office_limits.check(io.BytesIO(content), str(template))
        word = docx.Document(io.BytesIO(content))
    except UserError as refused:
        if refused.key != "office.unreadable":
            raise
        raise UserError("report.template_unreadable", path=str(template)) from None
    except Exception:  # a zip of anything, broken XML: not a template Word can use
        raise UserError("report.template_unreadable", path=str(template)) from None
    make_inert(word, str(template))
    return word


def render_word(document: Document, template: Path | None = None) -> bytes:
    word = _open(template)
    _thai_font_by_default(word)
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
    # The file's properties hold 255 characters at most; the page's title has them all.
    word.core_properties.title = as_run_text(document.title)[:255]
    styles = {style.name for style in word.styles}

    def paragraph(text: str, style: str | None = None, bold: bool = False) -> None:
        added = word.add_paragraph(style=style if style in styles else None)
        added.add_run(as_run_text(text)).bold = bold or None

    paragraph(document.title, "Title")
    if document.subtitle:
        paragraph(document.subtitle, "Subtitle")
    for part in document.parts:
        for block in part.blocks:
            if isinstance(block, Heading):
                paragraph(block.text, f"Heading {min(block.level, 3)}")
            elif isinstance(block, Paragraph):
                paragraph(block.text, bold=block.emphasis)
            elif isinstance(block, Bullets):
                for item in block.items:
                    paragraph(item, "List Bullet")
            elif isinstance(block, Table):
                _table(word, block.headers, block.rows, styles)
            elif isinstance(block, ScoreChart):
                paragraph(block.title, bold=True)
                _table(word, *chart_table(block), styles)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def chart_table(chart: ScoreChart) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The score chart as Word shows it: a table of the scores, one column per year."""
    headers = (chart.indicator_heading, *(series.label for series in chart.series))
    rows = tuple(
        (f"{row.number}. {row.name}", *(series.said[index] for series in chart.series))
        for index, row in enumerate(chart.rows)
    )
    return headers, rows


def _table(
    word: Any, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], styles: set[str]
) -> None:
    table = word.add_table(rows=1 + len(rows), cols=len(headers))
    if "Table Grid" in styles:
        table.style = "Table Grid"
    table.autofit = False
    section = word.sections[-1]
    widths = column_widths(
        headers, rows, section.page_width - section.left_margin - section.right_margin
    )
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, cells in zip(table.rows, (headers, *rows), strict=True):
        for cell, text, width in zip(row.cells, cells, widths, strict=True):
            cell.width = width  # Word reads the cell's width, LibreOffice the grid's
            cell.paragraphs[0].add_run(as_run_text(text)).bold = (row is table.rows[0]) or None
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    word.add_paragraph()


def column_widths(
    headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], across: int
) -> list[int]:
    """Columns by the square root of what they hold on average (at least their heading's first
    words): a measure's title gets room, the columns beside it keep their words whole."""

    def longest_line(text: str) -> int:
        return max((len(line) for line in text.splitlines()), default=0)

    weights = []
    for index, header in enumerate(headers):
        lengths = [longest_line(row[index]) for row in rows] or [0]
        mean = sum(lengths) / len(lengths)
        weights.append(math.sqrt(min(max(mean, min(longest_line(header), 14), 6.0), 200.0)))
    total = sum(weights)
    return [int(across * weight / total) for weight in weights]


def _thai_font_by_default(word: Any) -> None:
    """A template that names no complex-script font would show Thai in whatever Word picks:
    give its Normal style TH Sarabun New 16 pt for Thai. A template that names one keeps it."""
    complex_script_font(word.styles["Normal"].element.get_or_add_rPr(), replace=False)


# What follows w:szCs and w:lang in a run's properties (ECMA-376 CT_RPr), so that each goes in
# its place: Word refuses a file whose elements are out of order.
_AFTER_SIZE = (
    *("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl"),
    *("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
)
_AFTER_LANGUAGE = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def complex_script_font(
    properties: Any,
    face: str = THAI_FACE,
    half_points: int = THAI_SIZE_HALF_POINTS,
    replace: bool = True,
) -> None:
    """Name the face of Thai (w:rFonts w:cs) and its size (w:szCs) in a style's run properties;
    Word shapes Thai with these, not with the Latin font and size. Without `replace`, what the
    properties already say is kept."""
    fonts = properties.get_or_add_rFonts()
    if replace or fonts.get(qn("w:cs")) is None:
        fonts.set(qn("w:cs"), face)
    size = properties.find(qn("w:szCs"))
    if size is None:
        size = OxmlElement("w:szCs")
        properties.insert_element_before(size, *_AFTER_SIZE)
    elif not replace:
        return
    size.set(qn("w:val"), str(half_points))


def thai_language(properties: Any) -> None:
    """Mark the complex-script text as Thai, for Word's spelling and line breaking."""
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.insert_element_before(language, *_AFTER_LANGUAGE)
    language.set(qn("w:bidi"), "th-TH")

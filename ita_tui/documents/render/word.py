"""The document as a Word file a Thai office can edit, written on a template: the bundled one,
or the agency's own .docx, whose styles, letterhead, headers and footers are kept. What the
template's body already holds (a letterhead, a logo) stays at the top; the document follows.

Text goes into plain runs, never into fields or markup; pages are A4, turned to landscape for a
table too wide for a portrait page; a table's columns are sized to their content, its header row
is bold and repeats on every page (w:tblHeader), and no row is split across pages (w:cantSplit);
the score chart is a chart (render/word_chart.py)."""

import functools
import io
import re
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ita_tui.core import progress
from ita_tui.core.bundled import bundled_file
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
    return bundled_file("word_template.docx").read_bytes()


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
    pages = _Pages(word)

    def paragraph(text: str, style: str | None = None, bold: bool = False) -> None:
        added = word.add_paragraph(style=style if style in styles else None)
        _add_text(added._p.add_r(), text, bold)

    paragraph(document.title, "Title")
    if document.subtitle:
        paragraph(document.subtitle, "Subtitle")
    thai_digits = _says_thai_digits(document)
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
                _table(word, pages, block.headers, block.rows, styles)
            elif isinstance(block, ScoreChart):
                from ita_tui.documents.render.word_chart import add_chart

                add_chart(word, block, pages.text_width(), thai_digits)
                if block.scores_beside:
                    _table(word, pages, *chart_table(block), styles)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _says_thai_digits(document: Document) -> bool:
    """Whether the document's digits are Thai: those the tool wrote in its title and chart."""
    said = document.title + "".join(
        s
        for part in document.parts
        for b in part.blocks
        if isinstance(b, ScoreChart)
        for s in (b.pass_mark_said, *(series.label for series in b.series))
    )
    return any("\u0e50" <= c <= "\u0e59" for c in said)


def chart_table(chart: ScoreChart) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The score chart as a table of the scores, one column per year."""
    headers = (chart.indicator_heading, *(series.label for series in chart.series))
    rows = tuple(
        (f"{row.number}. {row.name}", *(series.said[index] for series in chart.series))
        for index, row in enumerate(chart.rows)
    )
    return headers, rows


class _Pages:
    """The page the document is at: portrait A4, or landscape while tables too wide for a
    portrait page follow one another. The paper turns only at a table (a new section starts
    there, or the first one turns when no table came before), so that text between two wide
    tables stays on their landscape pages."""

    def __init__(self, word: Any) -> None:
        self.word = word
        first = word.sections[0]
        self.portrait_width = first.page_width - first.left_margin - first.right_margin
        self.landscape_width = first.page_height - first.left_margin - first.right_margin
        self.landscape = False

    def text_width(self) -> int:
        return self.landscape_width if self.landscape else self.portrait_width

    def turn(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        if self.word.element.body.find(qn("w:tbl")) is not None:
            section = self.word.add_section(WD_SECTION.NEW_PAGE)
        else:
            # Only the title and text before the first table: the whole start turns with it
            # rather than leave a page of a few lines.
            section = self.word.sections[-1]
        width, height = Mm(297), Mm(210)
        if not landscape:
            width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        # The template's margins, edge for edge: the page is read turned, not rotated.
        first = self.word.sections[0]
        section.left_margin, section.right_margin = first.left_margin, first.right_margin
        section.top_margin, section.bottom_margin = first.top_margin, first.bottom_margin
        self.landscape = landscape


def _table(
    word: Any,
    pages: _Pages,
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    styles: set[str],
) -> None:
    """A table whose columns are wide enough for their longest word, on a landscape page when
    a portrait one cannot hold them; header row bold and repeated on every page, and no row
    split across two pages. Rows are written as XML: python-docx's cell objects cost a
    search of the table for each cell."""
    points = _table_points(word, styles)
    needed = minimum_widths(headers, rows, points or 16)
    pages.turn(sum(needed) > pages.portrait_width)
    widths = column_widths(headers, rows, pages.text_width(), needed, points or 16)
    table = word.add_table(rows=0, cols=len(headers))
    if "Table Grid" in styles:
        table.style = "Table Grid"
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(_twips(width)))
    twips = [str(_twips(width)) for width in widths]
    element = table._tbl
    total = 1 + len(rows)
    for index, cells in enumerate((headers, *rows)):
        progress.step("progress.word", index + 1, total)
        row = SubElement(element, "w:tr")
        properties = SubElement(row, "w:trPr")
        SubElement(properties, "w:cantSplit")
        if index == 0:
            SubElement(properties, "w:tblHeader").set(qn("w:val"), "true")
        for text, twip in zip(cells, twips, strict=True):
            cell = SubElement(row, "w:tc")
            cell_properties = SubElement(cell, "w:tcPr")
            size = SubElement(cell_properties, "w:tcW")
            size.set(qn("w:w"), twip)  # Word reads the cell's width, LibreOffice the grid's
            size.set(qn("w:type"), "dxa")
            # A line of its own paragraph, as a person writes a cell (Enter, not Shift+Enter):
            # the import reads a break inside a paragraph as layout, a paragraph as a new line
            # (two units one under the other stay two units when the table is read back).
            for line in text.split("\n"):
                paragraph = SubElement(cell, "w:p")
                spacing = SubElement(SubElement(paragraph, "w:pPr"), "w:spacing")
                spacing.set(qn("w:after"), "0")
                _add_text(SubElement(paragraph, "w:r"), line, bold=index == 0, points=points)
    word.add_paragraph()


def _table_points(word: Any, styles: set[str]) -> float | None:
    """The size the template's table style gives table text (the bundled one: 14 pt), which a
    cell's paragraph style would otherwise override; None when it gives none."""
    if "Table Grid" not in styles:
        return None
    size = word.styles["Table Grid"].font.size
    return None if size is None else float(size.pt)


def _add_text(run: Any, text: str, bold: bool = False, points: float | None = None) -> None:
    """Plain text into a run: a line break as a break, a tab as a tab; bold for Thai as well
    (w:bCs: Word and LibreOffice make complex-script text bold only by it)."""
    if bold or points:
        properties = SubElement(run, "w:rPr")
        if bold:
            SubElement(properties, "w:b")
            SubElement(properties, "w:bCs")
        if points:
            for tag in ("w:sz", "w:szCs"):
                SubElement(properties, tag).set(qn("w:val"), str(round(points * 2)))
    for number, line in enumerate(as_run_text(text).split("\n")):
        if number:
            SubElement(run, "w:br")
        for position, piece in enumerate(line.split("\t")):
            if position:
                SubElement(run, "w:tab")
            if piece:
                said = SubElement(run, "w:t")
                said.text = piece
                if piece != piece.strip():
                    said.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def SubElement(parent: Any, tag: str) -> Any:  # noqa: N802 (as lxml names it)
    """A new last child of `parent`, its tag given with its prefix ("w:tr"); made by the
    parent's own parser (python-docx's OxmlElement builds a namespace map each time, which
    was most of a big table's cost)."""
    child = parent.makeelement(_clark(tag), {})
    parent.append(child)
    return child


@functools.cache
def _clark(tag: str) -> str:
    return str(qn(tag))


def _twips(emu: int) -> int:
    return int(emu // 635)


# TH Sarabun New at 16 pt (and Laksaman, its metric twin): a Thai letter or digit is about
# 0.62 em wide; bold a little wider. A cell adds its margins (1.9 mm each side) and a little
# room for the measure being rough.
_CELL_EMU = int(Mm(0.61 * 16 * 0.3528))
_BOLD = 1.05
# The segmenter keeps compounds whole ("งานการเจ้าหน้าที่"); Word and LibreOffice break them
# between their words. A piece longer than this is taken for such a compound.
_LONGEST_WORD_CELLS = 10
# A consonant or leading vowel: where a Thai word may begin.
_THAI_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
_CELL_MARGINS = int(Mm(4.5))
# The rows that decide the widths: enough to see every kind of text a column holds, few enough
# that a table of ten thousand rows is not segmented whole.
_ROWS_LOOKED_AT = 400
# The rows the columns are laid out for (counting each one's lines at every width tried).
_ROWS_LAID_OUT = 100
# At most so many moves of room between columns.
_MOVES = 40


def _rows_looked_at(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    if len(rows) <= _ROWS_LOOKED_AT:
        return rows
    step = len(rows) / _ROWS_LOOKED_AT
    return tuple(rows[int(i * step)] for i in range(_ROWS_LOOKED_AT))


def _longest_word(text: str) -> int:
    """Cells of the widest piece of the text that may not be broken (a Thai word, a number
    with its unit), by the project's segmenter."""
    from ita_tui.core.thai_lines import cell_width, pieces

    return min(
        max((cell_width(_after_prefix(piece.strip())) for piece in pieces(text)), default=0),
        _LONGEST_WORD_CELLS,
    )


# Words that make a compound of the word after them (การ-, ความ-, ผู้-, นัก-, ผล-): Word and
# LibreOffice break a line after them, and so may a column's narrowest width.
_PREFIXES = ("การ", "ความ", "ผู้", "นัก", "ผล")


def _after_prefix(word: str) -> str:
    """The longer part of a compound that starts with such a prefix ("ความก้าวหน้า": ก้าวหน้า)."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > len(prefix) and _THAI_START.match(rest):
            return rest
    return word


def minimum_widths(
    headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], points: float = 16
) -> list[int]:
    """Per column, the width (EMU) its widest word needs at `points`, so that no word is broken
    inside."""
    cell_emu = _CELL_EMU * points / 16
    looked_at = _rows_looked_at(rows)
    widths = []
    for index, header in enumerate(headers):
        cells = max(
            [_longest_word(header) * _BOLD, *(_longest_word(row[index]) for row in looked_at)]
        )
        widths.append(int(cells * cell_emu) + _CELL_MARGINS)
    return widths


def column_widths(
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    across: int,
    needed: list[int] | None = None,
    points: float = 16,
) -> list[int]:
    """Columns each at least as wide as its widest word, the room left given, a slice at a
    time, to the column where it saves the most lines over the table (the height of a row is
    that of its tallest cell): a measure's title gets room, a column of dates what it needs."""
    from ita_tui.core.thai_lines import cell_width, pieces

    looked_at = (headers, *_rows_looked_at(rows))
    least = needed if needed is not None else minimum_widths(headers, rows, points)
    cell_emu = _CELL_EMU * points / 16
    if sum(least) >= across:
        # Wider than the page even so: all shrink alike (a very long word is then broken).
        return [int(across * width / sum(least)) for width in least]
    # Each cell as its text lines, each line as the widths (EMU) of the pieces it may break
    # between, so that a width's lines are counted as the words wrap.
    texts = [
        [
            [
                [cell_width(piece) * cell_emu for piece in pieces(line)] or [0.0]
                for line in cell.splitlines() or [""]
            ]
            for cell in row
        ]
        for row in looked_at[: _ROWS_LAID_OUT + 1]
    ]

    @functools.cache
    def lines_at(row: int, column: int, width: int) -> int:
        room = max(width - _CELL_MARGINS, 1)
        count = 0
        for line in texts[row][column]:
            count += 1
            filled = 0.0
            for piece in line:
                if filled and filled + piece > room:
                    count += 1
                    filled = 0.0
                # A piece wider than the room is broken over as many lines as it takes.
                extra = int(piece // room) if piece > room else 0
                count += extra
                filled = piece - extra * room if extra else filled + piece
        return count

    def column_lines(column: int, width: int) -> list[int]:
        return [lines_at(row, column, width) for row in range(len(texts))]

    def height(row: list[int]) -> float:
        # A row is as tall as its tallest cell; the soft maximum also counts the cells nearly as
        # tall, so that two tall cells of a row are both worth widening (the true maximum would
        # not move until both had shrunk).
        return float(sum(lines**4 for lines in row) ** 0.25)

    # A start: the room beyond each column's least shared by how much text it holds.
    held = [sum(sum(sum(line) for line in row[c]) for row in texts) for c in range(len(least))]
    spare = across - sum(least)
    widths = [n + int(spare * h / (sum(held) or 1)) for n, h in zip(least, held, strict=True)]
    by_column = [column_lines(c, w) for c, w in enumerate(widths)]
    total = sum(height(list(row)) for row in zip(*by_column, strict=True))
    # Then room moved from one column to another while that lowers the table.
    for _ in range(_MOVES):
        best: tuple[float, int, int, int] | None = None
        for step in (int(Mm(8)), int(Mm(3))):
            for giver in range(len(widths)):
                if widths[giver] - step < least[giver]:
                    continue
                given = column_lines(giver, widths[giver] - step)
                for taker in range(len(widths)):
                    if taker == giver:
                        continue
                    taken = column_lines(taker, widths[taker] + step)
                    moved = 0.0
                    for row in range(len(texts)):
                        cells = [by_column[c][row] for c in range(len(widths))]
                        cells[giver], cells[taker] = given[row], taken[row]
                        moved += height(cells)
                    if moved < total - 0.01 and (best is None or moved < best[0]):
                        best = (moved, giver, taker, step)
        if best is None:
            break
        total, giver, taker, step = best
        widths[giver] -= step
        widths[taker] += step
        by_column[giver] = column_lines(giver, widths[giver])
        by_column[taker] = column_lines(taker, widths[taker])
    widths[-1] += across - sum(widths)
    return widths


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

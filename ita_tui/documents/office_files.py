"""Reading an agency's Word (.docx) or Excel (.xlsx) file into what ita-tui needs of it: its
paragraphs and tables in document order, each cell as its paragraphs, merged cells marked. What
the tables mean is plan_tables' business; this module alone knows the file formats, and loads
their libraries only when a file is read."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ita_tui.core import progress
from ita_tui.core.errors import UserError
from ita_tui.core.progress import counted
from ita_tui.documents import office_limits
from ita_tui.files.user_files import read_bytes

WORD_SUFFIXES = (".docx",)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
# Formats people save agencies' plans in that no reader here opens: each gets a message saying
# how to save it so that ita-tui can read it.
OLD_OR_OTHER_SUFFIXES = (".doc", ".docm", ".xls", ".ods", ".odt", ".rtf", ".pdf")

# An encrypted (password-protected) Office file, like an old .doc or .xls, is an OLE compound
# file rather than a zip of XML.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"

# More rows than any agency's plan, far fewer than would keep a user waiting for minutes.
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    # Where a merged cell begins (row, column), for every cell it covers but the first.
    merged_from: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.paragraphs if p.strip())


EMPTY = Cell(())


@dataclass(frozen=True)
class Table:
    """A Word table (`sheet` False, `label` its number in the document) or an Excel sheet
    (`label` its name). Rows and columns count from 1 where people see them."""

    label: str
    sheet: bool
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class OfficeDocument:
    """Paragraphs (str) and tables in the order the document holds them; what the file hides
    (sheets, rows) is left out and named in `hidden`: ("sheet name", None) or ("sheet", row)."""

    blocks: tuple[str | Table, ...]
    hidden: tuple[tuple[str, int | None], ...] = ()
    # Stretches of Word text formatted as hidden, left out.
    hidden_text: int = 0

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


def is_office_file(path: str | Path) -> bool:
    suffix = Path(path).suffix.lower()
    return suffix in WORD_SUFFIXES + EXCEL_SUFFIXES + OLD_OR_OTHER_SUFFIXES


def read(path: str | Path) -> OfficeDocument:
    suffix = Path(path).suffix.lower()
    if suffix in OLD_OR_OTHER_SUFFIXES:
        raise UserError("office.other_format", path=str(path), suffix=suffix)
    content = read_bytes(path)
    if content.startswith(_OLE_SIGNATURE):
        raise UserError("office.encrypted", path=str(path))
    if not content.startswith(_ZIP_SIGNATURE):
        raise UserError("office.unreadable", path=str(path))
    import io

    office_limits.check(io.BytesIO(content), str(path))
    # The parsers meet whatever a file holds: a zip without the parts a Word file has, broken
    # XML, values of the wrong kind. Whatever they raise on it means "not a file we can read".
    try:
        if suffix in WORD_SUFFIXES:
            return _read_word(io.BytesIO(content))
        return _read_excel(io.BytesIO(content))
    except UserError:
        raise
    except Exception:
        raise UserError("office.unreadable", path=str(path)) from None


def _read_word(source) -> OfficeDocument:
    import docx
    from docx.table import Table as WordTable

    document = docx.Document(source)
    blocks: list[str | Table] = []
    hidden = _Hidden()
    # The page header, where some agencies put their name and the plan's year, heads the rest.
    for section in document.sections[:1]:
        if not section.header.is_linked_to_previous:
            blocks += [
                text
                for p in section.header.paragraphs
                if (text := _visible_text(p, hidden)).strip()
            ]
    count = 0
    for block in document.iter_inner_content():
        if isinstance(block, WordTable):
            count += 1
            blocks.append(_word_table(block, str(count), hidden))
            continue
        # A text box or frame anchored in the paragraph (where converters put a title or the
        # agency's name) is read before the paragraph's own text.
        blocks.extend(text for text in _text_boxes(block._p) if text.strip())
        text = _visible_text(block, hidden)
        if text.strip():
            blocks.append(text)
    return OfficeDocument(tuple(blocks), hidden_text=hidden.count)


class _Hidden:
    count = 0


def _visible_text(paragraph, hidden: _Hidden) -> str:
    """The paragraph's text without its runs formatted as hidden (Word shows none of them)."""
    from docx.text.hyperlink import Hyperlink

    parts = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            if run.font.hidden:
                hidden.count += bool(run.text.strip())
            else:
                parts.append(run.text)
    return "".join(parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(element) -> list[str]:
    """The paragraphs of the text boxes inside a paragraph: Word writes each box twice (a
    drawing and its fallback for old readers); the fallback is skipped."""
    found = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{_W}p"):
            found.append("".join(t.text or "" for t in paragraph.iter(f"{_W}t")))
    return found


def _word_table(table, label: str, hidden: _Hidden) -> Table:
    # A merged cell is the same <w:tc> in every place it covers; the elements are kept alive
    # here so that their ids stay theirs.
    origin_of: dict[int, tuple[int, int]] = {}
    alive = []
    rows = []
    for row_number, row in enumerate(counted(table.rows, "progress.reading"), start=1):
        cells = []
        for column_number, cell in enumerate(row.cells, start=1):
            element = cell._tc
            if id(element) in origin_of:
                cells.append(Cell((), merged_from=origin_of[id(element)]))
                continue
            alive.append(element)
            origin_of[id(element)] = (row_number, column_number)
            cells.append(Cell(tuple(_visible_text(p, hidden) for p in cell.paragraphs)))
        rows.append(tuple(cells))
        if len(rows) > MAX_ROWS:
            raise UserError("office.too_large", rows=MAX_ROWS)
    return Table(label, sheet=False, rows=tuple(rows))


def _read_excel(source) -> OfficeDocument:
    import openpyxl

    workbook = openpyxl.load_workbook(source, data_only=True)
    blocks: list[str | Table] = []
    hidden: list[tuple[str, int | None]] = []
    for sheet in workbook.worksheets:
        # What a person does not see when they open the file is not their plan.
        if sheet.sheet_state != "visible":
            hidden.append((sheet.title, None))
            continue
        if sheet.max_row > MAX_ROWS:
            raise UserError("office.too_large", rows=MAX_ROWS)
        origin_of: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    if (row, column) != (merged.min_row, merged.min_col):
                        origin_of[row, column] = (merged.min_row, merged.min_col)
        rows: list[tuple[Cell, ...]] = []
        for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            progress.step("progress.reading", row_number, sheet.max_row)
            if sheet.row_dimensions[row_number].hidden and any(v is not None for v in values):
                hidden.append((sheet.title, row_number))
                rows.append(())
                continue
            cells = []
            for column_number, value in enumerate(values, start=1):
                origin = origin_of.get((row_number, column_number))
                if origin is not None:
                    cells.append(Cell((), merged_from=origin))
                else:
                    cells.append(Cell(_excel_paragraphs(value)))
            rows.append(tuple(cells))
        blocks.append(Table(sheet.title, sheet=True, rows=tuple(rows)))
    return OfficeDocument(tuple(blocks), tuple(hidden))


def _excel_paragraphs(value: object) -> tuple[str, ...]:
    """A cell's lines (Alt+Enter breaks a line in Excel); dates as ISO, which the period
    parser reads, and whole numbers without `.0`."""
    if value is None:
        return ()
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat()
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = _EXCEL_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), str(value))
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


# Excel writes some characters as `_xHHHH_` (a carriage return as `_x000D_`).
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

"""How big a Word or Excel file may be, judged from its zip and its XML before any library builds
a table of it. A few kilobytes can describe a sheet of a billion cells (a merged range over the
whole sheet, one cell at its far corner) or a Word cell that spans fifty million columns; the
libraries that read Office files make an object for every cell so described. Here the XML is
read as a stream, element by element, and nothing grows with what it describes.

The limits are far above any agency's plan (a few dozen pages, tables of five to ten columns,
a few hundred rows) and far below what would exhaust a desktop's memory: a file within them is
read in well under 512 MB."""

import zipfile
from typing import IO
from xml.parsers import expat

from ita_tui.core.errors import UserError

# Every part of the file unpacked, whatever its name or type, pictures included: the readers
# load every part into memory, and a part's name says nothing of what it holds.
MAX_UNPACKED = 100 * 1024 * 1024
# The parts in the zip: a long report has a few hundred (a picture, a header, a footer each).
MAX_PARTS = 5_000
# Elements in all the XML parts together: a 100-page report has a few hundred thousand.
MAX_ELEMENTS = 1_000_000
# Paragraphs and tables of a Word body: a 100-page report has a few thousand. (python-docx
# takes time that grows with their square: 20,000 take about 3 seconds.)
MAX_BLOCKS = 20_000
# Rows of one table or sheet (Excel itself stops at 1,048,576).
MAX_ROWS = 50_000
# Columns of a table or sheet: Word stops at 63, and a plan has fewer than 20.
MAX_COLUMNS = 1_000
# Cells the tables of a file reach together: a sheet's last row times its last column (merged
# ranges included), a Word row's columns as its cells span them. The readers make an object for
# each: 200,000 take about 5 seconds and 150 MB; a plan of 10,000 rows of 6 columns has 60,000.
MAX_CELLS = 200_000

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CHUNK = 64 * 1024


def check(source: IO[bytes], path: str) -> None:
    """Refuse, with a message naming the limit, a file whose zip or XML goes beyond one."""
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_PARTS:
                raise UserError("office.too_complex", path=path)
            # Python's zip reader stops at the size a part declares, so the declared sizes
            # bound what any reader can unpack.
            if sum(entry.file_size for entry in entries) > MAX_UNPACKED:
                raise UserError("office.too_big", path=path, megabytes=MAX_UNPACKED // 2**20)
            elements = _Budget(path)
            for entry in entries:
                if not entry.is_dir():
                    with archive.open(entry) as stream:
                        _scan_part(stream, path, elements)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
        raise UserError("office.unreadable", path=path) from None
    except (OSError, ValueError, RuntimeError):  # a bad CRC, an encrypted part
        raise UserError("office.unreadable", path=path) from None


class _Budget:
    """What the whole file may hold: elements, and cells of its tables and sheets."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.left = MAX_ELEMENTS
        self.cells_left = MAX_CELLS

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise UserError("office.too_complex", path=self.path)

    def cells(self, count: int) -> None:
        self.cells_left -= count
        if self.cells_left < 0:
            raise UserError("office.too_many_cells", path=self.path, cells=MAX_CELLS)


def _scan_part(stream: IO[bytes], path: str, budget: _Budget) -> None:
    """Read one part as XML if it is XML, whatever its name: a picture is skipped once its
    first bytes show it is not."""
    first = stream.read(_CHUNK)
    if not first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return
    parser = expat.ParserCreate(namespace_separator=" ")
    tables = _Tables(path, budget)
    sheet = _Sheet(path)
    depth = 0
    body = -1  # the depth of w:body, once met
    blocks = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, body, blocks
        budget.spend()
        depth += 1
        space, _, local = name.rpartition(" ")
        if space == _WORD:
            if local == "body":
                body = depth
            elif depth == body + 1 and body > 0:
                blocks += 1
                if blocks > MAX_BLOCKS:
                    raise UserError("office.too_complex", path=path)
            tables.start(local, attributes)
        elif space == _SHEET:
            sheet.start(local, attributes)

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        space, _, local = name.rpartition(" ")
        if space == _WORD:
            tables.end(local)

    def no_doctype(*_: object) -> None:
        # No Office part declares a document type; one that does may define entities that
        # expand without end.
        raise UserError("office.unreadable", path=path)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    chunk = first
    try:
        while chunk:
            parser.Parse(chunk, False)
            chunk = stream.read(_CHUNK)
        parser.Parse(b"", True)
    except expat.ExpatError:
        # Broken XML is the reader's to refuse; what matters here is that it is not large.
        return
    budget.cells(sheet.last_row * sheet.last_column)


def _number(text: str | None, path: str) -> int:
    try:
        value = int(text or "0")
    except ValueError:
        raise UserError("office.unreadable", path=path) from None
    return value


class _Tables:
    """Word tables as they stream by: the columns a row spans and the rows a table has, nested
    tables each on their own."""

    def __init__(self, path: str, budget: _Budget) -> None:
        self.path = path
        self.budget = budget
        # Per open table: [rows, columns of the row being read, grid columns].
        self.open: list[list[int]] = []

    def start(self, local: str, attributes: dict[str, str]) -> None:
        if local == "tbl":
            self.open.append([0, 0, 0])
        if not self.open:
            return
        table = self.open[-1]
        if local == "tr":
            table[0] += 1
            table[1] = 0
            if table[0] > MAX_ROWS:
                raise UserError("office.too_large", rows=MAX_ROWS)
        elif local == "tc":
            table[1] += 1
        elif local == "gridCol":
            table[2] += 1
        elif local in ("gridSpan", "gridBefore", "gridAfter"):
            # A cell already counted as one column; the span adds the rest.
            spanned = _number(attributes.get(f"{_WORD} val"), self.path)
            table[1] += max(spanned - 1, 0) if local == "gridSpan" else max(spanned, 0)
        else:
            return
        if table[1] > MAX_COLUMNS or table[2] > MAX_COLUMNS:
            raise UserError("office.too_wide", path=self.path, columns=MAX_COLUMNS)

    def end(self, local: str) -> None:
        if local == "tr" and self.open:
            # A row's cells as python-docx lists them: one per grid column a cell spans.
            self.budget.cells(max(self.open[-1][1], 1))
        if local == "tbl" and self.open:
            self.open.pop()


class _Sheet:
    """An Excel sheet as it streams by: the last row and column any cell or merged range
    reaches. Cells without a reference follow the one before, as Excel reads them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.row = 0
        self.column = 0
        self.last_row = 0
        self.last_column = 0

    def start(self, local: str, attributes: dict[str, str]) -> None:
        if local == "row":
            reference = attributes.get("r")
            self.row = _number(reference, self.path) if reference else self.row + 1
            self.column = 0
            self._reach(self.row, 0)
        elif local == "c":
            reference = attributes.get("r")
            if reference:
                self.row, self.column = _cell(reference, self.path)
            else:
                self.column += 1
            self._reach(self.row, self.column)
        elif local == "mergeCell":
            first, _, last = (attributes.get("ref") or "").partition(":")
            for corner in (first, last or first):
                self._reach(*_cell(corner, self.path))

    def _reach(self, row: int, column: int) -> None:
        self.last_row = max(self.last_row, row)
        self.last_column = max(self.last_column, column)
        if self.last_row > MAX_ROWS:
            raise UserError("office.too_large", rows=MAX_ROWS)
        if self.last_column > MAX_COLUMNS:
            raise UserError("office.too_wide", path=self.path, columns=MAX_COLUMNS)
        if self.last_row * self.last_column > MAX_CELLS:
            raise UserError("office.too_many_cells", path=self.path, cells=MAX_CELLS)


def _cell(reference: str, path: str) -> tuple[int, int]:
    """(row, column) of a reference like `XFD1048576`; `$` marks are allowed."""
    reference = reference.replace("$", "").upper()
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    if not letters.isalpha() or not letters.isascii() or len(letters) > 3 or not digits:
        raise UserError("office.unreadable", path=path)
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    if len(digits) > 9:
        raise UserError("office.too_large", rows=MAX_ROWS)
    return int(digits), column

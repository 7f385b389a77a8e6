"""An agency's own plan document, read as tables, turned into a snapshot document (format version
1, docs/snapshot.md) that goes through the same validation as a TOML file.

Agencies word their column headers differently, split the plan over one table a page (each
repeating the header), continue a measure on a row whose title cell is empty, merge cells and
wrap unit names over lines. Everything here is about reading what people wrote; every cell that
finds no place is kept in a list, so that nothing is dropped unseen."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ita_tui.core.errors import UserError
from ita_tui.core.plan_periods import UNREAD_PERIOD, parse_period, tick_label, year_of_label
from ita_tui.core.scoring import indicators, methodology
from ita_tui.core.thai_calendar import fiscal_year as fiscal_year_of
from ita_tui.core.thai_calendar import to_arabic_digits
from ita_tui.documents.office_files import EMPTY, Cell, OfficeDocument, Table
from ita_tui.documents.snapshot_validation import FORMAT_NAME, FORMAT_VERSION

# What each column of a plan holds, and words its header may use, tried in this order: the
# period's header (ระยะเวลาดำเนินการ) holds the method's word ดำเนินการ, so the method is
# recognised by วิธี/ขั้นตอน only; who supervises (ผู้กำกับติดตาม) is no follow-up method; a fiscal
# year over a period's months (ปีงบประมาณ ๒๕๖๘) is no budget.
ROLES = ("order", "units", "period", "supervisor", "follow_up", "method", "title", "budget")
_HEADER_WORDS = {
    "order": ("ลำดับ", "no.", "#"),
    "units": ("ผู้รับผิดชอบ", "รับผิดชอบ", "หน่วยงาน", "responsible", "unit", "owner"),
    "period": (
        "ระยะเวลา",
        "ช่วงเวลา",
        "กำหนดเวลา",
        "ห้วงเวลา",
        "ไตรมาส",
        "ปีงบประมาณ",
        "period",
        "timeline",
    ),  # fmt: skip
    "supervisor": ("ผู้กำกับ", "ผู้ติดตาม", "supervis"),
    "follow_up": ("ติดตาม", "follow", "monitor"),
    "method": ("วิธีการ", "วิธีดำเนิน", "ขั้นตอน", "method"),
    "title": ("มาตรการ", "แนวทาง", "โครงการ", "กิจกรรม", "measure", "title"),
    "budget": ("งบประมาณ", "budget"),
}
# Of several headers that could hold the measure, the one naming it most nearly: a risk plan's
# `(๘) วิธีการจัดการความเสี่ยง (มาตรการ)` over its `(๔) โครงการ/กิจกรรม/ภารกิจ`.
_TITLE_RANK = ("มาตรการ", "measure", "แนวทาง", "โครงการ", "กิจกรรม", "title")
# Short headers that only mean the row number when they are the whole header.
_ORDER_HEADERS = {"ที่", "ข้อ", "no", "ลำดับที่", "ลำดับ"}
# A measure's tick columns (quarters, months, years ticked ✓) are read as its period: roles
# "tick:<the column's label>".
TICK = "tick:"
# What a person writes in a tick column that does not tick it.
_UNTICKED = {"", "-", "–", "—", "0"}

# A measure that no longer applies says so in its row.
_NO_LONGER_APPLIES = re.compile(
    r"ไม่มีหัวข้อนี้แล้ว|ไม่มีหัวข้อนี้|ยกเลิกมาตรการ|ยกเลิกแล้ว|ไม่ต้องดำเนินการแล้ว|no longer applies",
    re.IGNORECASE,
)
# A weakness cell that says there is none.
_NO_WEAKNESS = re.compile(r"ไม่มีประเด็นข้อบกพร่อง|ไม่มีข้อบกพร่อง")
# Where the clause that says so begins: after ซึ่ง (…ที่มีระยะเวลา ๑ ปี ซึ่งในปี ๒๕๖๖ ไม่มี…), a
# semicolon or a colon. Not after a full stop: Thai ends no sentence with one, and พ.ศ. has two.
_CLAUSE_START = re.compile(r"ซึ่ง|[;:]")

# Thai units are named by their kind, which opens the name: กองคลัง, งานนิติการ, สำนักปลัด.
# A word that does not open with a kind continues the name before it (a line wrapped inside
# the name), and the words are joined again.
UNIT_KINDS = ("กลุ่มงาน", "สำนัก", "กอง", "งาน", "ฝ่าย", "ศูนย์", "ส่วน", "แผนก", "กลุ่ม")
_SUB_UNIT_KINDS = {"งาน", "ฝ่าย", "กลุ่มงาน", "แผนก"}
# Between units: lines, commas, slashes, list numbers, and และ before a unit's kind (not inside
# กองแผนงานและวิชาการ).
# Who is responsible may be a post rather than a unit: ปลัด อบต., ผู้อำนวยการกองคลัง, นิติกร.
JOB_TITLES = ("ผู้อำนวยการ", "ผอ.", "หัวหน้า", "รองปลัด", "ปลัด", "รอง", "นัก", "เจ้าพนักงาน", "เจ้าหน้าที่")
_UNIT_SEPARATORS = re.compile(
    r"[,;、/\n]|(?:^|\s)[0-9๐-๙]{1,2}[.)](?=\s|\D)|\s*และ\s*(?="
    + "|".join(UNIT_KINDS + JOB_TITLES)
    + ")"
)
_BRACKETED_UNIT = re.compile(r"\(\s*((?:" + "|".join(UNIT_KINDS) + r")[^()]*)\)")
# Bullets, dashes and brackets around a name are no part of it.
_UNIT_EDGES = re.compile(r"^[\s\-–—•·*:()\[\].]+|[\s\-–—•·*:(\[]+$")

_YEAR = r"(?:พ\.?\s*ศ\.?)?\s*(25\d\d)"
# A score column's header: the year alone (`พ.ศ. ๒๕๖๔`, `ปี 2565`).
_YEAR_HEADER = re.compile(r"\s*(?:ปี)?\s*" + _YEAR + r"\s*")
_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*" + _YEAR)
_REPORT_YEAR = re.compile(r"ประจำปี(?:งบประมาณ)?\s*" + _YEAR)
_PLAN_TITLE = re.compile(r"แผน|มาตรการ")
_YEAR_RANGE = re.compile(r"(25[0-9][0-9])\s*[-–—]\s*(25[0-9][0-9])")
_PUBLISHED_OVERALL = re.compile(
    r"(?:ITA\s*|(?:ITA|ผลการประเมิน|ผลคะแนน|คะแนนรวม|ภาพรวม)[^0-9]{0,30}?)"
    r"([0-9]{1,3}\.[0-9]+|(?<=ITA )[0-9]{1,3})\s*คะแนน"
)
_PUBLISHED_RESULT = re.compile(r"ระดับ(?:ผลการประเมิน)?(?:อยู่)?(?:ใน)?(?:ระดับ)?\s*(AA|[A-F])\b")
_AGENCY = re.compile(
    r"(เทศบาล(?:ตำบล|เมือง|นคร)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|อบจ\.|กรม|กระทรวง"
    r"|สำนักงาน|มหาวิทยาลัย|วิทยาลัย|โรงเรียน|โรงพยาบาล|จังหวัด|การไฟฟ้า|การประปา|สถาบัน|องค์การ"
    r"|เทศบาล)"
)
_AGENCY_LABEL = re.compile(r"^\s*(?:\([0-9]{1,2}\)\s*)?(?:ชื่อหน่วยงาน|หน่วยงาน)\s*[:：]?\s*")
_YEAR_TAIL = re.compile(r"\s*(?:ประจำปี|ปีงบประมาณ|พ\.\s*ศ\.|ปี\s*[0-9]{4})")
_NUMBER = re.compile(r"(?<![0-9.])([0-9]{1,3}(?:\.[0-9]+)?)(?![0-9.])")
_SUB_INDICATOR = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\s*(.*)$")
_INSTRUMENT = re.compile(r"\b(IIT|EIT|OIT)\b")


@dataclass(frozen=True)
class Where:
    table: str
    sheet: bool
    row: int
    column: int


@dataclass(frozen=True)
class Unplaced:
    where: Where
    text: str


@dataclass(frozen=True)
class Layout:
    """The columns a plan table's header row gave their roles, as found."""

    table: str
    sheet: bool
    columns: tuple[tuple[int, str, str], ...]  # (column, header text, role)


@dataclass
class PlanFromTables:
    document: dict
    layouts: list[Layout]
    unplaced: list[Unplaced]
    # Where each record of the document came from: "measures[3]" -> its first cell,
    # "measures[3].period" -> its period's cell.
    origins: dict[str, Where]
    # What the document does not say and the import needs: "agency", "fiscal_year".
    missing: list[str] = field(default_factory=list)
    # Each measure's budget in baht, by its index (None: not stated), as the document's
    # `budget` has it.
    budgets: dict[int, Decimal | None] = field(default_factory=dict)
    # The measures given the placeholder unit, and those without a period.
    placeholders: list[int] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)
    # The measures whose period cell could not be read, and why: their period is marked
    # UNREAD_PERIOD in the document, which imports them without dates.
    unread_periods: list[tuple[int, UserError]] = field(default_factory=list)
    # The measures were read from numbered paragraphs, there being no plan table.
    from_paragraphs: bool = False
    fiscal_year: int | None = None
    # The headings give no year: the fiscal year most of the measures' periods fall in.
    year_from_periods: bool = False
    headers_found: str = "-"
    expected_headers: str = ""


@dataclass
class _Measure:
    where: Where
    # Each column's paragraphs, from every row the measure takes.
    paragraphs: dict[str, list[str]] = field(default_factory=dict)
    # The first cell of each role, for a problem to name the cell that holds it.
    cells: dict[str, Where] = field(default_factory=dict)
    # The labels of the tick columns ticked, in the columns' order.
    ticks: list[str] = field(default_factory=list)
    topic: str | None = None

    def period(self) -> str:
        """The period column's text, else the first to the last column ticked."""
        written = self.text("period")
        if written or not self.ticks:
            return written
        return self.ticks[0] if len(self.ticks) == 1 else f"{self.ticks[0]} - {self.ticks[-1]}"

    def add(self, role: str, paragraphs: list[str]) -> None:
        self.paragraphs.setdefault(role, []).extend(paragraphs)

    def text(self, role: str) -> str:
        return ("\n" if role == "units" else " ").join(self.paragraphs.get(role, []))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# A header names a column in a few words; a cell longer than this is the plan's own text,
# whatever words it holds.
_HEADER_LENGTH = 60


def header_role(text: str) -> str | None:
    # A form's headers are numbered: `(๘) วิธีการจัดการความเสี่ยง (มาตรการ)`.
    words = _HEADER_NUMBER.sub("", _squeezed(to_arabic_digits(text)).lower())
    if not words or len(words) > _HEADER_LENGTH:
        return None
    if words in _ORDER_HEADERS:
        return "order"
    if (label := tick_label(text)) is not None:
        return TICK + label
    for role in ROLES:
        if any(word in words for word in _HEADER_WORDS[role]):
            return role
    return None


_HEADER_NUMBER = re.compile(r"^(?:\([0-9]{1,2}\)|[0-9]{1,2}[.)])")


def _title_rank(text: str) -> int | None:
    words = _squeezed(text).lower()
    if len(words) > _HEADER_LENGTH:
        return None
    ranks = [rank for rank, word in enumerate(_TITLE_RANK) if word in words]
    return min(ranks) if ranks else None


def is_tick(role: str | None) -> bool:
    return role is not None and role.startswith(TICK)


def _header_roles(row: tuple[Cell, ...], in_force: dict[int, str] | None = None) -> dict[int, str]:
    """Column -> role for a row that reads as a plan's header, else {}. The measure's column is
    the header that names it most nearly; every other role goes to the first column naming it.
    Under a header in force, a row is a new header only when it names the measure and its unit
    among three columns, or repeats the header: a measure's row names มาตรการ and a fiscal year
    as freely as a header does."""
    found = {
        column: role
        for column, cell in enumerate(row, start=1)
        if cell.merged_from is None and (role := header_role(cell.text)) is not None
    }
    ranked = sorted(
        (rank, column)
        for column, cell in enumerate(row, start=1)
        if found.get(column) in ("title", "method") and (rank := _title_rank(cell.text)) is not None
    )
    roles: dict[int, str] = {}
    if ranked:
        roles[ranked[0][1]] = "title"
    for column, role in found.items():
        if column in roles or role == "title":
            continue
        if is_tick(role) or role not in roles.values():
            roles[column] = role
    roles = dict(sorted(roles.items()))
    plan_roles = {"period" if is_tick(role) else role for role in roles.values()} - {"order"}
    if "title" not in plan_roles:
        return {}
    # A period header is no period itself (a measure's `ตลอดปีงบประมาณ` is), unless it heads
    # the months merged under it (`ปีงบประมาณ ๒๕๖๘`).
    if any(
        role == "period"
        and not _spans(row, column)
        and not _names_a_period(row[column - 1].text)
        and _reads_as_period(row[column - 1].text)
        for column, role in roles.items()
    ):
        return {}
    # Under a header, a row with a quarter or month in it is a measure's (ไตรมาส ๑).
    if in_force and roles != in_force and any(is_tick(role) for role in roles.values()):
        return {}
    if len(plan_roles) >= 3 and "units" in plan_roles:
        return roles
    if in_force:
        return roles if roles == in_force else {}
    return roles if "units" in plan_roles or "period" in plan_roles or len(plan_roles) >= 3 else {}


def _names_a_period(text: str) -> bool:
    """A header that says it is the period (ระยะเวลา (ปีงบประมาณ ๒๕๖๘)), whatever else it says."""
    words = _squeezed(text).lower()
    return any(word in words for word in ("ระยะเวลา", "ช่วงเวลา", "กำหนดเวลา", "ห้วงเวลา", "period"))


def _spans(row: tuple[Cell, ...], column: int) -> bool:
    """Whether the header cell is merged across the next column."""
    following = row[column] if column < len(row) else None
    return (
        following is not None
        and following.merged_from is not None
        and following.merged_from[1] == column
    )


def _reads_as_period(text: str) -> bool:
    try:
        return not parse_period(text, 2500).is_open
    except UserError:
        return False


def _tick_columns(header: tuple[Cell, ...], below: tuple[Cell, ...], number: int, roles):
    """A two-row header: the quarters, months or years under a period header merged across them
    (under a year, its months). Column -> role for those columns, or {} when the row below is
    not such labels."""
    ticks: dict[int, str] = {}
    for column, role in roles.items():
        parent_year = year_of_label(role[len(TICK) :]) if is_tick(role) else None
        if role != "period" and parent_year is None:
            continue
        parent = header[column - 1].text
        span = [column] + [
            other
            for other, cell in enumerate(header, start=1)
            if cell.merged_from == (number, column)
        ]
        if len(span) < 2:
            continue
        for other in span:
            text = below[other - 1].text if other <= len(below) else ""
            digits = to_arabic_digits(text).strip()
            label = tick_label(text)
            if label is None and digits in ("1", "2", "3", "4") and "ไตรมาส" in parent:
                label = f"ไตรมาส {digits}"
            if label is not None and parent_year is not None and not re.search(r"\d{2}", label):
                label = f"{label} {parent_year}"
            if label is not None:
                ticks[other] = TICK + label
    return ticks


def _clause_saying_dropped(text: str) -> str | None:
    found = _NO_LONGER_APPLIES.search(text)
    if found is None:
        return None
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, found.start())]
    start = starts[-1] if starts else 0
    end = text.find(" ", found.end())
    return text[start : end if end != -1 else len(text)].strip() or found.group()


class _Reader:
    def __init__(self, document: OfficeDocument) -> None:
        self.document = document
        self.headings: list[str] = []  # text outside the plan tables, before the first one
        self.all_text: list[str] = []
        self.layouts: list[Layout] = []
        self.unplaced: list[Unplaced] = []
        self.measures: list[_Measure] = []
        # The heading of the plan's part the rows below belong to (มิติที่ ๑ …).
        self.topic: str | None = None
        self.plan_seen = False
        # Indicator -> score, by the year a column's header gives; or with no year given, taken
        # as the report's own year.
        # Each score is kept with its cell, to be listed if it cannot be used.
        self.score_rows: dict[int, dict[int, tuple[float, Unplaced]]] = {}
        self.undated_scores: dict[int, tuple[float, Unplaced]] = {}
        self.findings: list[tuple[Where, dict]] = []

    # -- the walk over the document -------------------------------------------------------

    def read(self) -> None:
        previous_roles: dict[int, str] = {}
        previous_width = 0
        for block in self.document.blocks:
            if isinstance(block, str):
                self._paragraph(block)
                previous_roles = {}
                continue
            width = max((len(row) for row in block.rows), default=0)
            carried = _continued(block, width, previous_roles, previous_width)
            previous_roles = self._table(block, carried)
            previous_width = width if previous_roles else 0

    def _paragraph(self, text: str) -> None:
        self.all_text.append(text)
        if not self.plan_seen:
            self.headings.append(text)

    def _table(self, table: Table, carried: dict[int, str]) -> dict[int, str]:
        """Read one table; return the plan columns in force at its end (for a table that
        continues it without a header of its own)."""
        roles = carried
        rows = list(enumerate(table.rows, start=1))
        if not any(_header_roles(row) for _, row in rows) and not roles:
            self._other_table(table)
            return {}
        skip: int | None = None
        for number, row in rows:
            if number == skip:
                continue
            found = _header_roles(row, roles)
            if found:
                roles = found
                if number < len(table.rows):
                    below = table.rows[number]
                    ticks = _tick_columns(row, below, number, roles)
                    if ticks:
                        roles = {c: r for c, r in roles.items() if c not in ticks or is_tick(r)}
                        roles = dict(sorted({**roles, **ticks}.items()))
                        skip = number + 1
                        self._sub_header(table, skip, below, roles)
                self.plan_seen = True
                self._layout(table, row, roles, number)
                continue
            if not roles:
                self._other_row(table, number, row, heading=True)
                continue
            self._plan_row(table, number, row, roles)
        return roles

    def _sub_header(self, table: Table, number: int, row: tuple[Cell, ...], roles) -> None:
        for column, cell in enumerate(row, start=1):
            if cell.text and cell.merged_from is None and not is_tick(roles.get(column)):
                self._unplace(table, number, column, cell.text)

    def _layout(self, table: Table, row: tuple[Cell, ...], roles: dict[int, str], number: int):
        def header(column: int, role: str) -> str:
            return role[len(TICK) :] if is_tick(role) else row[column - 1].text

        layout = Layout(
            table.label,
            table.sheet,
            tuple(
                (column, header(column, role), "period" if is_tick(role) else role)
                for column, role in roles.items()
            ),
        )
        if not self.layouts or self.layouts[-1] != layout:
            self.layouts.append(layout)
        for column, cell in enumerate(row, start=1):
            if column not in roles and cell.text and cell.merged_from is None:
                self._unplace(table, number, column, cell.text)

    def _unplace(self, table: Table, row: int, column: int, text: str) -> None:
        self.unplaced.append(Unplaced(Where(table.label, table.sheet, row, column), text))

    # -- the plan -------------------------------------------------------------------------

    def _plan_row(self, table: Table, number: int, row: tuple[Cell, ...], roles: dict[int, str]):
        def cell_at(column: int) -> Cell:
            return row[column - 1] if column <= len(row) else EMPTY

        if not any(cell.text for cell in row):
            return
        if (section := _section(row, number, roles)) is not None:
            self.topic = section
            return
        title_column = next(c for c, role in roles.items() if role == "title")
        title = cell_at(title_column)
        starts = bool(title.text) and title.merged_from is None
        if starts:
            where = Where(table.label, table.sheet, number, title_column)
            self.measures.append(_Measure(where, topic=self.topic))
        elif not self.measures:
            for column, cell in enumerate(row, start=1):
                if cell.text:
                    self._unplace(table, number, column, cell.text)
            return
        measure = self.measures[-1]
        for column, cell in enumerate(row, start=1):
            role = roles.get(column)
            if role is None or role == "supervisor":
                if cell.text:
                    self._unplace(table, number, column, cell.text)
                continue
            if role == "order":
                continue
            where = Where(table.label, table.sheet, number, column)
            if is_tick(role):
                measure.cells.setdefault("period", where)
                if _ticked(table, number, cell):
                    measure.ticks.append(role[len(TICK) :])
                continue
            measure.cells.setdefault(role, where)
            if cell.merged_from is not None:
                # Merged down from a row above: a new measure shares its text, a continuation
                # row already has it. Merged across: the cell to the left holds it.
                origin_row, origin_column = cell.merged_from
                if starts and origin_row != number and origin_column == column:
                    measure.add(role, _cell_paragraphs(table, cell.merged_from))
                continue
            measure.add(role, _cell_paragraphs(table, (number, column)))

    # -- tables that are not the plan: scores, the analysis ---------------------------------

    def _other_table(self, table: Table) -> None:
        header_years: dict[int, int] = {}
        skipped_columns: set[int] = set()
        analysis: dict[int, str] | None = None
        for number, row in enumerate(table.rows, start=1):
            analysis_columns = _analysis_columns(row)
            if analysis_columns:
                analysis = analysis_columns
                for column, cell in enumerate(row, start=1):
                    if column not in analysis and cell.text:
                        self._unplace(table, number, column, cell.text)
                continue
            if analysis is not None:
                self._analysis_row(table, number, row, analysis)
                continue
            if self._score_row(table, number, row, header_years, skipped_columns):
                continue
            years = {
                column: int(found.group(1))
                for column, cell in enumerate(row, start=1)
                if (found := _YEAR_HEADER.fullmatch(to_arabic_digits(cell.text)))
            }
            for column, cell in enumerate(row, start=1):
                if header_role(cell.text) == "order" or "อันดับ" in cell.text:
                    skipped_columns.add(column)
            if years:
                header_years.update(years)
                for column, cell in enumerate(row, start=1):
                    if column not in years and cell.text and not _is_column_heading(cell.text):
                        self._unplace(table, number, column, cell.text)
                continue
            self._other_row(table, number, row, heading=False)

    def _other_row(self, table: Table, number: int, row: tuple[Cell, ...], heading: bool):
        filled = [(column, cell) for column, cell in enumerate(row, start=1) if cell.text]
        if heading and len(filled) == 1:
            # A sheet's title rows above its table read like a document's headings.
            self._paragraph(filled[0][1].text)
            return
        for column, cell in filled:
            if _is_column_heading(cell.text):
                continue
            self._unplace(table, number, column, cell.text)

    def _score_row(self, table, number, row, header_years, skipped_columns) -> bool:
        """A row naming one indicator, with its score in one or more columns (one a year)."""
        named = [(column, _indicators_named(cell.text)) for column, cell in enumerate(row, 1)]
        indicator_cells = [(column, found) for column, found in named if len(found) == 1]
        if len(indicator_cells) != 1:
            return False
        indicator_column, (indicator,) = indicator_cells[0]
        scores = []
        for column, cell in enumerate(row, start=1):
            if column == indicator_column or column in skipped_columns or not cell.text:
                continue
            numbers = _NUMBER.findall(to_arabic_digits(cell.text))
            if len(numbers) != 1 or float(numbers[0]) > 100:
                return False
            scores.append((column, float(numbers[0])))
        if not scores:
            return False
        for column, score in scores:
            year = header_years.get(column)
            scores_of_year = (
                self.undated_scores if year is None else self.score_rows.setdefault(year, {})
            )
            cell = Unplaced(Where(table.label, table.sheet, number, column), row[column - 1].text)
            _add_score(scores_of_year, indicator, score, cell, self.unplaced)
        return True

    def _analysis_row(self, table: Table, number: int, row: tuple[Cell, ...], columns):
        named: set[int] = set()
        instrument = None
        for column, role in columns.items():
            if role == "indicator" and column <= len(row):
                text = row[column - 1].text
                named |= set(_indicators_named(text))
                if found := _INSTRUMENT.search(text):
                    instrument = found.group(1)
        instruments = {i.instrument for i in indicators() if i.number in named}
        if len(instruments) == 1:
            instrument = instruments.pop()
        for column, cell in enumerate(row, start=1):
            role = columns.get(column)
            if role in ("weakness", "develop"):
                for item in _finding_items(cell, named, role):
                    if "unplaced" in item:
                        self._unplace(table, number, column, item["unplaced"])
                    elif item["indicator"] is None and instrument is None:
                        self._unplace(table, number, column, item["text"])
                    else:
                        where = Where(table.label, table.sheet, number, column)
                        self.findings.append(
                            (where, {"kind": role, "instrument": instrument, **item})
                        )
            elif role == "score" and cell.text:
                self._analysis_score(table, number, column, cell, named)
            elif role is None and cell.text:
                self._unplace(table, number, column, cell.text)

    def _analysis_score(self, table: Table, number: int, column: int, cell: Cell, named):
        numbers = _NUMBER.findall(to_arabic_digits(cell.text))
        place = Unplaced(Where(table.label, table.sheet, number, column), cell.text)
        if len(named) == 1 and len(numbers) == 1 and float(numbers[0]) <= 100:
            _add_score(
                self.undated_scores, next(iter(named)), float(numbers[0]), place, self.unplaced
            )
        else:
            self.unplaced.append(place)

    # -- the document's headings ----------------------------------------------------------

    def report_year(self) -> int | None:
        for text in self.headings:
            if found := _REPORT_YEAR.search(to_arabic_digits(text)):
                return int(found.group(1))
        return None

    def fiscal_year(self) -> int | None:
        """The last fiscal year the headings name (`ปีงบประมาณ พ.ศ. ๒๕๖๖`); a plan's own title
        names its year with `ประจำปี ๒๕๖๘` too, and a multi-year plan's with `พ.ศ. ๒๕๖๑ – ๒๕๖๔`
        (its first year)."""
        years = []
        for text in self.headings:
            text = to_arabic_digits(text)
            found = [int(year) for year in _FISCAL_YEAR.findall(text)]
            if not found and _PLAN_TITLE.search(text):
                found = [int(year) for year in _REPORT_YEAR.findall(text)]
                found = found or [int(first) for first, _ in _YEAR_RANGE.findall(text)]
            years += found
        return years[-1] if years else None

    def agency(self) -> str | None:
        """The first heading that is an agency's name: it opens with the kind of agency
        (เทศบาลตำบล…, องค์การบริหารส่วนตำบล…, กรม…, วิทยาลัย…, โรงเรียน…), maybe after
        `(๑) ชื่อหน่วยงาน`, maybe followed by the year (… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘); a name,
        not a sentence."""
        for text in self.headings:
            line = " ".join(_AGENCY_LABEL.sub("", to_arabic_digits(text)).split())
            line = _YEAR_TAIL.split(line)[0].strip()
            if _AGENCY.match(line) and len(line.split()) <= 4 and not re.search(r"[0-9]", line):
                return line
        # Else the first agency a heading names inside it (… ของเทศบาลตำบลจุน อำเภอจุน): the
        # name runs to the next space.
        for text in self.headings:
            for found in _AGENCY.finditer(text):
                name = text[found.start() :].split()[0]
                if len(name) > len(found.group()) + 1 and not re.search(r"[0-9๐-๙]", name):
                    return name.rstrip(",;:")
        return None

    def published(self) -> tuple[float | None, str | None]:
        overall = result = None
        for text in self.headings:
            text = to_arabic_digits(text)
            if overall is None and (found := _PUBLISHED_OVERALL.search(text)):
                overall = float(found.group(1))
            if result is None and (found := _PUBLISHED_RESULT.search(text)):
                result = found.group(1)
        return overall, result


def _continued(
    table: Table, width: int, roles: dict[int, str], previous_width: int
) -> dict[int, str]:
    """The plan's columns for a table that goes on with it without a header: as wide as the
    table before, or one column wider with that column empty at either edge (a converter's
    leftover); else none."""
    if not roles or width == previous_width:
        return roles if width == previous_width else {}
    if width == previous_width - 1:
        # Back from a table that had the leftover column.
        if max(roles) <= width:
            return roles
        return {column - 1: role for column, role in roles.items()} if 1 not in roles else {}
    if width != previous_width + 1:
        return {}

    def empty(column: int) -> bool:
        return all(len(row) < column or not row[column - 1].text for row in table.rows)

    if empty(1):
        return {column + 1: role for column, role in roles.items()}
    if empty(width):
        return roles
    return {}


# A row that heads a part of the plan rather than a measure.
_SECTION = re.compile(
    r"^\s*(?:มิติที่|ด้านที่|ยุทธศาสตร์ที่|ประเด็นที่|ส่วนที่|กลยุทธ์ที่|แผนงานที่|เป้าประสงค์ที่)\s*[0-9๐-๙]"
)


def _section(row: tuple[Cell, ...], number: int, roles: dict[int, str]) -> str | None:
    """The heading a row holds when it is one cell merged across the table, or one cell in the
    measure's (or order's) column that opens with มิติที่/ด้านที่/ยุทธศาสตร์ที่ …"""
    filled = [(column, cell) for column, cell in enumerate(row, start=1) if cell.text]
    if len(filled) != 1 or filled[0][1].merged_from is not None:
        return None
    column, cell = filled[0]
    across = len(row) >= 3 and all(
        other.merged_from == (number, column) for c, other in enumerate(row, 1) if c != column
    )
    if across or (roles.get(column) in ("title", "order") and _SECTION.match(cell.text)):
        return _one_line(cell.text)
    return None


def _ticked(table: Table, number: int, cell: Cell) -> bool:
    """A tick (✓, /, x, a budget) in the cell, or in the cell of the same row it is merged from
    (a bar drawn across the months)."""
    if cell.merged_from is not None:
        origin_row, origin_column = cell.merged_from
        if origin_row != number:
            return False
        cell = table.rows[origin_row - 1][origin_column - 1]
    return cell.text.strip() not in _UNTICKED


def _cell_paragraphs(table: Table, at: tuple[int, int]) -> list[str]:
    row, column = at
    return [_one_line(p) for p in table.rows[row - 1][column - 1].paragraphs if p.strip()]


def _is_column_heading(text: str) -> bool:
    words = _squeezed(text)
    return words in {"ตัวชี้วัด", "คะแนน", "ระดับคะแนน", "อันดับ", "ผลคะแนน"}


def _indicators_named(text: str) -> list[int]:
    words = _squeezed(text)
    return [i.number for i in indicators() if _squeezed(i.name_th) in words]


def _analysis_columns(row: tuple[Cell, ...]) -> dict[int, str]:
    """An analysis table's columns: the indicator, what is weak or must be fixed, what is to be
    developed, and maybe its score; else {}."""
    roles: dict[int, str] = {}
    for column, cell in enumerate(row, start=1):
        words = _squeezed(cell.text)
        if len(words) > _HEADER_LENGTH:
            continue
        if "ข้อบกพร่อง" in words or "จุดอ่อน" in words:
            roles[column] = "weakness"
        elif "พัฒนา" in words:
            roles[column] = "develop"
        elif "ต้องแก้ไข" in words or "ปรับปรุง" in words:
            roles[column] = "weakness"
        elif "ตัวชี้วัด" in words:
            roles[column] = "indicator"
        elif words in ("คะแนน", "ผลคะแนน", "ระดับคะแนน", "คะแนนที่ได้"):
            roles[column] = "score"
    found = set(roles.values())
    if "indicator" in found and found & {"weakness", "develop"}:
        return roles
    return {}


def _one_line(text: str) -> str:
    """A tab or a line break inside a paragraph is layout, not content."""
    return re.sub(r"[\t\n\r]+", " ", text).strip()


def _finding_items(cell: Cell, named: set[int], kind: str) -> Iterator[dict]:
    """A cell's findings: each bulleted line (`- …`) one finding, under the sub-indicator
    (`๙.๒ …`) and topic lines above it; a cell without bullets is one finding. Lines that are
    none of these come out as {"unplaced": text}."""
    lines = []
    for paragraph in cell.paragraphs:
        pieces = re.split(r"(?:^|\s)-\s+", _one_line(paragraph))
        for position, piece in enumerate(pieces):
            if piece.strip():
                bullet = position > 0
                lines.append((piece.strip(), bullet))
    only = next(iter(named)) if len(named) == 1 else None
    if not any(bullet for _, bullet in lines):
        text = _one_line(cell.text)
        if text and kind == "weakness" and _NO_WEAKNESS.search(text):
            yield {"unplaced": text}
        elif text:
            yield {"indicator": only, "text": text}
        return
    sub = topic = None
    indicator = only
    for text, bullet in lines:
        if bullet:
            about = indicator
            if about is None:
                mentioned = [n for n in _indicators_named(text) if not named or n in named]
                about = mentioned[0] if len(mentioned) == 1 else None
            yield {"indicator": about, **_topic_and_text(text, about, sub, topic)}
            continue
        if found := _SUB_INDICATOR.match(to_arabic_digits(text)):
            major, minor, _ = found.groups()
            if 1 <= int(major) <= len(indicators()):
                indicator, sub, topic = int(major), f"{int(major)}.{int(minor)}", None
                continue
        if sub is not None and topic is None:
            topic = text
        else:
            yield {"unplaced": text}


def _topic_and_text(text: str, indicator: int | None, sub: str | None, topic: str | None) -> dict:
    """A bullet that opens with its indicator's name (`ด้านคุณภาพการดำเนินงาน ควร…`) has that
    as its topic."""
    if topic is None and indicator is not None:
        name = next(i.name_th for i in indicators() if i.number == indicator)
        opening = re.match(rf"(ด้าน\s*{re.escape(name)})\s+(\S.*)", text)
        if opening:
            topic, text = opening.groups()
    return {"sub_indicator": sub, "topic": topic, "text": text}


_ITEM_MARK = re.compile(r"(?:^|(?<=\s))([0-9]{1,2})\)\s*")


def numbered_items(paragraphs: list[str]) -> list[str]:
    """The numbered items of a method (`อย่างน้อยประกอบด้วย ๑) … ๒) …`), which plans list as what
    a report must hold: each runs to the next number or the end of its paragraph. A list counts
    from 1 without a gap, and may go on in the next paragraph or row; a lone `๑)` is no list."""
    lists: list[list[str]] = []
    expected = 1
    for paragraph in paragraphs:
        # Thai digits become Arabic one for one, so that places in one are places in the other.
        text = to_arabic_digits(paragraph)
        marks: list[tuple[int, re.Match[str]]] = []
        for mark in _ITEM_MARK.finditer(text):
            number = int(mark.group(1))
            if number == 1:
                lists.append([])
                expected = 1
            if number == expected and lists:
                marks.append((len(lists) - 1, mark))
                expected += 1
        for position, (which, mark) in enumerate(marks):
            end = marks[position + 1][1].start() if position + 1 < len(marks) else len(text)
            lists[which].append(paragraph[mark.end() : end].strip())
    return [item for found in lists if len(found) > 1 for item in found if item]


def _split_units(text: str) -> Iterator[tuple[str, str | None, str | None]]:
    """Each unit a responsible cell names: (name, kind, parent). `งานนิติการ สำนักปลัดฯ` is a
    section and the office it belongs to; words that do not open with a kind continue the name
    before them, as a line wrapped inside it."""
    # A unit in brackets beside another (กองคลัง (งานพัสดุ)) is a unit of its own.
    text = _BRACKETED_UNIT.sub(r" \1 ", text)
    for part in _UNIT_SEPARATORS.split(text):
        names: list[list[str]] = []
        for word in _UNIT_EDGES.sub("", part).split():
            # A post opens a new name after a post (ปลัด อบต. รองปลัด อบต.), not inside a
            # unit's name broken by a space (สำนักงาน ปลัดเทศบาล).
            post = word.startswith(JOB_TITLES) and names and _kind(names[-1][0]) is None
            if names and _kind(word) is None and not post:
                names[-1].append(word)
            else:
                names.append([word])
        joined = [name for words in names if (name := _clean_unit(_rejoined(words)))]
        if len(joined) == 2 and _kind(joined[0]) in _SUB_UNIT_KINDS:
            parent_kind = _kind(joined[1])
            if parent_kind is not None and parent_kind not in _SUB_UNIT_KINDS:
                yield joined[0], _kind(joined[0]), joined[1]
                continue
        for name in joined:
            yield name, _kind(name), None


# Names that end in an abbreviation's dot: ปลัด อบต., งานการเงิน รพ.
_ABBREVIATIONS = ("อบต.", "อบจ.", "สป.", "ทต.", "ทม.", "ทน.", "รพ.", "สสจ.", "สสอ.", "ผอ.", "กทม.")


def _clean_unit(name: str) -> str:
    """A name without the punctuation around it; an abbreviation's closing dot (อบต.) stays."""
    name = _UNIT_EDGES.sub("", name)
    if name.endswith(".") and "." not in name[:-1] and not name.endswith(_ABBREVIATIONS):
        name = name[:-1]
    if name.endswith(")") and "(" not in name:
        name = name[:-1].rstrip()
    return name


def _rejoined(words: list[str]) -> str:
    """Thai writes no space between the words of a name: a space between two Thai letters is
    where a line wrapped. Beside other letters (งาน ICT) a space is a space."""
    name = words[0]
    for word in words[1:]:
        wrapped = _THAI_LETTER.match(name[-1]) and _THAI_LETTER.match(word[0])
        name += word if wrapped else " " + word
    return name


_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")


def _kind(name: str) -> str | None:
    return next((kind for kind in UNIT_KINDS if name.startswith(kind)), None)


class _Units:
    """The units as the plan names them, one per name once spaces are taken out (as first
    written); a name abbreviated with ฯ is completed where the document spells it out."""

    def __init__(self, document_text: list[str]) -> None:
        self.document_text = document_text
        self.rows: dict[str, dict] = {}

    def full_name(self, name: str) -> str:
        if not name.endswith("ฯ"):
            return name
        stem = name[:-1]
        spelled = {
            found.group()
            for text in self.document_text
            for found in re.finditer(re.escape(stem) + r"[^\s,()ฯ]+(?=[\s,()]|$)", text)
        }
        return spelled.pop() if len(spelled) == 1 else name

    def add(self, name: str, kind: str | None, parent: str | None) -> str:
        name = self.full_name(name)
        key = _squeezed(name)
        if parent is not None:
            parent = self.add(parent, _kind(parent), None)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = {"name": name, "kind": kind, "parent": parent}
        elif row["parent"] is None and parent is not None:
            row["parent"] = parent
        return row["name"]

    def table(self) -> list[dict]:
        return [{k: v for k, v in row.items() if v is not None} for row in self.rows.values()]


# The unit a measure is given when the plan names none: the officer renames it later.
PLACEHOLDER_UNIT = "ยังไม่ระบุหน่วยงาน"
# A numbered paragraph (`1. …`, `๒) …`, `(3) …`) of a plan written without a table.
_NUMBERED_PARAGRAPH = re.compile(r"^\s*(?:\(?[0-9]{1,2}\)|[0-9]{1,2}\.(?![0-9]))\s*(\S.*)$")
_BUDGET_NONE = re.compile(r"ไม่ใช้งบ|ไม่มีงบ|ไม่ใช้เงิน|ไม่มีค่าใช้จ่าย|^ไม่มี$|no budget")
_BUDGET_AMOUNT = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)")


def budget_of(text: str) -> Decimal | None | str:
    """A budget cell in baht: Decimal(0) for `ไม่ใช้งบประมาณ`, None when it says nothing (`-`),
    or the text back when it is neither."""
    cleaned = to_arabic_digits(text).strip()
    if cleaned in ("", "-", "–", "—"):
        return None
    if _BUDGET_NONE.search(cleaned):
        return Decimal(0)
    amounts = _BUDGET_AMOUNT.findall(cleaned)
    if len(amounts) == 1:
        return Decimal(amounts[0].replace(",", ""))
    return text


def plan_from_tables(
    document: OfficeDocument,
    agency: str | None = None,
    fiscal_year: int | None = None,
    unit: str | None = None,
) -> PlanFromTables:
    """The snapshot document the tables hold. `agency` and `fiscal_year` override what the
    headings say; `unit` is given to every measure whose row names none. What the document
    does not say (the agency, the year) is listed in `missing` and left out of the document, for
    the draft to mark; it is never guessed."""
    reader = _Reader(document)
    reader.read()
    from_paragraphs = False
    if not reader.layouts:
        reader.measures = _numbered_paragraphs(document)
        from_paragraphs = bool(reader.measures)
    report_year = reader.report_year()
    fiscal_year = fiscal_year or reader.fiscal_year() or (report_year and report_year + 1) or None
    year_from_periods = None
    if fiscal_year is None:
        fiscal_year = year_from_periods = _year_of_periods(reader.measures)
    agency = agency or reader.agency()
    missing = [
        name for name, value in (("agency", agency), ("fiscal_year", fiscal_year)) if not value
    ]

    origins: dict[str, Where] = {}
    units = _Units(reader.all_text)
    measures = []
    budgets: dict[int, Decimal | None] = {}
    placeholders: list[int] = []
    undated: list[int] = []
    unread_periods: list[tuple[int, UserError]] = []
    for index, found in enumerate(reader.measures):
        origins[f"measures[{index}]"] = found.where
        for role, where in found.cells.items():
            origins[f"measures[{index}].{role}"] = where
        unit_names = list(
            dict.fromkeys(units.add(*unit) for unit in _split_units(found.text("units")))
        )
        if not unit_names:
            given = unit or PLACEHOLDER_UNIT
            unit_names = [units.add(given, _kind(given), None)]
            if unit is None:
                placeholders.append(index)
        period = found.period()
        if not period:
            undated.append(index)
        elif fiscal_year is not None:
            period = _period_over_rows(period, found.paragraphs.get("period", []), fiscal_year)
            try:
                parse_period(period, fiscal_year)
            except UserError as error:
                # Kept, marked, and without dates: the rest of the plan still comes in.
                unread_periods.append((index, error))
                period = f"{UNREAD_PERIOD} {period}"
        budget = budget_of(found.text("budget"))
        if isinstance(budget, str):
            where = found.cells.get("budget", found.where)
            reader.unplaced.append(Unplaced(where, budget))
        else:
            budgets[index] = budget
        row: dict = {
            "id": index + 1,
            "fiscal_year": fiscal_year,
            "title": _LIST_NUMBER.sub("", found.text("title")),
            "method": found.text("method"),
            "units": unit_names,
            "period": period,
            "follow_up": found.text("follow_up"),
            "topic": found.topic,
            "budget": _toml_amount(budgets.get(index)),
            "status": "not_started",
        }
        reason = _clause_saying_dropped(
            " ".join(found.text(role) for role in ("title", "method", "period", "follow_up"))
        )
        if reason:
            row["status"] = "dropped"
            row["drop_reason"] = reason
        elif items := numbered_items(found.paragraphs.get("method", [])):
            row["contents"] = [{"text": item} for item in items]
        measures.append(
            {k: v for k, v in row.items() if (v != "" or k == "period") and v is not None}
        )

    result: dict = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "agency": {"name": agency or ""},
        "assessments": _assessments(reader, report_year),
        "units": units.table(),
        "findings": [],
        "measures": measures,
    }
    for index, (where, finding) in enumerate(reader.findings):
        origins[f"findings[{index}]"] = where
        row = {"id": index + 1, "assessment_year": report_year, **finding}
        if row.get("indicator") is not None:
            row.pop("instrument", None)
        result["findings"].append({k: v for k, v in row.items() if v is not None})
    if report_year is None:
        for where, finding in reader.findings:
            reader.unplaced.append(Unplaced(where, finding["text"]))
        result["findings"] = []
    # A draft is for a person to read: no empty lists.
    result = {key: value for key, value in result.items() if value != []}
    return PlanFromTables(
        result,
        reader.layouts,
        reader.unplaced,
        origins,
        missing=missing,
        budgets=budgets,
        placeholders=placeholders,
        undated=undated,
        unread_periods=unread_periods,
        from_paragraphs=from_paragraphs,
        fiscal_year=fiscal_year,
        year_from_periods=year_from_periods is not None,
        headers_found=_headers_found(document) or "-",
        expected_headers=_expected_headers(),
    )


def _year_of_periods(measures: list[_Measure]) -> int | None:
    """The fiscal year most measures' periods (those that name their years) begin in."""
    from collections import Counter

    years: Counter[int] = Counter()
    for measure in measures:
        try:
            start = parse_period(measure.period()).start
        except UserError:
            continue
        if start is not None:
            years[fiscal_year_of(start)] += 1
    return years.most_common(1)[0][0] if years else None


def _toml_amount(amount: Decimal | None) -> int | float | None:
    """Baht as a TOML number (the snapshot's `budget`)."""
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _period_over_rows(period: str, paragraphs: list[str], fiscal_year: int) -> str:
    """A measure over several rows (or lines) each with its own period: the list of them, read
    as the first to the last, when the lines joined do not read as one."""
    if len(paragraphs) < 2 or _reads(period, fiscal_year):
        return period
    listed = ", ".join(paragraphs)
    return listed if _reads(listed, fiscal_year) else period


def _reads(period: str, fiscal_year: int) -> bool:
    try:
        parse_period(period, fiscal_year)
    except UserError:
        return False
    return True


def _numbered_paragraphs(document: OfficeDocument) -> list[_Measure]:
    """A plan written without a table, as numbered paragraphs: each one a measure."""
    measures = []
    paragraph = 0
    for block in document.blocks:
        if not isinstance(block, str):
            continue
        paragraph += 1
        inline = _inline_items(block)
        found = _NUMBERED_PARAGRAPH.match(to_arabic_digits(block))
        titles = inline or ([_one_line(block[found.start(1) :])] if found else [])
        for title in titles:
            measure = _Measure(Where("", False, paragraph, 0))
            measure.add("title", [title])
            measures.append(measure)
    return measures


# The number a title carries in its list (`๑) โครงการ…`, `(2) …`, `3. …`): the list's, not the
# measure's.
_LIST_NUMBER = re.compile(
    r"^\s*(?:\(?[0-9๐-๙]{1,2}\)|[0-9๐-๙]{1,2}\.(?=\s)|[-–•·*▪◦➢✓](?=\s*\S))\s*(?=\S)"
)
_INLINE_MARK = re.compile(r"(?:^|(?<=\s))([0-9]{1,2})[.)]\s+")


def _inline_items(paragraph: str) -> list[str]:
    """The items of a list written in one paragraph (`… ได้แก่ 1. … 2. …`), counted from 1
    without a gap; [] for fewer than two."""
    text = to_arabic_digits(paragraph)
    marks: list[re.Match[str]] = []
    for mark in _INLINE_MARK.finditer(text):
        if int(mark.group(1)) == len(marks) + 1:
            marks.append(mark)
    if len(marks) < 2:
        return []
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return [
        item
        for mark, end in zip(marks, ends, strict=True)
        if (item := _one_line(paragraph[mark.end() : end]))
    ]


def _add_score(
    scores: dict[int, tuple[float, Unplaced]],
    indicator: int,
    score: float,
    cell: Unplaced,
    unplaced: list[Unplaced],
) -> None:
    """A score said twice (the seed gives each in three tables) is the same score; one that
    says otherwise is listed, not chosen between."""
    held = scores.get(indicator)
    if held is None:
        scores[indicator] = (score, cell)
    elif held[0] != score:
        unplaced.append(cell)


def _assessments(reader: _Reader, report_year: int | None) -> list[dict]:
    """The years whose ten scores the document gives; the cells of a year short of ten are
    listed as not placed."""
    by_year = {year: dict(scores) for year, scores in reader.score_rows.items()}
    if report_year is not None:
        undated = by_year.setdefault(report_year, {})
        for indicator, (score, cell) in reader.undated_scores.items():
            _add_score(undated, indicator, score, cell, reader.unplaced)
    else:
        reader.unplaced.extend(cell for _, cell in reader.undated_scores.values())
    result = []
    overall, grade = reader.published()
    for year in sorted(by_year):
        scores = by_year[year]
        count = methodology(year).indicator_count
        if len(scores) != count:
            reader.unplaced.extend(cell for _, cell in scores.values())
            continue
        row: dict = {
            "year": year,
            "scores": [scores[n][0] for n in range(1, count + 1)],
        }
        if year == report_year and overall is not None:
            row["published_overall"] = overall
        if year == report_year and grade is not None:
            row["published_result"] = grade
        result.append(row)
    return result


def _headers_found(document: OfficeDocument) -> str:
    """The first row of each table, as a person would recognise the table by it."""
    found = []
    for table in document.tables:
        for row in table.rows:
            texts = [cell.text for cell in row if cell.text]
            if texts:
                found.append(" | ".join(text[:40] for text in texts))
                break
    return "; ".join(found[:10])


def _expected_headers() -> str:
    return " | ".join(
        "/".join(_HEADER_WORDS[role][:2]) for role in ("title", "method", "units", "period")
    ) + (" | " + "/".join(_HEADER_WORDS["follow_up"][:1]))

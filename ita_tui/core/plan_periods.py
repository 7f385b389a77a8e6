"""A plan's period cell, read the many ways agencies write it: the fiscal year (`ตลอดปีงบประมาณ
พ.ศ. ๒๕๖๘`, `ปี2562`), quarters (`ไตรมาส ๑ - ไตรมาส ๔`, `ไตรมาส 2/2569`), months with the year
given once (`ม.ค. - มิ.ย. 2567`) or not at all (`ต.ค. – ธ.ค.`, of the plan's fiscal year), days in
one month (`25 – 30 มิ.ย. 53`), words around a period (`ตั้งแต่ … ถึง …`, `เดือน มีนาคม 2566`) and a
note beside it in brackets; lists of them (first to last). parse_period makes digits Arabic first."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ita_tui.core.errors import UserError
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import (
    BE_OFFSET,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    Period,
    fiscal_year_bounds,
    parse_date,
    plausible,
    quarter_bounds,
    to_arabic_digits,
)

_ENGLISH = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def _month_patterns() -> list[tuple[str, int]]:
    patterns: list[tuple[str, int]] = []
    for number, (abbreviation, name, english) in enumerate(
        zip(MONTH_ABBREVIATIONS, MONTH_NAMES, _ENGLISH, strict=True), start=1
    ):
        letters = abbreviation.replace(".", "")
        # ม.ค. / ม.ค / ม. ค. — the first dot is kept, so that two letters inside a word are no month.
        spaced = re.escape(letters[:-1]) + r"\.\s*" + re.escape(letters[-1]) + r"\.?"
        patterns += [(re.escape(name), number), (spaced, number)]
        patterns += [(english, number), (english[:3] + r"\.?", number)]
    return sorted(patterns, key=lambda pattern: -len(pattern[0]))


_MONTHS = _month_patterns()
_MONTH = "(" + "|".join(f"(?:{pattern})" for pattern, _ in _MONTHS) + ")"
_YEAR = r"(?:(?:พ|ค)\.?\s*ศ\.?\s*)?([0-9]{4}|[0-9]{2})"
_YEAR_SUFFIX = r"(?:\s*(?:/|ปีงบประมาณ|ปีงบ\.?|ปี)?\s*" + _YEAR + r")?"

_WHOLE_YEAR_WORDS = re.compile(
    r"(?:ตลอด(?:ทั้ง)?ปี|ทั้งปี|ทุกเดือน|ทุกไตรมาส|ต่อเนื่อง)(?:งบประมาณ)?", re.IGNORECASE
)
_FISCAL = re.compile(
    r"(?:ตลอด(?:ทั้ง)?)?(?:ประจำ)?(?:ปีงบประมาณ|ปีงบ\.?|fy|fiscal\s*year)\s*(?:" + _YEAR + r")?",
    re.IGNORECASE,
)
_QUARTER = re.compile(r"(?:ไตรมาส(?:ที่)?|q)\s*([1-4])" + _YEAR_SUFFIX, re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?:ปี\s*(?:พ\.?\s*ศ\.?)?|พ\.?\s*ศ\.?)?\s*([0-9]{4})")
_DAY_MONTH = re.compile(r"(?:([0-9]{1,2})\s*)?" + _MONTH + r"\s*(?:" + _YEAR + r")?", re.IGNORECASE)
_NUMBER = re.compile(r"([0-9]{1,2})" + _YEAR_SUFFIX)

# Words around a period that say nothing of it.
_NOISE = re.compile(r"ตั้งแต่|ระหว่าง|วันที่|ช่วง|เดือน|จน(?=ถึง)|ภายในปี(?=งบ)|ดำเนินการ|[;:]")
# Between the periods of a list (`ต.ค. 67, ม.ค. 68, เม.ย. 68`, `มีนาคม และ กันยายน 2568`).
_LIST = re.compile(r"\s*(?:,|、|\s+และ\s*|\bและ\s+)\s*")
# `ภายใน ธ.ค. 67`: by then, from the start of the plan's year.
_BY = re.compile(r"^ภายใน\s*")
_DASHES = re.compile(r"\s*(?:[-–—‒―~]|ถึง)\s*")
_BRACKETS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class _Side:
    """One end of a period as written: a kind and what the text gave of it."""

    kind: Literal["date", "quarter", "fiscal", "year", "number"]
    day: int | None = None
    month: int | None = None
    year: int | None = None  # B.E.
    number: int | None = None


class _NeedsYear(Exception):
    pass


def _be_year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    if len(text) == 2:
        return 2500 + year
    return year if year >= 2400 else year + BE_OFFSET


def _month(word: str) -> int:
    return next(number for pattern, number in _MONTHS if re.fullmatch(pattern, word, re.I))


def _side(text: str) -> _Side | None:
    text = text.strip()
    if not text:
        return None
    if _WHOLE_YEAR_WORDS.fullmatch(text):
        return _Side("fiscal")
    if found := _FISCAL.fullmatch(text):
        return _Side("fiscal", year=_be_year(found.group(1)))
    if found := _QUARTER.fullmatch(text):
        return _Side("quarter", number=int(found.group(1)), year=_be_year(found.group(2)))
    if found := _YEAR_ONLY.fullmatch(text):
        return _Side("year", year=_be_year(found.group(1)))
    if found := _DAY_MONTH.fullmatch(text):
        day, month, year = found.groups()
        return _Side(
            "date", day=int(day) if day else None, month=_month(month), year=_be_year(year)
        )
    if found := _NUMBER.fullmatch(text):
        return _Side("number", number=int(found.group(1)), year=_be_year(found.group(2)))
    try:
        day = parse_date(text)
    except UserError:
        return None
    return _Side("date", day=day.day, month=day.month, year=day.year + BE_OFFSET)


def _year_of_month(month: int, fiscal_year: int | None) -> int:
    if fiscal_year is None:
        raise _NeedsYear
    return fiscal_year - 1 if month >= 10 else fiscal_year


def _alone(side: _Side, fiscal_year: int | None) -> tuple[date, date] | None:
    """The days one side covers by itself."""
    if side.kind == "fiscal" or side.kind == "year":
        year = side.year or fiscal_year
        if year is None:
            raise _NeedsYear
        return fiscal_year_bounds(year)
    if side.kind == "quarter":
        year = side.year or fiscal_year
        if year is None or side.number is None:
            raise _NeedsYear
        return quarter_bounds(year, side.number)
    if side.kind == "number" and side.year is not None and 1 <= (side.number or 0) <= 12:
        # `10/2567`: a month and its year.
        side = _Side("date", month=side.number, year=side.year)
    if side.kind == "date" and side.month is not None:
        year = side.year or _year_of_month(side.month, fiscal_year)
        first = date(year - BE_OFFSET, side.month, side.day or 1)
        if side.day is not None:
            return first, first
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, date.fromordinal(following.toordinal() - 1)
    return None


def _dated(left: _Side, right: _Side) -> tuple[_Side, _Side]:
    """Each side given what the other says and it leaves out: `ม.ค. - มิ.ย. 2567` has its year
    once, `25 – 30 มิ.ย. 53` its month once, `ไตรมาส ๑ - ๔` its word once."""
    if left.kind == "number" and right.kind == "date" and right.day is not None:
        left = _Side("date", day=left.number, month=right.month, year=right.year)
    elif left.kind == "number" and right.kind == "quarter":
        left = _Side("quarter", number=left.number, year=left.year or right.year)
    if right.kind == "number" and left.kind == "quarter":
        right = _Side("quarter", number=right.number, year=right.year or left.year)
    elif right.kind == "number" and left.kind == "date" and left.day is not None:
        right = _Side("date", day=right.number, month=left.month, year=right.year or left.year)
    if left.kind == right.kind == "quarter":
        left = _Side("quarter", number=left.number, year=left.year or right.year)
    if left.kind == right.kind == "date" and left.month and right.month:
        later_in_year = (left.month, left.day or 1) > (right.month, right.day or 31)
        if left.year is None and right.year is not None:
            left = _Side("date", left.day, left.month, right.year - later_in_year)
        elif right.year is None and left.year is not None:
            right = _Side("date", right.day, right.month, left.year + later_in_year)
    return left, right


def _read_one(text: str, fiscal_year: int | None) -> tuple[date, date] | None:
    text = " ".join(_NOISE.sub(" ", text).split())
    if not text:
        return None
    if _BY.match(text):
        found = _read_one(_BY.sub("", text), fiscal_year)
        if found is None or fiscal_year is None:
            return found
        year_start = fiscal_year_bounds(fiscal_year)[0]
        return (year_start if year_start <= found[1] else found[0]), found[1]
    if _LIST.search(text):
        return _read_list(_LIST.split(text), fiscal_year)
    whole = _side(text)
    if whole is not None and whole.kind != "number":
        return _alone(whole, fiscal_year)
    # ISO dates hold dashes too: every dash is tried as the one between the two ends.
    for dash in _DASHES.finditer(text):
        left, right = _side(text[: dash.start()]), _side(text[dash.end() :])
        if left is None or right is None:
            continue
        left, right = _dated(left, right)
        start, end = _alone(left, fiscal_year), _alone(right, fiscal_year)
        if start is not None and end is not None:
            return start[0], end[1]
    return None


def _read_list(pieces: list[str], fiscal_year: int | None) -> tuple[date, date] | None:
    """The first to the last of a list of periods; a bare number after a quarter is a quarter
    (`ไตรมาส 1, 2, 3`)."""
    found = []
    previous: _Side | None = None
    for piece in pieces:
        side = _side(piece)
        if side is not None and side.kind == "number" and previous is not None:
            side = _dated(previous, side)[1]
            piece_period = _alone(side, fiscal_year)
        else:
            piece_period = _read_one(piece, fiscal_year) if piece.strip() else None
        if piece_period is None:
            return None
        found.append(piece_period)
        previous = side if side is not None else previous
    return min(start for start, _ in found), max(end for _, end in found)


def read(text: str, fiscal_year: int | None) -> tuple[date, date] | Literal["needs_year"] | None:
    """The first and last day of the period `text` names; "needs_year" when it names no year
    and no fiscal year is given; None when it is no period read here."""
    outside = _BRACKETS.sub(" ", text)
    tries = [text, outside, *_BRACKETS.findall(text)] if outside != text else [text]
    needs_year = False
    for attempt in tries:
        try:
            found = _read_one(attempt, fiscal_year)
        except _NeedsYear:
            needs_year = True
            continue
        except (ValueError, UserError):
            continue
        if found is not None:
            return found
    return "needs_year" if needs_year else None


def tick_label(text: str) -> str | None:
    """A tick column's header read as the period it stands for (a quarter, a month, a year), in
    Arabic digits; None for any other header."""
    cleaned = " ".join(to_arabic_digits(text).split())
    side = _side(cleaned) if cleaned else None
    if side is None or side.kind in ("number", "fiscal"):
        return None
    if side.kind == "date" and side.day is not None:
        return None
    return cleaned


def year_of_label(label: str) -> int | None:
    """The B.E. year a year column's label names (`ปี 2568`), else None."""
    side = _side(label)
    return side.year if side is not None and side.kind == "year" else None


_NO_PERIOD = {"", "-", "–", "—", "ไม่มี", "none"}
# Opens a period an import could not read, kept as written after it: a measure without dates
# until a person mends it, which says so wherever its period is shown.
UNREAD_PERIOD = "TODO:"


def parse_period(text: str, fiscal_year: int | None = None) -> Period:
    """Read a plan's ระยะเวลาดำเนินการ the ways plans write it: `ต.ค. ๖๕ – ก.ย. ๖๖`,
    `ปีงบประมาณ ๒๕๖๖`, `ไตรมาส ๑ - ไตรมาส ๔`, `ม.ค. - มิ.ย. 2567`, `25 – 30 มิ.ย. 53`, a date range,
    or `-`. A period that names no year (`ต.ค. – ธ.ค.`, `ตลอดปีงบประมาณ`) is of `fiscal_year`, the
    plan's B.E. year; without it such a period is refused as needing one."""
    cleaned = to_arabic_digits(normalise(text)).strip().rstrip(",")
    if cleaned.lower() in _NO_PERIOD or cleaned.startswith(UNREAD_PERIOD):
        return Period(None, None)
    found = read(cleaned, fiscal_year)
    if found is None:
        raise UserError("period.invalid", text=text)
    if found == "needs_year":
        raise UserError("period.needs_year", text=text)
    start, end = found
    if end < start:
        raise UserError("period.reversed", text=text)
    for day in (start, end):
        if not plausible(day):
            raise UserError("date.year_out_of_range", text=text)
    return Period(start, end)

"""Numbers as officers type them: Thai or Arabic digits, a stray % or space. Other digits
(superscripts, circled, other scripts' digits) are not numbers here, and a number too long to
be an id or a year is refused before it reaches Python's or SQLite's integer limits. A number
typed with the keyboard left in the Thai layout (`ภจ` for 40) is read as the digits meant."""

import re
from decimal import Decimal

from ita_tui.core.errors import UserError
from ita_tui.core.keyboard_layout import digits_typed_in_kedmanee
from ita_tui.core.money import baht
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import EARLIEST_BE_YEAR, LATEST_BE_YEAR, to_arabic_digits

# 18 digits stay below SQLite's largest integer (2^63 - 1).
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
_SHOWN = 24


def shown(text: str) -> str:
    """A value as quoted back in a message: a page of digits is cut short."""
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def parse_whole_number(text: str, error_key: str) -> int:
    cleaned = to_arabic_digits(normalise(text)).removesuffix("%").strip()
    cleaned = digits_typed_in_kedmanee(cleaned) or cleaned
    if not _WHOLE_NUMBER.fullmatch(cleaned):
        raise UserError(error_key, value=shown(text))
    return int(cleaned)


def parse_percent(text: str) -> int:
    value = parse_whole_number(text, "progress.percent_not_number")
    if value > 100:
        raise UserError("progress.percent_range", value=value)
    return value


def parse_be_year(text: str) -> int:
    """A Buddhist-era year, B.E. 2400 to 2700."""
    year = parse_whole_number(text, "cli.bad_year")
    if year < EARLIEST_BE_YEAR:
        raise UserError("cli.year_not_be", value=year)
    if year > LATEST_BE_YEAR:
        raise UserError("cli.year_range", value=shown(str(year)))
    return year


# How plans and officers say that a measure needs no money.
_NO_BUDGET = frozenset({"ไม่ใช้งบประมาณ", "ไม่ใช้งบ", "ไม่มีงบประมาณ", "ไม่มี", "-", "none", "no budget"})
_BAHT_WORDS = re.compile(r"(บาท|baht|฿|thb)", re.IGNORECASE)


def parse_baht(text: str) -> Decimal | None:
    """An amount of baht as typed: `50,000`, `๕๐,๐๐๐ บาท`, `1500.50`; "ไม่ใช้งบประมาณ" (or 0) is
    an explicit no budget, Decimal(0); nothing typed is None, not stated."""
    cleaned = normalise(text).strip()
    if not cleaned:
        return None
    if cleaned.casefold() in _NO_BUDGET:
        return Decimal(0)
    number = _BAHT_WORDS.sub("", to_arabic_digits(cleaned)).replace(",", "").replace(" ", "")
    number = digits_typed_in_kedmanee(number) or number
    try:
        return baht(number)
    except ValueError:
        raise UserError("budget.not_baht", value=shown(text)) from None

"""Numbers as officers type them: Thai or Arabic digits, a stray % or space."""

from ita_tui.errors import UserError
from ita_tui.text import normalise
from ita_tui.thai_calendar import to_arabic_digits


def parse_whole_number(text: str, error_key: str) -> int:
    cleaned = to_arabic_digits(normalise(text)).removesuffix("%").strip()
    if not cleaned.isdigit():
        raise UserError(error_key, value=text)
    return int(cleaned)


def parse_percent(text: str) -> int:
    value = parse_whole_number(text, "progress.percent_not_number")
    if value > 100:
        raise UserError("progress.percent_range", value=value)
    return value

"""The Thai fiscal year, Buddhist-era dates and Thai digits; reading dates the way officers type
them. Periods (ระยะเวลาดำเนินการ) are read in plan_periods."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

from ita_tui.core.errors import UserError
from ita_tui.core.model import Record
from ita_tui.core.text import normalise

BE_OFFSET = 543
# Thai time: seven hours ahead of UTC all year, as since 1920 (Thailand keeps no summer time). A
# fixed offset rather than the Asia/Bangkok zone of the tz database, which is not on every machine
# (Windows without the tzdata package) and whose loading was part of what the first frame waited for.
THAI_TIME = timezone(timedelta(hours=7), "Asia/Bangkok")
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

MONTH_ABBREVIATIONS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
MONTH_NAMES = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


ENGLISH_MONTH_ABBREVIATIONS = tuple(month[:3].title() for month in _ENGLISH_MONTHS)
# The years an English date is written in: the Buddhist era as Thai papers have it, or the
# common era (a setting, `era`).
ERAS = ("be", "ce")


def _month_key(word: str) -> str:
    return re.sub(r"[.\s]", "", word).lower()


_MONTH_BY_KEY: dict[str, int] = {}
for _number, (_abbr, _name, _english) in enumerate(
    zip(MONTH_ABBREVIATIONS, MONTH_NAMES, _ENGLISH_MONTHS, strict=True), start=1
):
    _MONTH_BY_KEY[_month_key(_abbr)] = _number
    _MONTH_BY_KEY[_name] = _number
    _MONTH_BY_KEY[_english] = _number
    _MONTH_BY_KEY[_english[:3]] = _number
_MONTH_BY_KEY["sept"] = 9

# Plausible years, everywhere a date enters (typed, imported, in a form), so that a slip of the
# keyboard (year 566, year 20230) is caught, not stored, and every date can be shown the Thai way.
EARLIEST_BE_YEAR = 2400
LATEST_BE_YEAR = 2700


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def with_digits(text: str, digits: str) -> str:
    """Render text in the user's chosen digit system: 'thai' or 'arabic'."""
    return to_thai_digits(text) if digits == "thai" else to_arabic_digits(text)


def be_to_ce(be_year: int) -> int:
    return be_year - BE_OFFSET


def ce_to_be(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def plausible(day: date) -> bool:
    """Whether a day falls between B.E. 2400 and B.E. 2700."""
    return EARLIEST_BE_YEAR <= ce_to_be(day.year) <= LATEST_BE_YEAR


def today() -> date:
    """Today in Thailand, whatever the machine's clock zone."""
    return datetime.now(THAI_TIME).date()


def now_utc() -> str:
    """The moment a record is made, as stored: UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def fiscal_year(day: date) -> int:
    """The B.E. fiscal year that a day belongs to: October starts the next year."""
    return ce_to_be(day.year + 1 if day.month >= 10 else day.year)


def result_year_in_hand(day: date) -> int:
    """The ITA year whose result an agency plans from during the fiscal year of `day`: the
    result of year Y comes out in August of fiscal year Y, and the plan it leads to runs in Y + 1.
    In fiscal year 2570 (from 1 Oct 2569) that is the 2569 result."""
    return fiscal_year(day) - 1


def fiscal_year_bounds(be_year: int) -> tuple[date, date]:
    ce_year = be_to_ce(be_year)
    return date(ce_year - 1, 10, 1), date(ce_year, 9, 30)


def fiscal_quarter(day: date) -> int:
    """1 for Oct–Dec, 2 for Jan–Mar, 3 for Apr–Jun, 4 for Jul–Sep."""
    return (day.month - 10) % 12 // 3 + 1


def quarter_bounds(be_year: int, quarter: int) -> tuple[date, date]:
    if quarter not in (1, 2, 3, 4):
        raise UserError("calendar.bad_quarter", quarter=quarter)
    import pendulum  # month arithmetic; loaded only where needed, to keep the CLI quick

    year_start = fiscal_year_bounds(be_year)[0]
    start = pendulum.date(year_start.year, year_start.month, 1).add(months=3 * (quarter - 1))
    return _as_date(start), _as_date(start.add(months=2).end_of("month"))


def six_month_round(be_year: int) -> tuple[date, date]:
    """รอบ ๖ เดือน: October to March of the fiscal year."""
    start, _ = fiscal_year_bounds(be_year)
    return start, date(start.year + 1, 3, 31)


def add_months(day: date, months: int) -> date:
    """The same day so many months later (or earlier), kept inside shorter months."""
    import pendulum

    moved = pendulum.date(day.year, day.month, day.day).add(months=months)
    return _as_date(moved)


def format_thai_date(
    day: date, digits: str = "thai", month_style: str = "abbr", short_year: bool = False
) -> str:
    """`3 เม.ย. 2566`, `๓ เม.ย. ๒๕๖๖`, `3 เมษายน 2566` or `3 เม.ย. 66`."""
    months = MONTH_NAMES if month_style == "full" else MONTH_ABBREVIATIONS
    year = ce_to_be(day.year)
    year_text = f"{year % 100:02d}" if short_year else str(year)
    return with_digits(f"{day.day} {months[day.month - 1]} {year_text}", digits)


def format_date(
    day: date, digits: str = "thai", lang: str = "th", era: str = "be", short_year: bool = False
) -> str:
    """A date in the user's language: the Thai way (`๓ เม.ย. ๒๕๖๖`, always the Buddhist era),
    or in English with the year of the era the settings say (`3 Apr 2566`, `3 Apr 2023`)."""
    if lang != "en":
        return format_thai_date(day, digits, short_year=short_year)
    year = ce_to_be(day.year) if era == "be" else day.year
    year_text = f"{year % 100:02d}" if short_year else str(year)
    return with_digits(
        f"{day.day} {ENGLISH_MONTH_ABBREVIATIONS[day.month - 1]} {year_text}", digits
    )


def format_moment(
    moment: str | datetime, digits: str = "thai", lang: str = "th", era: str = "be"
) -> str:
    """A time recorded in UTC as people read it in Thailand: `๓ เม.ย. ๒๕๖๖ ๑๔:๓๕`."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(THAI_TIME)
    day = format_date(local.date(), digits, lang, era)
    return f"{day} {with_digits(local.strftime('%H:%M'), digits)}"


def format_thai_moment(moment: str | datetime, digits: str = "thai") -> str:
    """A time recorded in UTC as people read it in Thailand: `๓ เม.ย. ๒๕๖๖ ๑๔:๓๕`."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(THAI_TIME)
    return (
        f"{format_thai_date(local.date(), digits)} {with_digits(local.strftime('%H:%M'), digits)}"
    )


def format_thai_month(day: date, digits: str = "thai") -> str:
    """`ต.ค. ๖๕`: the way plans write a month."""
    return with_digits(
        f"{MONTH_ABBREVIATIONS[day.month - 1]} {ce_to_be(day.year) % 100:02d}", digits
    )


def format_period(
    start: date | None,
    end: date | None,
    digits: str = "thai",
    lang: str = "th",
    era: str = "be",
) -> str:
    """A period the short way plans write it: `ต.ค. ๖๕ – ก.ย. ๖๖` for whole months, otherwise
    `๑๕ ม.ค. ๖๖ – ๑๕ ก.พ. ๖๖` (in English `Oct 65 – Sep 66`); `-` for none."""
    if start is None or end is None:
        return "-"
    # The day after the very last day of the calendar (9999-12-31) would overflow.
    whole_months = start.day == 1 and (end == date.max or (end + timedelta(days=1)).day == 1)
    if whole_months:
        if lang == "en":
            return " – ".join(
                with_digits(f"{ENGLISH_MONTH_ABBREVIATIONS[d.month - 1]} {year:02d}", digits)
                for d in (start, end)
                for year in [(ce_to_be(d.year) if era == "be" else d.year) % 100]
            )
        return f"{format_thai_month(start, digits)} – {format_thai_month(end, digits)}"
    return " – ".join(format_date(d, digits, lang, era, short_year=True) for d in (start, end))


class Period(Record):
    start: date | None
    end: date | None

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None


def _as_date(value: date) -> date:
    return date(value.year, value.month, value.day)


def _year_to_ce(year_text: str) -> int:
    """Two digits are a B.E. year of the 2500s (`๖๖` is 2566); four digits from 2400 are B.E."""
    year = int(year_text)
    if len(year_text) == 2:
        year += 2500
    return be_to_ce(year) if year >= EARLIEST_BE_YEAR else year


def _make_date(year_ce: int, month: int, day: int, original: str) -> date:
    if not EARLIEST_BE_YEAR <= ce_to_be(year_ce) <= LATEST_BE_YEAR:
        raise UserError("date.year_out_of_range", text=original)
    try:
        return date(year_ce, month, day)
    except ValueError:
        raise UserError("date.no_such_day", text=original) from None


# Digits are Arabic or Thai (made Arabic first), never other scripts' or superscripts.
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\s*([^0-9]+?)\s*([0-9]{2}|[0-9]{4})")
_BE_PREFIX = re.compile(r"\s*(พ\.?\s*ศ\.?|b\.?\s*e\.?)\s*$", re.IGNORECASE)


def _month_number(word: str) -> int | None:
    return _MONTH_BY_KEY.get(_month_key(_BE_PREFIX.sub("", word)))


def _prepare(text: str) -> str:
    return to_arabic_digits(normalise(text)).strip().rstrip(",")


def parse_date(text: str) -> date:
    """Read a single day: ISO, B.E. ISO, d/m/y, or day–Thai month–year in either digit system."""
    cleaned = _prepare(text)
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
        return _make_date(_year_to_ce(year), int(month), int(day), text)
    if match := _SLASHED.fullmatch(cleaned):
        day, month, year = match.groups()
        return _make_date(_year_to_ce(year), int(month), int(day), text)
    if match := _DAY_MONTH_YEAR.fullmatch(cleaned):
        day, month_word, year = match.groups()
        month = _month_number(month_word)
        if month is not None:
            return _make_date(_year_to_ce(year), month, int(day), text)
        raise UserError("date.unknown_month", text=text, month=month_word.strip())
    raise UserError("date.invalid", text=text)


def last_day_of_previous_month(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)

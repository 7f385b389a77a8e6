from datetime import date

import pytest

from ita_tui.core.plan_periods import parse_period
from ita_tui.core.thai_calendar import (
    be_to_ce,
    ce_to_be,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_month,
    parse_date,
    quarter_bounds,
    six_month_round,
    to_arabic_digits,
    to_thai_digits,
)
from tests.refusals import expect_refusal


def test_buddhist_era_conversion():
    assert ce_to_be(2023) == 2566
    assert be_to_ce(2566) == 2023


def test_digits_both_ways():
    assert to_thai_digits("80.61 / 2566") == "๘๐.๖๑ / ๒๕๖๖"
    assert to_arabic_digits("๘๐.๖๑ / ๒๕๖๖") == "80.61 / 2566"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2022, 9, 30), 2565),
        (date(2022, 10, 1), 2566),
        (date(2023, 9, 30), 2566),
        (date(2023, 10, 1), 2567),
        (date(2024, 2, 29), 2567),
    ],
)
def test_fiscal_year_turns_over_on_the_first_of_october(day, year):
    assert fiscal_year(day) == year


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2566) == (date(2022, 10, 1), date(2023, 9, 30))


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2022, 10, 1), 1),
        (date(2022, 12, 31), 1),
        (date(2023, 1, 1), 2),
        (date(2023, 4, 3), 3),
        (date(2023, 9, 30), 4),
    ],
)
def test_quarters(day, quarter):
    assert fiscal_quarter(day) == quarter


def test_quarter_bounds_include_a_leap_february():
    assert quarter_bounds(2567, 2) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_bounds(2566, 1) == (date(2022, 10, 1), date(2022, 12, 31))
    assert quarter_bounds(2566, 4) == (date(2023, 7, 1), date(2023, 9, 30))
    with expect_refusal("calendar.bad_quarter"):
        quarter_bounds(2566, 5)


def test_six_month_round_is_october_to_march():
    assert six_month_round(2566) == (date(2022, 10, 1), date(2023, 3, 31))


def test_formatting_thai_dates():
    day = date(2023, 4, 3)
    assert format_thai_date(day, "arabic") == "3 เม.ย. 2566"
    assert format_thai_date(day, "thai") == "๓ เม.ย. ๒๕๖๖"
    assert format_thai_date(day, "arabic", month_style="full") == "3 เมษายน 2566"
    assert format_thai_date(day, "thai", short_year=True) == "๓ เม.ย. ๖๖"
    assert format_thai_month(date(2022, 10, 1)) == "ต.ค. ๖๕"


@pytest.mark.parametrize(
    "text",
    [
        "2023-04-03",
        "2566-04-03",
        "๒๕๖๖-๐๔-๐๓",
        "3 เม.ย. 2566",
        "๓ เม.ย. ๒๕๖๖",
        "3 เม.ย. 66",
        "๓ เม.ย. ๖๖",
        "3 เมย 66",
        "3 เม.ย.66",
        "3เม.ย.2566",
        "3 เมษายน 2566",
        "๓ เมษายน ๒๕๖๖",
        "3 เมษายน พ.ศ. 2566",
        "3/4/2566",
        "๓/๔/๒๕๖๖",
        "03/04/66",
        "3 Apr 2023",
        " 3 เม.ย. 2566 ",
        "3\u200b เม.ย. 2566",
    ],
)
def test_every_form_of_one_day(text):
    assert parse_date(text) == date(2023, 4, 3)


def test_every_thai_month_abbreviation_and_name():
    for month, (abbr, name) in enumerate(
        zip(
            [
                "ม.ค.",
                "ก.พ.",
                "มี.ค.",
                "เม.ย.",
                "พ.ค.",
                "มิ.ย.",
                "ก.ค.",
                "ส.ค.",
                "ก.ย.",
                "ต.ค.",
                "พ.ย.",
                "ธ.ค.",
            ],
            [
                "มกราคม",
                "กุมภาพันธ์",
                "มีนาคม",
                "เมษายน",
                "พฤษภาคม",
                "มิถุนายน",
                "กรกฎาคม",
                "สิงหาคม",
                "กันยายน",
                "ตุลาคม",
                "พฤศจิกายน",
                "ธันวาคม",
            ],
            strict=True,
        ),
        start=1,
    ):
        assert parse_date(f"1 {abbr} 2566") == date(2023, month, 1)
        assert parse_date(f"๑ {name} ๖๖") == date(2023, month, 1)


def test_leap_days():
    assert parse_date("29 ก.พ. 2567") == date(2024, 2, 29)
    assert parse_date("2567-02-29") == date(2024, 2, 29)
    with expect_refusal("date.no_such_day"):
        parse_date("29 ก.พ. 2566")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31/02/2566", "date.no_such_day"),
        ("2023-13-01", "date.no_such_day"),
        ("yesterday", "date.invalid"),
        ("", "date.invalid"),
        ("3 เมยายน 2566", "date.unknown_month"),
        ("3 เม.ย. 566", "date.invalid"),
        ("0566-04-03", "date.year_out_of_range"),
        ("1/1/2399", "date.year_out_of_range"),
        ("1/1/2701", "date.year_out_of_range"),
        ("1856-12-31", "date.year_out_of_range"),
        ("9999-12-31", "date.year_out_of_range"),
        ("๓/٤/๒๕๖๖", "date.unknown_month"),
        ("3/4/2566²", "date.invalid"),
    ],
)
def test_what_is_not_a_date_says_what_was_expected(text, key):
    with expect_refusal(key) as error:
        parse_date(text)
    assert "2566" in error.value.message("th") or text in error.value.message("th")


@pytest.mark.parametrize(
    ("text", "day"), [("1/1/2400", date(1857, 1, 1)), ("31/12/2700", date(2157, 12, 31))]
)
def test_dates_from_be_2400_to_2700_are_read(text, day):
    assert parse_date(text) == day


def test_a_period_at_the_calendars_end_is_shown_not_a_crash():
    from ita_tui.core.thai_calendar import format_period

    assert format_period(date(9999, 1, 1), date(9999, 12, 31), "arabic") == "ม.ค. 42 – ธ.ค. 42"
    assert format_period(date(1, 1, 1), date(1, 1, 15), "arabic") == "1 ม.ค. 44 – 15 ม.ค. 44"


def test_date_error_message_gives_examples_in_both_languages():
    with expect_refusal("date.invalid") as error:
        parse_date("soon")
    assert "3 เม.ย. 2566" in error.value.message("th")
    assert "is not a date" in error.value.message("en")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("ต.ค. ๖๕ – ก.ย. ๖๖", date(2022, 10, 1), date(2023, 9, 30)),
        ("ต.ค. ๖๕ – มี.ค. ๖๖", date(2022, 10, 1), date(2023, 3, 31)),
        ("ต.ค. 65 - มี.ค. 66", date(2022, 10, 1), date(2023, 3, 31)),
        ("ต.ค.65—ก.พ.67", date(2022, 10, 1), date(2024, 2, 29)),
        ("ตุลาคม 2565 ถึง กันยายน 2566", date(2022, 10, 1), date(2023, 9, 30)),
        ("ปีงบประมาณ ๒๕๖๖", date(2022, 10, 1), date(2023, 9, 30)),
        ("ปีงบประมาณ พ.ศ. 2566", date(2022, 10, 1), date(2023, 9, 30)),
        ("ปีงบประมาณ ๒๕๖๕", date(2021, 10, 1), date(2022, 9, 30)),
        ("2023-01-15 - 2023-02-15", date(2023, 1, 15), date(2023, 2, 15)),
        ("1 ม.ค. 66 – 15 ก.พ. 66", date(2023, 1, 1), date(2023, 2, 15)),
        ("มี.ค. ๖๖", date(2023, 3, 1), date(2023, 3, 31)),
    ],
)
def test_periods_as_plans_write_them(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["-", "", "–", " - "])
def test_no_period(text):
    assert parse_period(text).is_open


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ก.ย. ๖๖ – ต.ค. ๖๕", "period.reversed"),
        ("ตลอดปี", "period.needs_year"),
        ("เมื่อมีงบประมาณ", "period.invalid"),
        ("ต.ค. ๖๕ –", "period.invalid"),
    ],
)
def test_unreadable_periods(text, key):
    with expect_refusal(key):
        parse_period(text)


def test_an_english_date_names_the_month_in_english_in_the_era_asked_for():
    from ita_tui.core.thai_calendar import format_date, format_period
    from ita_tui.core.words import Words

    day = date(2023, 4, 3)
    assert format_date(day, "arabic", "en", "be") == "3 Apr 2566"
    assert format_date(day, "arabic", "en", "ce") == "3 Apr 2023"
    assert format_date(day, "thai", "th", "ce") == "๓ เม.ย. ๒๕๖๖"  # Thai dates: always B.E.
    assert format_period(date(2022, 10, 1), date(2023, 9, 30), "arabic", "en", "ce") == (
        "Oct 22 – Sep 23"
    )
    assert format_period(date(2023, 1, 15), date(2023, 2, 15), "arabic", "en", "be") == (
        "15 Jan 66 – 15 Feb 66"
    )
    english = Words("en", "arabic", "ce")
    assert english.moment("2023-04-03T07:35:00+00:00") == "3 Apr 2023 14:35"
    assert english.months()[0] == "Jan" and Words("th").months()[0] == "ม.ค."


def test_thai_time_is_the_tz_databases_bangkok_time_across_the_years():
    """The fixed offset the tool keeps Thai time in gives what the tz database gives."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from ita_tui.core.thai_calendar import THAI_TIME

    bangkok = ZoneInfo("Asia/Bangkok")
    moment = datetime(1990, 1, 1, 17, 30, tzinfo=UTC)
    while moment.year < 2040:
        assert moment.astimezone(THAI_TIME).replace(tzinfo=None) == moment.astimezone(
            bangkok
        ).replace(tzinfo=None), moment
        moment += timedelta(days=97, hours=5)

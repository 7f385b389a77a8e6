"""Saying things in the user's language and digits: one sentence from the catalogue, a Thai
date, a number. The app, the command line and the documents all speak through one of these."""

from datetime import date, datetime
from decimal import Decimal

from ita_tui.core.i18n import translate
from ita_tui.core.model import Record
from ita_tui.core.money import grouped
from ita_tui.core.thai_calendar import (
    ENGLISH_MONTH_ABBREVIATIONS,
    MONTH_ABBREVIATIONS,
    format_date,
    format_moment,
    format_period,
    with_digits,
)


class Words(Record):
    lang: str = "th"
    digits: str = "thai"
    # The era of the years in an English date (a Thai date is always of the Buddhist era).
    era: str = "be"

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def day(self, value: date | None, short_year: bool = False) -> str:
        if value is None:
            return "-"
        return format_date(value, self.digits, self.lang, self.era, short_year=short_year)

    def months(self) -> tuple[str, ...]:
        """The months' short names, January first."""
        return ENGLISH_MONTH_ABBREVIATIONS if self.lang == "en" else MONTH_ABBREVIATIONS

    def period(self, start: date | None, end: date | None) -> str:
        return format_period(start, end, self.digits, self.lang, self.era)

    def moment(self, value: str | datetime) -> str:
        """A recorded time (UTC) in Thai time."""
        return format_moment(value, self.digits, self.lang, self.era)

    def baht(self, amount: Decimal | None) -> str:
        """A budget as said: so many baht, no budget (0), or not stated (None)."""
        if amount is None:
            return self.t("budget.not_stated")
        if amount == 0:
            return self.t("budget.none")
        return self.t("budget.baht", amount=with_digits(grouped(amount), self.digits))

    def num(self, value: object) -> str:
        # Stored scores are floats and shown to 2 decimals; Decimals arrive already rounded.
        if isinstance(value, float):
            value = f"{value:.2f}"
        return with_digits(str(value), self.digits)

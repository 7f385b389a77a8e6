"""Saying things in the user's language and digits: one sentence from the catalogue, a Thai
date, a number. The app, the command line and the documents all speak through one of these."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ita_tui.core.i18n import translate
from ita_tui.core.thai_calendar import format_thai_date, format_thai_moment, with_digits


@dataclass(frozen=True)
class Words:
    lang: str = "th"
    digits: str = "thai"

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def day(self, value: date | None, short_year: bool = False) -> str:
        if value is None:
            return "-"
        return format_thai_date(value, self.digits, short_year=short_year)

    def moment(self, value: str | datetime) -> str:
        """A recorded time (UTC) in Thai time."""
        return format_thai_moment(value, self.digits)

    def baht(self, amount: Decimal | None) -> str:
        """A budget as said: so many baht, no budget (0), or not stated (None)."""
        if amount is None:
            return self.t("budget.not_stated")
        if amount == 0:
            return self.t("budget.none")
        return self.t("budget.baht", amount=with_digits(f"{amount:,}", self.digits))

    def num(self, value: object) -> str:
        # Stored scores are floats and shown to 2 decimals; Decimals arrive already rounded.
        if isinstance(value, float):
            value = f"{value:.2f}"
        return with_digits(str(value), self.digits)

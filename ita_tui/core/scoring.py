"""ITA scoring by the methodology of each assessment year: the weighted overall, instrument means,
the grade (up to B.E. 2565) or rating (from 2566), and comparisons between years."""

import re
from collections.abc import Sequence
from dataclasses import field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from ita_tui.core.bundled import bundled_tables
from ita_tui.core.errors import UserError
from ita_tui.core.model import Record
from ita_tui.core.text import normalise
from ita_tui.core.thai_calendar import to_arabic_digits

_CENT = Decimal("0.01")
# The rules of a year's methodology that carry their own provenance.
RULES = ("indicators", "weights", "pass_mark", "rating_rule")
# How a rule is known: read in an NACC text or a report of one, inferred from what was read (the
# source says from what), or taken as a copy or from third parties.
RULE_STATUSES = ("confirmed", "inferred", "provisional")
# What a rating's `min_each` applies to: each instrument's mean, or each indicator.
RATING_UNITS = ("instrument", "indicator")

# The ten scores as typed, stored or computed (an OIT indicator from its checklist is a Fraction).
Scores = Sequence[Decimal | Fraction | float]


class Indicator(Record):
    number: int
    name_th: str
    name_en: str
    instrument: str

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en


class Rule(Record):
    """Where one rule of a year's methodology comes from, and whether it is read in an NACC
    text ("confirmed"), inferred from what was read ("inferred") or a copy or taken from third
    parties ("provisional")."""

    status: str
    source: str

    def __post_init__(self) -> None:
        if self.status not in RULE_STATUSES:
            raise ValueError(f"a rule's status is one of {', '.join(RULE_STATUSES)}")

    @property
    def provisional(self) -> bool:
        return self.status != "confirmed"


class Methodology(Record):
    first_year: int
    last_year: int | None
    weights: tuple[int, ...]
    pass_mark: Decimal
    result: str  # "grade" or "rating"
    source: str
    # Rows of data/methodology.toml: a grade {name, min}; a rating {name_th, name_en,
    # min_overall, min_each?}.
    grades: tuple[dict[str, Any], ...]
    ratings: tuple[dict[str, Any], ...]
    rating_unit: str = "instrument"
    rules: dict[str, Rule] = field(default_factory=dict)
    # Indicators the years name otherwise than data/methodology.toml's [[indicators]]:
    # {number, name_th, name_en}.
    indicator_names: tuple[dict[str, Any], ...] = ()
    # The whole range is a copy of earlier rules for planning (a year not yet published).
    provisional: bool = False

    @property
    def indicator_count(self) -> int:
        return len(self.weights)

    @property
    def top_mark(self) -> Decimal:
        """The overall score of the best grade or rating (95 for AA and ผ่านดีเยี่ยม)."""
        rows = self.grades if self.result == "grade" else self.ratings
        key = "min" if self.result == "grade" else "min_overall"
        return Decimal(max(row[key] for row in rows))

    def is_provisional(self, rule: str) -> bool:
        return self.status(rule) != "confirmed"

    def status(self, rule: str) -> str:
        """How the rule is known for these years (one of RULE_STATUSES)."""
        found = self.rules.get(rule)
        return "provisional" if self.provisional or found is None else found.status


class Score(Record):
    year: int
    overall: Decimal
    instruments: dict[str, Decimal]
    result_kind: str
    result_th: str
    result_en: str
    passed: bool
    # The overall rests on weights not confirmed; the grade or rating on a rule not confirmed.
    provisional_overall: bool = False
    provisional_result: bool = False

    def result(self, lang: str) -> str:
        return self.result_th if lang == "th" else self.result_en


@cache
def _tables() -> dict[str, Any]:
    return bundled_tables("methodology.toml")


@cache
def indicators(year: int | None = None) -> tuple[Indicator, ...]:
    """The ten indicators; with a year, under the names that year's methodology gives them
    (indicator 8 is การปรับปรุงระบบการทำงาน in the lists from 2566, การปรับปรุงการทำงาน before)."""
    base = tuple(Indicator(**row) for row in _tables()["indicators"])
    if year is None:
        return base
    renamed = {row["number"]: row for row in methodology(year).indicator_names}
    return tuple(
        replace(i, **{k: v for k, v in renamed[i.number].items() if k != "number"})
        if i.number in renamed
        else i
        for i in base
    )


@cache
def methodology(year: int) -> Methodology:
    for row in _tables()["methodologies"]:
        last = row.get("last_year")
        if row["first_year"] <= year and (last is None or year <= last):
            return _methodology(row)
    raise UserError("score.no_methodology", year=year)


@cache
def methodologies() -> tuple[Methodology, ...]:
    """Every bundled range of years, oldest first."""
    return tuple(_methodology(row) for row in _tables()["methodologies"])


def _methodology(row: dict[str, Any]) -> Methodology:
    return Methodology(
        first_year=row["first_year"],
        last_year=row.get("last_year"),
        weights=tuple(row["weights"]),
        pass_mark=Decimal(row["pass_mark"]),
        result=row["result"],
        source=row["source"],
        grades=tuple(row.get("grades", ())),
        ratings=tuple(row.get("ratings", ())),
        rating_unit=row.get("rating_unit", "instrument"),
        rules={name: Rule(**rule) for name, rule in row.get("rules", {}).items()},
        provisional=row.get("provisional", False),
        indicator_names=tuple(row.get("indicator_names", ())),
    )


def round_half_up(value: Fraction | Decimal) -> Decimal:
    """Round to 2 decimals the way the NACC publishes: halves go up, not to even."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


# Arabic digits (Thai ones made Arabic first), with a decimal point: not "1e2", "1_0" or "٩٠".
_SCORE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,12})?")


def parse_score(text: str) -> Decimal:
    """A score as typed, in Arabic or Thai digits, between 0 and 100."""
    cleaned = to_arabic_digits(normalise(str(text)))
    if not _SCORE.fullmatch(cleaned):
        raise UserError("score.not_a_number", text=text[:24])
    value = Decimal(cleaned)
    if not 0 <= value <= 100:
        raise UserError("score.out_of_range", text=text)
    return value


def _exact(score: Decimal | Fraction | float) -> Fraction:
    """Scores as exact fractions: 99.63 stays 99.63, and a computed 72.4285… keeps every digit."""
    return score if isinstance(score, Fraction) else Fraction(Decimal(str(score)))


def exact_overall(year: int, scores: Scores) -> Fraction:
    """The weighted overall before the published rounding."""
    weights = methodology(year).weights
    if len(scores) != len(weights):
        raise UserError("score.need_ten", count=len(scores), expected=len(weights))
    return sum((w * _exact(s) for w, s in zip(weights, scores, strict=True)), Fraction(0)) / 100


def compute(year: int, scores: Scores, method: Methodology | None = None) -> Score:
    """The overall, instrument means and grade or rating by the year's methodology (or by
    `method`, to see what another rule would give)."""
    method = method or methodology(year)
    if len(scores) != method.indicator_count:
        raise UserError("score.need_ten", count=len(scores), expected=method.indicator_count)
    exact = [_exact(s) for s in scores]
    overall = round_half_up(
        sum((w * s for w, s in zip(method.weights, exact, strict=True)), Fraction(0)) / 100
    )

    instruments: dict[str, Decimal] = {}
    for code in ("IIT", "EIT", "OIT"):
        members = [exact[i.number - 1] for i in indicators() if i.instrument == code]
        instruments[code] = round_half_up(sum(members, Fraction(0)) / len(members))
    passed = overall >= method.pass_mark
    provisional = {
        "provisional_overall": method.is_provisional("weights"),
        "provisional_result": any(
            method.is_provisional(rule) for rule in ("weights", "pass_mark", "rating_rule")
        ),
    }
    if method.result == "grade":
        band = next(g for g in method.grades if overall >= g["min"])
        name = band["name"]
        return Score(year, overall, instruments, "grade", name, name, passed, **provisional)
    units = instruments.values() if method.rating_unit == "instrument" else exact
    lowest = min(units)
    rating = next(
        r for r in method.ratings if overall >= r["min_overall"] and lowest >= r.get("min_each", 0)
    )
    return Score(
        year,
        overall,
        instruments,
        "rating",
        rating["name_th"],
        rating["name_en"],
        passed,
        **provisional,
    )


class RankedIndicator(Record):
    rank: int
    indicator: Indicator
    score: Decimal


def rank(scores: Scores) -> list[RankedIndicator]:
    """Highest first, as the NACC's own table orders them; ties keep the indicator order."""
    order = sorted(indicators(), key=lambda i: -Decimal(str(scores[i.number - 1])))
    return [
        RankedIndicator(position, indicator, Decimal(str(scores[indicator.number - 1])))
        for position, indicator in enumerate(order, start=1)
    ]


def changes(previous: Scores, current: Scores) -> list[Decimal]:
    """Per indicator, how much the score moved since the previous assessment."""
    return [
        Decimal(str(now)) - Decimal(str(before))
        for before, now in zip(previous, current, strict=True)
    ]

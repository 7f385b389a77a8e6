"""OIT item catalogues per assessment year, scoring indicators 9 and 10 from the items that
passed, and the what-if: what passing chosen items would do to the overall, and the fewest items
that would lift it to a target."""

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from ita_tui import scoring
from ita_tui.errors import UserError
from ita_tui.text import normalise

OIT_INDICATORS = (9, 10)


@dataclass(frozen=True)
class Item:
    code: str
    sub_indicator: str
    name: str
    # What the item asks to be published, where the year's list says (`requirements`).
    requirements: tuple[str, ...] = ()

    @property
    def indicator(self) -> int:
        return int(self.sub_indicator.split(".")[0])


@dataclass(frozen=True)
class Catalogue:
    first_year: int
    last_year: int | None
    source: str
    sub_indicators: tuple[tuple[str, str], ...]
    items: tuple[Item, ...]

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise UserError(
            "oit.unknown_item", code=code, first=self.items[0].code, last=self.items[-1].code
        )

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def _parse_catalogues(document: dict[str, Any], name: str) -> list[Catalogue]:
    catalogues = []
    try:
        for row in document["catalogues"]:
            items = tuple(
                Item(
                    normalise(i["code"]).lower(),
                    normalise(i["sub_indicator"]),
                    normalise(i.get("name", "")),
                    tuple(normalise(r) for r in i.get("requirements", ())),
                )
                for i in row["items"]
            )
            subs = tuple((s["code"], s.get("name", "")) for s in row.get("sub_indicators", ()))
            if not subs:
                seen = dict.fromkeys(item.sub_indicator for item in items)
                subs = tuple((code, "") for code in seen)
            if not items or any(i.indicator not in OIT_INDICATORS for i in items):
                raise ValueError("items must belong to indicators 9 and 10")
            catalogues.append(
                Catalogue(
                    row["first_year"], row.get("last_year"), row.get("source", ""), subs, items
                )
            )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UserError("oit.bad_catalogue", path=name, detail=str(error)) from None
    return catalogues


def bundled_catalogues() -> list[Catalogue]:
    text = resources.files("ita_tui").joinpath("data", "oit_catalogues.toml").read_text("utf-8")
    return _parse_catalogues(tomllib.loads(text), "oit_catalogues.toml")


def catalogue_for(year: int, extra_file: str | Path | None = None) -> Catalogue:
    """The year's item list: from the agency's own file when given, else the bundled one."""
    candidates: list[Catalogue] = []
    if extra_file is not None:
        from ita_tui.user_files import read_toml

        candidates += _parse_catalogues(read_toml(extra_file), str(extra_file))
    candidates += bundled_catalogues()
    for catalogue in candidates:
        if catalogue.covers(year):
            return catalogue
    raise UserError("oit.no_catalogue", year=year)


def parse_codes(text: str | None, catalogue: Catalogue) -> list[str]:
    """`o11,o12, O18` → ['o11', 'o12', 'o18'], each checked against the year's list."""
    if not text:
        return []
    codes = [normalise(part).lower() for part in text.replace(" ", ",").split(",") if part.strip()]
    for code in codes:
        catalogue.item(code)
    return list(dict.fromkeys(codes))


def indicator_scores(catalogue: Catalogue, failed: set[str]) -> dict[int, Fraction]:
    """Each sub-indicator is the share of its items passed; an indicator the plain mean of its
    sub-indicators. Exact fractions, rounded only for display."""
    scores: dict[int, Fraction] = {}
    for indicator in OIT_INDICATORS:
        shares = []
        for sub, _ in catalogue.sub_indicators:
            members = [i for i in catalogue.items if i.sub_indicator == sub]
            if members and members[0].indicator == indicator:
                passed = sum(1 for i in members if i.code not in failed)
                shares.append(Fraction(100 * passed, len(members)))
        scores[indicator] = sum(shares, Fraction(0)) / len(shares)
    return scores


def item_worth(catalogue: Catalogue, year: int) -> dict[str, Fraction]:
    """Points of the overall score that passing one item adds: its indicator's weight, shared
    among the indicator's sub-indicators, shared among the sub-indicator's items."""
    weights = scoring.methodology(year).weights
    worth: dict[str, Fraction] = {}
    for indicator in OIT_INDICATORS:
        subs = {i.sub_indicator for i in catalogue.items if i.indicator == indicator}
        for item in catalogue.items:
            if item.indicator == indicator:
                members = sum(1 for i in catalogue.items if i.sub_indicator == item.sub_indicator)
                worth[item.code] = Fraction(weights[indicator - 1], len(subs) * members)
    return worth


@dataclass(frozen=True)
class WhatIf:
    year: int
    failed: tuple[str, ...]
    passing: tuple[str, ...]
    indicators: dict[int, Decimal]
    score: scoring.Score
    worth: dict[str, Fraction]
    fewest: dict[Decimal, list[str] | None]


def what_if(
    year: int,
    scores: scoring.Scores,
    catalogue: Catalogue,
    failed: Sequence[str],
    passing: Sequence[str] = (),
    targets: tuple[Decimal, ...] = (Decimal(85), Decimal(95)),
) -> WhatIf:
    """Indicators 9 and 10 from the items still failing after `passing` are fixed, the overall
    and grade or rating that follow, and per target the fewest further items that reach it."""
    for code in passing:
        if code not in failed:
            raise UserError("oit.pass_not_failed", code=code)
    still_failing = [c for c in failed if c not in passing]
    oit = indicator_scores(catalogue, set(still_failing))
    exact_scores = [*scores[:8], oit[9], oit[10]]
    score = scoring.compute(year, exact_scores)
    worth = item_worth(catalogue, year)
    order = {item.code: position for position, item in enumerate(catalogue.items)}
    candidates = sorted(still_failing, key=lambda c: (-worth[c], order[c]))
    base = scoring.exact_overall(year, exact_scores)
    fewest: dict[Decimal, list[str] | None] = {}
    for target in targets:
        total, chosen = base, []
        if scoring.round_half_up(total) < target:
            for code in candidates:
                chosen.append(code)
                total += worth[code]
                if scoring.round_half_up(total) >= target:
                    break
        fewest[target] = chosen if scoring.round_half_up(total) >= target else None
    return WhatIf(
        year,
        tuple(failed),
        tuple(passing),
        {n: scoring.round_half_up(v) for n, v in oit.items()},
        score,
        worth,
        fewest,
    )

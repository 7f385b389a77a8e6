"""OIT item catalogues per assessment year, scoring indicators 9 and 10 from the items that
passed, and the what-if: what passing chosen items would do to the overall, and the fewest items
that would lift it to a target."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from ita_tui.core import scoring
from ita_tui.core.bundled import bundled_tables
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import translate
from ita_tui.core.text import normalise

OIT_INDICATORS = (9, 10)
# The fiscal year an item's evidence must cover: the assessment year, or the one before it.
EVIDENCE_PERIODS = ("current", "previous")
# The facts of an item whose provenance is tagged: its name, its grouping, its evidence period.
FACTS = ("name", "sub_indicator", "period")
FACT_FIELDS = (("name", "name_known"), ("sub_indicator", "group_known"), ("period", "period_known"))
# How a fact is known: read in a source, inferred for a stated reason, or the agency's own list
# (its corrections, and every list exported before lists carried tags).
AGENCY = "agency"
_COMMIT = re.compile(r"[0-9a-f]{40}")


@dataclass(frozen=True)
class Source:
    """An entry of a list's `[sources]`: where facts were read (a title and an address, with the
    commit when the address is a repository file that changes), or why they are inferred."""

    id: str
    title: str = ""
    address: str = ""
    commit: str = ""
    reason_th: str = ""
    reason_en: str = ""
    note: str = ""

    @property
    def cited(self) -> str:
        """The source as a reader finds it: its title, and the commit it was read at."""
        return f"{self.title} @{self.commit[:8]}" if self.commit else self.title

    def reason(self, lang: str) -> str:
        return self.reason_th if lang == "th" else self.reason_en


@dataclass(frozen=True)
class Known:
    """How one fact of an item is known: "read" or "inferred" with the source entry that says
    where or why, or AGENCY."""

    how: str = AGENCY
    source: Source | None = None

    @property
    def tag(self) -> str:
        return self.how if self.source is None else f"{self.how}:{self.source.id}"

    def said(self, lang: str) -> str:
        if self.source is None:
            return translate("known.agency", lang)
        if self.how == "read":
            return translate("known.read", lang, source=self.source.cited)
        return translate("known.inferred", lang, reason=self.source.reason(lang))


@dataclass(frozen=True)
class Item:
    code: str  # lower case, as findings store it and users type it: "o25"
    sub_indicator: str
    name: str
    label: str = ""  # the code as the year's list writes it: "O25"
    period: str | None = None  # one of EVIDENCE_PERIODS, when a source states it
    provisional_name: bool = False
    # What the item asks to be published, where the year's list says (`requirements`).
    requirements: tuple[str, ...] = ()
    # How its name, grouping and evidence period are known (None: the list gives no period).
    name_known: Known = field(default_factory=Known)
    group_known: Known = field(default_factory=Known)
    period_known: Known | None = None

    def known(self, fact: str) -> Known | None:
        """How one of FACTS is known."""
        known: Known | None = getattr(self, dict(FACT_FIELDS)[fact])
        return known

    @property
    def indicator(self) -> int:
        return int(self.sub_indicator.split(".")[0])

    @property
    def shown_code(self) -> str:
        return self.label or self.code


@dataclass(frozen=True)
class Catalogue:
    first_year: int
    last_year: int | None
    source: str
    sub_indicators: tuple[tuple[str, str], ...]
    items: tuple[Item, ...]
    # Sub-indicators whose members were inferred, not read under their heading.
    provisional_subs: frozenset[str] = frozenset()
    # The items-to-indicator rule assumed for the year, not checked against published scores.
    provisional_aggregation: bool = False
    # The entries its items' tags name, as the list's file gives them.
    sources: tuple[Source, ...] = ()

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise UserError(
            "oit.unknown_item",
            code=code,
            first=self.items[0].shown_code,
            last=self.items[-1].shown_code,
        )

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def provisional_indicator(self, indicator: int) -> bool:
        """Whether indicator 9's or 10's score from items rests on a grouping or rule not known:
        the count of its sub-indicators and of their items both set what an item is worth."""
        return self.provisional_aggregation or any(
            code in self.provisional_subs
            for code, _ in self.sub_indicators
            if int(code.split(".")[0]) == indicator
        )


def _parse_catalogues(document: dict[str, Any], name: str, strict: bool = False) -> list[Catalogue]:
    catalogues = []
    try:
        shared = _parse_sources(document.get("sources", {}))
        for row in document["catalogues"]:
            catalogues.append(_parse_catalogue(row, shared, strict))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UserError("oit.bad_catalogue", path=name, detail=str(error)) from None
    for catalogue in catalogues:
        _require_every_indicator(catalogue, name)
    return catalogues


def parse_catalogue(row: dict[str, Any], name: str) -> Catalogue:
    """One list as a file or the store holds it (a [[catalogues]] table), checked."""
    try:
        catalogue = _parse_catalogue(row, {}, strict=False)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UserError("oit.bad_catalogue", path=name, detail=str(error)) from None
    _require_every_indicator(catalogue, name)
    return catalogue


def _require_every_indicator(catalogue: Catalogue, name: str) -> None:
    """An OIT indicator's score is the mean over its sub-indicators of the share of their items
    passed: an indicator without a single item has no score at all. Checked wherever a list is
    read (a file, a snapshot, the store, a form), so that no list without one is ever used."""
    for indicator in OIT_INDICATORS:
        if not any(item.indicator == indicator for item in catalogue.items):
            raise UserError(
                "oit.indicator_without_items",
                path=name,
                indicator=indicator,
                first=catalogue.first_year,
                # What a snapshot's check says after "the OIT list is not right:".
                detail=f"no item under indicator {indicator}",
            )


# The keys a list, a sub-indicator, an item and a source may have: a misspelt one (`provisonal`)
# would otherwise be ignored without a word, and the list read otherwise than its author meant.
_LIST_KEYS = {"first_year", "last_year", "source", "provisional_aggregation"} | {
    "sub_indicators",
    "items",
    "sources",
    "known",
}
_SUB_KEYS = {"code", "name", "provisional"}
_ITEM_KEYS = {"code", "sub_indicator", "name", "period", "provisional_name", "known"}
_SOURCE_KEYS = {"title", "address", "commit", "reason_th", "reason_en", "note"}
_FLAGS = {"provisional_aggregation", "provisional", "provisional_name"}


def _known_keys(row: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in row:
        if key not in allowed:
            raise ValueError(f"{where}: unknown key {key!r}")
        if key in _FLAGS and not isinstance(row[key], bool):
            raise ValueError(f"{where}: {key} must be true or false")


def _parse_sources(rows: dict[str, Any]) -> dict[str, Source]:
    """`[sources.<id>]`: each entry either a source read (title and address, a 40-hex commit
    where the address is a repository file) or an inference (its reason in Thai and English)."""
    sources = {}
    for key, row in rows.items():
        where = f"source {key}"
        _known_keys(row, _SOURCE_KEYS, where)
        entry = Source(normalise(key), **{k: normalise(str(v)) for k, v in row.items()})
        if entry.commit and not _COMMIT.fullmatch(entry.commit):
            raise ValueError(f"{where}: commit must be 40 hexadecimal digits")
        if not (entry.title and entry.address) and not (entry.reason_th and entry.reason_en):
            raise ValueError(
                f"{where}: give a title and an address (read), or reason_th and reason_en"
            )
        sources[entry.id] = entry
    return sources


def _tag(text: Any, sources: dict[str, Source], where: str) -> Known:
    """A fact's tag, "read:<id>", "inferred:<id>" or "agency", checked against the sources."""
    if not isinstance(text, str):
        raise ValueError(f"{where}: a tag is text")
    if text == AGENCY:
        return Known()
    how, _, key = text.partition(":")
    if how not in ("read", "inferred"):
        raise ValueError(f"{where}: {text!r} is not read:<source>, inferred:<source> or agency")
    source = sources.get(key)
    if source is None:
        raise ValueError(f"{where}: no source {key!r} in [sources]")
    if how == "read" and not source.address:
        raise ValueError(f"{where}: source {key!r} has no address to have been read in")
    if how == "inferred" and not source.reason_th:
        raise ValueError(f"{where}: source {key!r} gives no reason to infer from")
    return Known(how, source)


def _parse_catalogue(row: dict[str, Any], shared: dict[str, Source], strict: bool) -> Catalogue:
    _known_keys(row, _LIST_KEYS, "list")
    sources = shared | _parse_sources(row.get("sources", {}))
    defaults = row.get("known", {})
    _known_keys(defaults, set(FACTS), "list known")
    items = tuple(_parse_item(i, sources, defaults, strict) for i in row["items"])
    rows = row.get("sub_indicators", ())
    for sub in rows:
        _known_keys(sub, _SUB_KEYS, f"sub-indicator {sub.get('code', '?')}")
    subs = tuple((normalise(s["code"]), normalise(s.get("name", ""))) for s in rows)
    if not subs:
        seen = dict.fromkeys(item.sub_indicator for item in items)
        subs = tuple((code, "") for code in seen)
    if not items or any(i.indicator not in OIT_INDICATORS for i in items):
        raise ValueError("items must belong to indicators 9 and 10")
    codes = [item.code for item in items]
    if len(set(codes)) != len(codes):
        raise ValueError(f"an item code is listed twice: {_first_repeated(codes)}")
    known = {code for code, _ in subs}
    for item in items:
        if item.sub_indicator not in known:
            raise ValueError(f"{item.shown_code} is in {item.sub_indicator}, not a sub-indicator")
    first, last = row["first_year"], row.get("last_year")
    if not isinstance(first, int) or not isinstance(last, int | None):
        raise ValueError("first_year and last_year must be B.E. years")
    if not 2500 <= first <= 2700 or (last is not None and not first <= last <= 2700):
        raise ValueError(f"years {first}-{last} are not B.E. years in order")
    used = {
        known.source.id
        for item in items
        for known in (item.name_known, item.group_known, item.period_known)
        if known is not None and known.source is not None
    }
    return Catalogue(
        first,
        last,
        normalise(row.get("source", "")),
        subs,
        items,
        frozenset(normalise(s["code"]) for s in rows if s.get("provisional") is True),
        row.get("provisional_aggregation") is True,
        tuple(sources[key] for key in sorted(used)),
    )


def _first_repeated(codes: list[str]) -> str:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            return code
        seen.add(code)
    return ""


def catalogue_document(catalogue: Catalogue) -> dict[str, Any]:
    """The list as a file holds it (a [[catalogues]] table): what `parse_catalogue` reads. It
    carries the source entries its tags name, so that it reads the same on its own."""
    document: dict[str, Any] = {"first_year": catalogue.first_year}
    if catalogue.last_year is not None:
        document["last_year"] = catalogue.last_year
    if catalogue.provisional_aggregation:
        document["provisional_aggregation"] = True
    document["source"] = catalogue.source
    document["sub_indicators"] = [
        {"code": code, "name": name}
        | ({"provisional": True} if code in catalogue.provisional_subs else {})
        for code, name in catalogue.sub_indicators
    ]
    items = []
    for item in catalogue.items:
        row: dict[str, Any] = {
            "code": item.shown_code,
            "sub_indicator": item.sub_indicator,
            "name": item.name,
        }
        if item.period:
            row["period"] = item.period
        if item.provisional_name and item.name_known.how != "inferred":
            row["provisional_name"] = True
        row["known"] = {
            fact: known.tag for fact in FACTS if (known := item.known(fact)) is not None
        }
        items.append(row)
    document["items"] = items
    if catalogue.sources:
        document["sources"] = {
            source.id: {
                key: value for key in sorted(_SOURCE_KEYS) if (value := getattr(source, key))
            }
            for source in catalogue.sources
        }
    return document


def _parse_item(
    row: dict[str, Any], sources: dict[str, Source], defaults: dict[str, Any], strict: bool
) -> Item:
    where = f"item {row.get('code', '?')}"
    _known_keys(row, _ITEM_KEYS, where)
    period = row.get("period")
    if period is not None and period not in EVIDENCE_PERIODS:
        raise ValueError(f"period of {row['code']} must be one of {', '.join(EVIDENCE_PERIODS)}")
    own_tags = row.get("known", {})
    _known_keys(own_tags, set(FACTS), f"{where} known")
    tags = defaults | own_tags
    if period is None:
        if "period" in own_tags:
            raise ValueError(f"{where}: a period's source is given, but no period")
        # A list's default for the period tags only the items that have a period.
        tags.pop("period", None)
    # The bundled lists say how each fact is known; a list of the agency's own (and any list
    # exported before lists carried tags) is its own where it says nothing.
    for fact in FACTS:
        if strict and fact not in tags and (fact != "period" or period is not None):
            raise ValueError(f"{where}: how its {fact} is known is not said")
    known = {fact: _tag(tag, sources, f"{where} {fact}") for fact, tag in tags.items()}
    label = normalise(row["code"])
    name_known = known.get("name", Known())
    return Item(
        label.lower(),
        normalise(row["sub_indicator"]),
        normalise(row.get("name", "")),
        label,
        period,
        row.get("provisional_name") is True or name_known.how == "inferred",
        tuple(normalise(r) for r in row.get("requirements", ())),
        name_known,
        known.get("sub_indicator", Known()),
        known.get("period", Known()) if period is not None else None,
    )


def bundled_catalogues() -> list[Catalogue]:
    return list(_bundled())


@cache
def _bundled() -> tuple[Catalogue, ...]:
    # Read once: every what-if, section 7 and each imported list look the bundled lists up.
    tables = bundled_tables("oit_catalogues.toml")
    return tuple(_parse_catalogues(tables, "oit_catalogues.toml", strict=True))


def parse_catalogues(document: dict[str, Any], source: str) -> list[Catalogue]:
    """The lists of a document shaped as data/oit_catalogues.toml, each checked."""
    return _parse_catalogues(document, source)


def as_agency_reads(catalogue: Catalogue) -> Catalogue:
    """The list an agency brings, with every fact it changed from the bundled list of its years
    tagged as its own: a name corrected in an exported file still under "read:rtrda-2569", or a
    2569 list made into 2570's, would otherwise claim that RTRDA wrote it. Sources the agency's
    file brings are its own claim and stay."""
    bundled = bundled_catalogues()
    ours = {(s.id, s) for c in bundled for s in c.sources}
    same_years = next((c for c in bundled if c.covers(catalogue.first_year)), None)
    items = []
    for item in catalogue.items:
        before = None
        if same_years is not None and same_years.last_year == catalogue.last_year:
            before = next((i for i in same_years.items if i.code == item.code), None)
        changes: dict[str, Any] = {}
        for fact, attribute in FACT_FIELDS:
            known = item.known(fact)
            if known is None or known.source is None or (known.source.id, known.source) not in ours:
                continue
            if (
                before is None
                or getattr(item, fact) != getattr(before, fact)
                or known != before.known(fact)
            ):
                changes[attribute] = Known()
        if "name_known" in changes:
            changes["provisional_name"] = False
        items.append(replace(item, **changes) if changes else item)
    return replace(catalogue, items=tuple(items))


def how_known(item: Item, lang: str, facts: Sequence[str] = FACTS) -> str:
    """How the item's facts are known, facts known the same way said once: "name, grouping:
    read in RTRDA … @140aaf86 · evidence year: inferred (…)"."""
    said: dict[str, list[str]] = {}
    for fact in facts:
        known = item.known(fact)
        if known is not None:
            said.setdefault(known.said(lang), []).append(translate(f"known.fact.{fact}", lang))
    parts = " · ".join(f"{', '.join(names)}: {how}" for how, names in said.items())
    return translate("known.line", lang, parts=parts)


def catalogue_for(
    year: int, given: Sequence[Catalogue] = (), own: Sequence[Catalogue] = ()
) -> Catalogue:
    """The year's item list: from the lists given (a file the user named), else the agency's
    own list (its corrections of the bundled one), else the bundled one."""
    candidates: list[Catalogue] = [*given, *own]
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
        if not shares:  # a list made without parse_catalogue's checks
            raise UserError(
                "oit.indicator_without_items",
                path="-",
                indicator=indicator,
                first=catalogue.first_year,
            )
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
    # Which numbers rest on a provisional grouping or rule: per indicator, per item's worth, and
    # the overall (with the grade or rating and the fewest items to a target that follow from it).
    provisional_indicators: dict[int, bool]
    provisional_worth: dict[str, bool]
    provisional_overall: bool


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
    # With every item of an indicator passed it scores 100 whatever the grouping; only an
    # indicator with items still failing depends on how they are grouped.
    failing_in = {catalogue.item(code).indicator for code in still_failing}
    provisional_indicators = {
        n: n in failing_in and catalogue.provisional_indicator(n) for n in OIT_INDICATORS
    }
    return WhatIf(
        year,
        tuple(failed),
        tuple(passing),
        {n: scoring.round_half_up(v) for n, v in oit.items()},
        score,
        worth,
        fewest,
        provisional_indicators,
        {item.code: catalogue.provisional_indicator(item.indicator) for item in catalogue.items},
        any(provisional_indicators.values()),
    )

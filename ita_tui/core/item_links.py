"""OIT items by meaning across years: given an item of one year's list, the items of another
year's list that mean the same (data/item_links.toml). A code is never carried as it is: 2565
o42 (integrity measures) is 2569 O25, and 2569 has no O42."""

from dataclasses import dataclass
from functools import cache

from ita_tui.core import oit
from ita_tui.core.bundled import bundled_tables
from ita_tui.core.text import normalise


@dataclass(frozen=True)
class Meaning:
    about: str
    basis: str
    provisional: bool
    # Per bundled list, as (first year, last year), the codes with this meaning, lower case as
    # findings store them.
    codes: dict[tuple[int, int], tuple[str, ...]]


@dataclass(frozen=True)
class Counterpart:
    """The items of the other year's list with the same meaning as the item asked about."""

    codes: tuple[str, ...]
    provisional: bool
    basis: str


def _years(key: str) -> tuple[int, int]:
    first, _, last = key.partition("-")
    return int(first), int(last or first)


@cache
def meanings() -> tuple[Meaning, ...]:
    rows = bundled_tables("item_links.toml")["meanings"]
    fixed = {"about", "basis", "provisional"}
    return tuple(
        Meaning(
            row["about"],
            row["basis"],
            row.get("provisional", False),
            {
                _years(key): tuple(normalise(code).lower() for code in codes)
                for key, codes in row.items()
                if key not in fixed
            },
        )
        for row in rows
    )


def _codes_in(meaning: Meaning, year: int) -> tuple[str, ...] | None:
    """The meaning's codes in the list that covers `year`; None when no linked list covers it."""
    for (first, last), codes in meaning.codes.items():
        if first <= year <= last:
            return codes
    return None


def _linked_years(year: int) -> bool:
    return any(first <= year <= last for m in meanings() for first, last in m.codes)


def same_meaning(code: str, from_year: int, to_year: int) -> Counterpart | None:
    """The items of `to_year`'s list that mean what `code` means in `from_year`'s list, or None
    when that list has no such item (or no list of `to_year` is linked). The code is checked
    against `from_year`'s bundled list: an unknown code is the user's mistake, not a gap."""
    code = normalise(code).lower()
    source = oit.catalogue_for(from_year)
    source.item(code)
    if source.covers(to_year):
        return Counterpart((code,), False, "same list")
    if not _linked_years(to_year):
        return None
    found: dict[str, None] = {}
    provisional = False
    bases = []
    for meaning in meanings():
        if code not in (_codes_in(meaning, from_year) or ()):
            continue
        codes = _codes_in(meaning, to_year) or ()
        if codes:
            found.update(dict.fromkeys(codes))
            provisional = provisional or meaning.provisional
            bases.append(meaning.basis)
    if not found:
        return None
    return Counterpart(tuple(found), provisional, " ".join(bases))

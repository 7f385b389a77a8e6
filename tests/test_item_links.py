"""Items by meaning across years: a finding tied to 2565's o42 carries to 2569's O25, never to a
code that means something else."""

import pytest

from ita_tui.core import item_links, oit
from tests.refusals import expect_refusal


def codes(code, from_year, to_year):
    found = item_links.same_meaning(code, from_year, to_year)
    return None if found is None else found.codes


@pytest.mark.parametrize(("code", "from_year", "to_year", "expected"), [
    # The analysis and measures items (research note §3.5, §7.3).
    ("o42", 2565, 2569, ("o25",)), ("o43", 2565, 2569, ("o26",)),
    ("o42", 2565, 2566, ("o42",)), ("O25", 2569, 2565, ("o42",)), ("O26", 2569, 2566, ("o43",)),
    # The anti-corruption plan and its annual report (§7.3).
    ("o39", 2565, 2566, ("o36",)), ("o36", 2566, 2568, ("o25",)), ("O25", 2568, 2569, ("o23",)),
    ("o41", 2565, 2566, ("o38",)), ("o38", 2566, 2568, ("o26",)), ("O26", 2568, 2569, ("o24",)),
    # The ethics items of 2566, joined in 2568 (first look §7).
    ("o40", 2566, 2568, ("o16",)), ("O15", 2569, 2566, ("o39", "o40", "o41")),
    # The same code means another item: 2565 o11 is the six-month report, 2569 O11 procurement.
    ("o11", 2565, 2569, ("o6",)), ("o23", 2565, 2569, ("o11",)),
    # Within one list an item is itself.
    ("o42", 2563, 2565, ("o42",)),
])  # fmt: skip
def test_items_carry_by_meaning(code, from_year, to_year, expected):
    assert codes(code, from_year, to_year) == expected


def test_an_item_with_no_counterpart_gives_none():
    assert codes("o42", 2565, 2568) is None  # no analysis item identified in 2568
    assert codes("o6", 2566, 2569) is None  # laws: not in the 2569 list
    assert codes("o42", 2565, 2567) is None  # no 2567 list
    assert codes("O25", 2569, 2570) is None  # no 2570 list


def test_a_link_inferred_from_a_changed_name_says_so():
    reframed = item_links.same_meaning("o42", 2565, 2569)
    assert reframed.provisional and "O25" in reframed.basis
    assert not item_links.same_meaning("o41", 2565, 2569).provisional


def test_an_unknown_code_is_refused():
    with expect_refusal("oit.unknown_item"):
        item_links.same_meaning("O42", 2569, 2565)


def test_every_linked_code_is_in_its_years_list_and_every_list_is_linked():
    for meaning in item_links.meanings():
        for (first, last), linked in meaning.codes.items():
            catalogue = oit.catalogue_for(first)
            assert (catalogue.first_year, catalogue.last_year) == (first, last)
            for code in linked:
                catalogue.item(code)
    for catalogue in oit.bundled_catalogues():
        keys = {years for m in item_links.meanings() for years in m.codes}
        assert (catalogue.first_year, catalogue.last_year) in keys

"""Every sentence the tool says, in Thai and in English, from gettext catalogues:
ita_tui/locale/<lang>/LC_MESSAGES/ita_tui.po, compiled to the .mo files that ship with the
package. A message's id is the key the code asks for ("overdue.days"); README says how to add one.

A catalogue is read the first time a sentence in its language is wanted, and only once: a command
that says nothing (`overdue --json`) reads none."""

import functools
import gettext
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

DOMAIN = "ita_tui"
LOCALE_DIR = Path(__file__).parent.parent / "locale"
FALLBACK = "en"

# Keys asked for that no catalogue holds, for the test suite to fail on; a user sees the key.
missing_keys: set[str] = set()


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The messages of one language, English where it has none (and for a language we lack)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang, FALLBACK], fallback=True)


def _how_many(count: object) -> int:
    """The number a plural form is chosen by: an int, or digits as shown (int() reads Thai
    digits too); anything else takes the form for many."""
    try:
        return int(str(count))
    except ValueError:
        return 2


def translate(key: str, lang: str, **params: object) -> str:
    """The sentence `key` in `lang`, its {placeholders} filled from params. A sentence that
    counts something has plural forms, chosen by its `count` parameter."""
    words = catalogue(lang)
    text = key
    if "count" in params:
        text = words.ngettext(key, key, _how_many(params["count"]))
    if text == key:
        text = words.gettext(key)
    if text == key:
        # A key without an entry is a programming slip; show the key rather than hide the error.
        missing_keys.add(key)
        return key + (f" {params}" if params else "")
    return text.format(**params)


def status_label(status: str, lang: str) -> str:
    return translate(f"status.{status}", lang)


def handover_message(result: Mapping[str, Any], lang: str, number: Callable[[int], str]) -> str:
    """What a handover did, as the CLI and the app both say it."""
    return translate(
        "handover.done",
        lang,
        units=", ".join(result["units"]),
        source=result["from"],
        target=result["to"],
        measures=translate("handover.open_measures", lang, count=number(result["open_measures"])),
        decisions=translate(
            "handover.open_decisions", lang, count=number(result["open_decisions"])
        ),
    )

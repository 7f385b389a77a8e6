"""Every sentence the tool says, in Thai and in English, from gettext catalogues:
ita_tui/locale/<lang>/LC_MESSAGES/ita_tui.po, compiled to the .mo files that ship with the
package. A message's id is the key the code asks for ("overdue.days"); README says how to add one.

A catalogue is read the first time a sentence in its language is wanted, and only once, and
shared with Python's gettext, which click asks for its own messages (ita_tui/cli/language.py)."""

import functools
import gettext
import struct
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

DOMAIN = "ita_tui"
LOCALE_DIR = Path(__file__).parent.parent / "locale"
FALLBACK = "en"

# Keys asked for that no catalogue holds, for the test suite to fail on; a user sees the key.
missing_keys: set[str] = set()


class _LookedUpInPlace(gettext.NullTranslations):
    """A compiled catalogue read as it is: a message is found when asked, by a binary search of
    the catalogue's ids, which the compiler writes sorted. Python's own reader decodes every
    message as the file is opened, the Thai catalogue's thousand in a fiftieth of the time the
    app takes to show its first screen, which says a few dozen."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._data = data = path.read_bytes()
        self._order = "<" if struct.unpack("<I", data[:4])[0] == 0x950412DE else ">"
        self._count, self._ids_at, self._texts_at = struct.unpack(self._order + "3I", data[8:20])
        self._plural: Callable[[int], int] = lambda n: int(n != 1)
        header = self._found(b"")
        for line in (header or b"").decode("utf-8").splitlines():
            name, _, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                self._plural = gettext.c2py(value.split("plural=", 1)[1].rstrip(";"))

    def _string(self, table: int, index: int) -> bytes:
        length, offset = struct.unpack_from(self._order + "2I", self._data, table + 8 * index)
        return self._data[offset : offset + length]

    def _found(self, message_id: bytes) -> bytes | None:
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            # A plural entry's id is its singular, NUL, its plural: it sorts by the singular.
            candidate = self._string(self._ids_at, middle).split(b"\0", 1)[0]
            if candidate < message_id:
                low = middle + 1
            elif candidate > message_id:
                high = middle
            else:
                return self._string(self._texts_at, middle)
        return None

    def gettext(self, message: str) -> str:
        found = self._found(message.encode("utf-8"))
        return message if found is None else found.split(b"\0", 1)[0].decode("utf-8")

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._found(msgid1.encode("utf-8"))
        if found is None:
            return msgid1 if n == 1 else msgid2
        forms = found.decode("utf-8").split("\0")
        return forms[min(self._plural(n), len(forms) - 1)]


def catalogue_path(lang: str) -> Path:
    """Where the compiled catalogue of a language is (which it may not be, for one we lack)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The messages of one language (none for a language we lack). English where it has no
    entry is `translate`'s to look up: the Thai catalogue holds every entry, and reading the
    English one besides it was a third of what the first screen waited for here."""
    path = catalogue_path(lang)
    return _LookedUpInPlace(path) if path.is_file() else gettext.NullTranslations()


def _looked_up(words: gettext.NullTranslations, key: str, params: Mapping[str, object]) -> str:
    if "count" in params:
        text = words.ngettext(key, key, _how_many(params["count"]))
        if text != key:
            return text
    return words.gettext(key)


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
    text = _looked_up(catalogue(lang), key, params)
    if text == key and lang != FALLBACK:
        text = _looked_up(catalogue(FALLBACK), key, params)
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

"""Lines of Thai text: where a text may break, how wide it is on a terminal, where to cut it.

Thai is written without spaces between words, and terminals, Rich and Textual wrap only at
spaces: a long Thai sentence is cut wherever the line happens to end, often inside a word
("จริยธร / รม"). Here a text is broken into lines of a given number of cells between words:
Thai words come from a dictionary segmenter (nlpO3, the Rust port of PyThaiNLP's newmm, with
PyThaiNLP's word list, `data/thai_words.txt`), spaces break as usual, and punctuation, digits
and the signs ฯ and ๆ stay with the word they belong to. A word wider than the line is cut
between grapheme clusters (a letter with its vowels and tone marks), never inside one.

The segmenter and its dictionary are loaded the first time a text holding Thai is broken, not
on import: the command line, which wraps nothing, never loads them. Loading the dictionary takes
about a tenth of a second, most of what a user would wait for the app's first frame beyond
Textual itself; so the app keeps, between sessions, where the texts it has shown divide
(`ita_tui/files/word_breaks.py` gives them back here through `remember`), and a text met again is
divided without the segmenter."""

import functools
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Mapping

from ita_tui.core.bundled import bundled_file

ELLIPSIS = "…"

_THAI_LETTER = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]")

# Where a line may break without a visible sign: a run of spaces (a no-break space is not
# one), a line break, or a zero-width space put there on purpose.
_BREAKING_SPACE = r"[^\S\u00a0\u2007\u202f]|\u200b"
_BREAK_AFTER = re.compile(f"(?:{_BREAKING_SPACE})+")
_HANGING = re.compile(f"(?:{_BREAKING_SPACE})+$")

# Signs that belong to the word before them, and opening signs that belong to the word after.
_NO_BREAK_BEFORE = frozenset(")]}”’»›.,;:!?%…ฯๆ๚๛\u0e33")
_NO_BREAK_AFTER = frozenset("([{“‘«‹")
# Where Thai writers join two words with a sign and no space, the line may break after it.
_JOINING_SIGNS = frozenset("/-–—")


def has_thai(text: str) -> bool:
    return _THAI_LETTER.search(text) is not None


def _is_thai(character: str) -> bool:
    return "\u0e01" <= character <= "\u0e4e" and not "\u0e3b" <= character <= "\u0e3f"


# Characters that take no cell although Unicode does not call them marks, counted as Rich and
# Textual count them so that a line measured here fits the line they draw.
_ZERO_WIDTH = frozenset(
    [0x200B, 0x2028, 0x2029, *range(0x1160, 0x1200), *range(0xD7B0, 0xD800)]
    + list(range(0x1F3FB, 0x1F400))
)
_ONE_CELL_FORMATS = frozenset([0xAD, *range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2])


@functools.lru_cache(maxsize=4096)
def _character_width(character: str) -> int:
    code = ord(character)
    if code < 0x300:
        return 0 if code < 0x20 or 0x7F <= code < 0xA0 else 1
    category = unicodedata.category(character)
    if code in _ZERO_WIDTH or category in ("Mn", "Me", "Mc", "Cc"):
        return 0
    if category == "Cf":
        return 1 if code in _ONE_CELL_FORMATS else 0
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def cell_width(text: str) -> int:
    """Cells the text takes on a terminal: Thai vowels above and below the letter and tone
    marks take none, sara am (ำ) one, wide East Asian characters two."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_character_width(character) for character in text)


# A letter keeps the signs that are drawn with it: marks, sara am, and whatever a zero-width
# joiner ties to it.
_JOINS_PREVIOUS = frozenset("\u0e33\u0eb3\u200d")


def graphemes(text: str) -> list[str]:
    """The text as the clusters a reader sees as one letter (a consonant with its vowels and
    tone marks), never to be cut apart."""
    clusters: list[str] = []
    joined = False
    for character in text:
        if clusters and (
            joined or character in _JOINS_PREVIOUS or _character_width(character) == 0
        ):
            clusters[-1] += character
        else:
            clusters.append(character)
        joined = character == "\u200d"
    return clusters


_load_lock = threading.Lock()


@functools.cache
def _thai_words() -> Callable[[str], list[str]]:
    """nlpO3's newmm with the dictionary loaded once per process (about a tenth of a second)."""
    with _load_lock:
        import nlpo3

        message, loaded = nlpo3.load_dict(str(bundled_file("thai_words.txt")), "ita_tui")
        if not loaded and "exist" not in message:
            raise RuntimeError(message)
    # Not its "safe" mode: in nlpO3 1.4 that mode loses letters of runs over a hundred or so
    # characters, and newmm needs no such guard (20,000 letters take about 15 ms).
    return lambda run: nlpo3.segment(run, "ita_tui")


def segmenter_signature() -> str:
    """What the division of a text depends on: the word list and these rules (this module).
    Divisions kept from a session whose signature differs are not taken back."""
    parts = []
    for path in (bundled_file("thai_words.txt"), __file__):
        status = os.stat(str(path))
        parts.append(f"{status.st_size}:{status.st_mtime_ns}")
    return "/".join(parts)


# Texts holding Thai, with the lengths of their pieces: those given back from earlier sessions
# (`remember`, checked only when a text is met, so that taking them back costs next to nothing)
# and those divided or given back in this one (`divisions_used`).
_remembered: Mapping[str, object] = {}
_used: dict[str, tuple[int, ...]] = {}


def remember(divisions: Mapping[str, object]) -> None:
    """Take back divisions kept from earlier sessions: text → the lengths of its pieces."""
    global _remembered
    _remembered = divisions
    pieces.cache_clear()


def _remembered_lengths(text: str) -> tuple[int, ...] | None:
    """A kept division of the text, if it adds up to the text: one that does not (a cache file
    edited or damaged) is never trusted."""
    lengths = _remembered.get(text)
    if not isinstance(lengths, list) or not lengths:
        return None
    if not all(type(length) is int and length > 0 for length in lengths):
        return None
    return tuple(lengths) if sum(lengths) == len(text) else None


def divisions_used() -> dict[str, tuple[int, ...]]:
    """The divisions of every text holding Thai divided in this session, for keeping."""
    return dict(_used)


def forget() -> None:
    """Drop what was remembered and used (a test starts clean)."""
    remember({})
    _used.clear()
    pieces.cache_clear()


def _kind(character: str) -> str:
    if _is_thai(character):
        return "thai"
    if character.isalnum():
        return "alnum"
    return "sign"


def _may_break_between(left: str, right: str) -> bool:
    """Between two segmenter tokens with no space between them."""
    before, after = left[-1], right[0]
    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER or _character_width(after) == 0:
        return False
    kinds = {_kind(before), _kind(after)}
    if kinds == {"thai"} or kinds == {"thai", "alnum"}:
        return True
    if before in _JOINING_SIGNS:
        return _kind(after) == "thai"
    # "(ป.ป.ช.)ได้" or "ได้(ITA)": a bracket or a full stop stands between a Thai word and
    # the next.
    return (_kind(after) == "thai" and _kind(before) == "sign") or (
        _kind(before) == "thai" and after in _NO_BREAK_AFTER
    )


def _units(run: str) -> list[str]:
    """A run without spaces divided where a line may break inside it."""
    if not has_thai(run):
        return [run]
    try:
        tokens = [token for token in _thai_words()(run) if token]
    except UnicodeEncodeError:
        return [run]  # a lone surrogate, which the segmenter cannot take: no break inside the run
    if "".join(tokens) != run:
        return [run]
    units = [tokens[0]]
    for token in tokens[1:]:
        if _may_break_between(units[-1], token):
            units.append(token)
        else:
            units[-1] += token
    return units


@functools.lru_cache(maxsize=8192)
def pieces(text: str) -> tuple[str, ...]:
    """The text divided at every place a line may break: each piece is what must stay on one
    line, followed by the spaces after it (which may hang past the line's end). Joined they
    give the text back."""
    if not has_thai(text):
        return _divided(text)
    lengths = _remembered_lengths(text)
    if lengths is None:
        found = list(_divided(text))
        lengths = tuple(len(piece) for piece in found)
    else:
        position = 0
        found = []
        for length in lengths:
            found.append(text[position : position + length])
            position += length
    _used[text] = lengths
    return tuple(found)


def _divided(text: str) -> tuple[str, ...]:
    found: list[str] = []
    position = 0
    for space in _BREAK_AFTER.finditer(text):
        if space.start() > position:
            found.extend(_units(text[position : space.start()]))
        if found:
            found[-1] += space.group()
        else:
            found.append(space.group())
        position = space.end()
    if position < len(text):
        found.extend(_units(text[position:]))
    return tuple(found)


def _content(piece: str) -> str:
    """A piece without the spaces that may hang past the line's end."""
    return _HANGING.sub("", piece)


def _fit(word: str, width: int) -> str:
    """The first letters of a word that fit in `width` cells."""
    fitted, used = "", 0
    for cluster in graphemes(word):
        used += cell_width(cluster)
        if used > width:
            break
        fitted += cluster
    return fitted


def _chop(word: str, width: int) -> list[str]:
    """A word wider than a line, cut between grapheme clusters into lines of `width`."""
    chopped = [""]
    used = 0
    for cluster in graphemes(word):
        cells = cell_width(cluster)
        if used + cells > width and chopped[-1]:
            chopped.append("")
            used = 0
        chopped[-1] += cluster
        used += cells
    return chopped


def lines(text: str, width: int) -> list[str]:
    """The text in lines of at most `width` cells, broken between words. Each line keeps the
    spaces (and line break) it ends with, so that the lines joined give the text back; what a
    screen shows of a line is `line.rstrip()`."""
    width = max(width, 1)
    result: list[str] = []
    for paragraph in text.splitlines(keepends=True) or [""]:
        line, used = "", 0
        for piece in pieces(paragraph):
            content = _content(piece)
            cells = cell_width(content)
            if used + cells <= width:
                line, used = line + piece, used + cell_width(piece)
                continue
            if line:
                result.append(line)
            if cells <= width:
                line, used = piece, cell_width(piece)
                continue
            *whole, last = _chop(content, width)
            result.extend(whole)
            line = last + piece[len(content) :]
            used = cell_width(line)
        result.append(line)
    return result


def line_starts(text: str, width: int) -> list[int]:
    """Where each line after the first begins in the text, for dividing styled text."""
    starts, position = [], 0
    for line in lines(text, width)[:-1]:
        position += len(line)
        starts.append(position)
    return starts


def cut_at(text: str, width: int) -> int:
    """How much of a one-line text to keep so that it and "…" fit in `width` cells: up to
    the last word that fits. A word that no line of that width could hold is cut between
    its letters, filling the room."""
    if cell_width(text) <= width:
        return len(text)
    room = width - cell_width(ELLIPSIS)
    if room <= 0:
        return 0
    kept, used = 0, 0
    for piece in pieces(text):
        content = _content(piece)
        cells = cell_width(content)
        if used + cells <= room:
            kept += len(piece)
            used += cell_width(piece)
            continue
        if cells > width or not kept:
            kept += len(_fit(content, room - used))
        break
    return len(text[:kept].rstrip())


def cut(text: str, width: int) -> str:
    """A one-line text cut to `width` cells at a word boundary, ending in "…" when cut."""
    kept = cut_at(text, width)
    if kept == len(text):
        return text
    return text[:kept] + ELLIPSIS if width >= cell_width(ELLIPSIS) else ""

"""Where the Thai texts the app has shown divide into words, kept between sessions.

The app's first frame lays out Thai text between words, and the word segmenter's dictionary takes
about a tenth of a second to load (`ita_tui.core.thai_lines`). The texts a user sees are mostly the
same from one day to the next (the agency's measures, the screens' own words), so their divisions
are kept in the user's cache folder when the app closes and given back when it opens: a text met
again is divided without the dictionary, which loads only when a new text needs it.

It is a cache and nothing more: a missing, unreadable, damaged or foreign file is ignored, a
failed write is skipped, and a division is taken back only from a file written with the same
word list and rules (`thai_lines.segmenter_signature`)."""

from pathlib import Path

from ita_tui.core import thai_lines
from ita_tui.files.cache_documents import keep_document, read_document
from ita_tui.files.locations import cache_folder

# Enough for what a user meets from one day to the next (a plan of 300 measures has about 1,500
# texts), and small enough to read in a few milliseconds; the longest unseen go first.
MOST_TEXTS = 5_000
# A file larger than this is not ours to read at start-up.
LARGEST_FILE = 32 * 1024 * 1024


def cache_path() -> Path:
    return cache_folder() / "thai-word-breaks.json"


def _kept(path: Path) -> dict[str, object]:
    document = read_document(path, LARGEST_FILE)
    if document.get("signature") != _signature():
        return {}
    texts = document.get("texts")
    return texts if isinstance(texts, dict) else {}


def _signature() -> str | None:
    try:
        return thai_lines.segmenter_signature()
    except OSError:
        return None


def _writable(text: str) -> bool:
    """Whether the text can be written as UTF-8 (a lone surrogate cannot; such a text is
    divided again when met)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load() -> None:
    """Give the divisions kept from earlier sessions back to the line breaker."""
    thai_lines.remember(_kept(cache_path()))


def save() -> None:
    """Keep this session's divisions, after those of earlier sessions still in the file."""
    used = thai_lines.divisions_used()
    path = cache_path()
    kept = _kept(path)
    if not used or all(kept.get(text) == list(lengths) for text, lengths in used.items()):
        return
    texts = {text: lengths for text, lengths in kept.items() if text not in used}
    texts.update({text: list(lengths) for text, lengths in used.items() if _writable(text)})
    newest = dict(list(texts.items())[-MOST_TEXTS:])
    keep_document(path, {"signature": _signature(), "texts": newest})

"""Text as data: normalisation of every piece of text a user or a file hands us, before it is
compared or stored, and the one way stored text is made safe to show on a terminal."""

import re
import unicodedata

from ita_tui.core.errors import UserError

# Invisible characters that PDF copies and Thai input methods leave behind; they make two
# identical-looking unit names compare unequal.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# NFC does not compose NIKHAHIT + SARA AA into SARA AM, yet some keyboards type it that way.
_SPLIT_SARA_AM = "\u0e4d\u0e32"

# What a terminal would act on rather than show (C0 and C1 controls, DEL), and what reorders
# the letters around it so that a text reads other than it is (bidi overrides and isolates).
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
_CONTROL_OR_LINE_BREAK = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")


def normalise(text: str, *, multiline: bool = False) -> str:
    """The form in which text is stored and compared. Control characters are refused with a
    message naming them; a line break or tab only where the field takes several lines."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace(_SPLIT_SARA_AM, "\u0e33")
    # A one-line field keeps what the user meant by ignoring a trailing newline from a paste.
    text = text.replace("\r\n", "\n").replace("\r", "\n") if multiline else text.strip()
    refused = (_CONTROL if multiline else _CONTROL_OR_LINE_BREAK).search(text)
    if refused:
        character = refused.group()
        key = "text.line_break" if character in "\n\r\t" else "text.control_character"
        raise UserError(
            key,
            code=f"U+{ord(character):04X}",
            sign=visible(character),
            text=visible(text, one_line=True)[:60],
        )
    return text.strip()


def _visible_sign(character: str) -> str:
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, the Unicode pictures of the C0 controls
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


_SIGNS = {code: _visible_sign(chr(code)) for code in [*range(0x20), *range(0x7F, 0xA0)]}
_SIGNS.update({code: "\ufffd" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_SIGNS_KEEPING_LINES = {k: v for k, v in _SIGNS.items() if chr(k) not in "\n\t"}
# One character for one character, so that styles laid over a text keep their places.
_ONE_LINE_SIGNS = {**_SIGNS, ord("\n"): "\u21b5", ord("\t"): " "}


def visible(text: str, *, one_line: bool = False) -> str:
    """Text fit for a terminal: every control character becomes a sign that shows it (␛ for
    ESC), so that nothing stored can clear a screen, write a clipboard or fake a link. In a
    one-line place a line break shows as ↵."""
    return text.translate(_ONE_LINE_SIGNS if one_line else _SIGNS_KEEPING_LINES)


# Serialisers (json, tomli_w) escape the C0 controls themselves but write DEL, C1 controls and
# bidi overrides raw; inside a JSON or TOML string the same \uXXXX escape is valid for them.
_RAW_IN_DATA = re.compile(f"[\x7f-\x9f{_BIDI_CONTROLS}]")
_RAW_IN_DATA_CHARACTERS = tuple(
    chr(code) for code in [*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def escaped_in_data(serialised: str) -> str:
    """JSON or TOML text with no character a terminal or an editor would act on."""
    # Looked for one character at a time: str's own search is several times quicker than a
    # character class over megabytes of Thai (`overdue --json` of a national list).
    if not any(character in serialised for character in _RAW_IN_DATA_CHARACTERS):
        return serialised
    return _RAW_IN_DATA.sub(lambda found: f"\\u{ord(found.group()):04x}", serialised)

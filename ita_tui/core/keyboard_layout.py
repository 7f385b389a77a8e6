"""The Thai Kedmanee keyboard, key by key: after typing Thai in a field the keyboard is often still
in Thai, where the key `d` gives ก and the key `4` gives ภ. Every single-key shortcut also answers
to the character its key gives in Kedmanee, so that no shortcut stops working for that.

Key names are Textual's: a letter or digit is itself, other characters their Unicode names in
lower case (`question_mark`, `thai_character_mai_han_akat`)."""

import unicodedata

# What each key of a US keyboard gives in Kedmanee, without and with shift.
_KEDMANEE = dict(
    zip(
        "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
        '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?',
        '_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ',
        strict=True,
    )
)
_ASCII_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "minus": "-",
    "full_stop": ".",
    "comma": ",",
    "semicolon": ";",
    "apostrophe": "'",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "backslash": "\\",
    "equals_sign": "=",
    "grave_accent": "`",
}


# Textual's shorter names for a few characters.
_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def key_name(character: str) -> str:
    """Textual's name for the key a character arrives as."""
    if character.isalnum():
        return character
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _NAME_REPLACEMENTS.get(name, name)


# Keys that are shortcuts of their own: the Kedmanee key that gives one of them (`2` gives `/`,
# the search key) cannot also stand for its English twin. tests/test_keys.py keeps this in step
# with the app's bindings.
SHORTCUT_KEYS = frozenset({"slash", "question_mark"})


def thai_twin(key: str) -> str | None:
    """The name of the key the same physical key gives in Kedmanee (`4` gives ภ); None when it
    gives the same, or a key that is a shortcut of its own."""
    character = _ASCII_NAMES.get(key, key)
    given = _KEDMANEE.get(character) if len(character) == 1 else None
    if given is None or given == character:
        return None
    twin = key_name(given)
    return None if twin in SHORTCUT_KEYS else twin


def with_thai_twins(keys: str) -> str:
    """A binding's keys (comma-separated) with each one's Kedmanee twin after it."""
    names = []
    for key in keys.split(","):
        key = key.strip()
        names.append(key)
        twin = thai_twin(key)
        if twin and twin not in names:
            names.append(twin)
    return ",".join(names)


def english_key(key: str) -> str | None:
    """The English key whose Kedmanee twin `key` is, for showing a shortcut once, as its key
    cap reads."""
    return _ENGLISH_OF.get(key)


_ENGLISH_OF = {
    twin: key_name(english)
    for english in _KEDMANEE
    if (twin := thai_twin(key_name(english))) is not None
}


_DIGIT_OF_KEDMANEE = {_KEDMANEE[digit]: digit for digit in "0123456789"}


def digits_typed_in_kedmanee(text: str) -> str | None:
    """The digits meant, when a number was typed with the keyboard still in Thai (`40` gives
    `ภจ`); None if the text is not that. Only for fields that take nothing but a number, where
    no Thai word is meant."""
    if text and all(character in _DIGIT_OF_KEDMANEE for character in text):
        return "".join(_DIGIT_OF_KEDMANEE[character] for character in text)
    return None

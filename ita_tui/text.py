"""Normalisation of every piece of text a user or a file hands us, before it is compared or stored."""

import unicodedata

# Invisible characters that PDF copies and Thai input methods leave behind; they make two
# identical-looking unit names compare unequal.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# NFC does not compose NIKHAHIT + SARA AA into SARA AM, yet some keyboards type it that way.
_SPLIT_SARA_AM = "\u0e4d\u0e32"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return text.replace(_SPLIT_SARA_AM, "\u0e33").strip()

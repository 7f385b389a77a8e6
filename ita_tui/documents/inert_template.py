"""An agency's Word template, made unable to reach out: every report written on it is opened by
people in the office, and Word fetches, when a file opens, what the file points to outside
itself (a remote attached template, a linked picture or object, an INCLUDEPICTURE or
INCLUDETEXT field). Whoever slipped such a pointer into the template would learn who opens each
report, from where, or feed it content.

What is only a pointer to a template the file was made from (w:attachedTemplate) is removed; a
hyperlink stays, since Word follows it only when someone clicks. Anything else that fetches
refuses the template, with a message saying what to remove: removing it silently would leave a
letterhead without its logo and nobody knowing why."""

import re
from typing import Any

from ita_tui.core.errors import UserError

_ATTACHED_TEMPLATE = "/attachedTemplate"
_HYPERLINK = "/hyperlink"
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Field codes that make Word read a file or address, or another program's data.
_FETCHING_FIELD = re.compile(r"\b(INCLUDE\w*|LINK|DDE\w*|IMPORT|DATABASE)\b", re.IGNORECASE)
# A field's code may be split over several runs (`INCLUDEP` `ICTURE`), one per instrText.
_INSTRUCTION = re.compile(rb"<w:instrText\b[^>]*>([^<]*)</w:instrText>|\bw:instr=\"([^\"]*)\"")
# A VML picture may name an address itself, without a relationship.
_ADDRESS_IN_VML = re.compile(rb"\b(?:src|o:href|href)=\"(?:[a-z][a-z0-9+.\-]*:|\\\\)", re.I)


def make_inert(word: Any, path: str) -> None:
    """Remove the attached template from a python-docx document; refuse it if anything else in
    it would be fetched when a report made on it is opened."""
    for part in word.part.package.iter_parts():
        for rId, relationship in list(part.rels.items()):
            if not relationship.is_external or relationship.reltype.endswith(_HYPERLINK):
                continue
            if relationship.reltype.endswith(_ATTACHED_TEMPLATE):
                _remove_attached_template(part, rId)
                continue
            raise UserError("report.template_fetches", path=path, what=_said(relationship.reltype))
        if "xml" not in part.content_type:
            continue
        blob = part.blob
        code = [b"".join(found) for found in _INSTRUCTION.findall(blob)]
        for joined in (b"".join(code), b" ".join(code)):
            field = _FETCHING_FIELD.search(joined.decode("utf-8", "replace"))
            if field:
                raise UserError("report.template_fetches", path=path, what=_said(field.group(1)))
        if _ADDRESS_IN_VML.search(blob) and b"urn:schemas-microsoft-com:vml" in blob:
            raise UserError("report.template_fetches", path=path, what="VML")


def _remove_attached_template(part: Any, rId: str) -> None:
    element = getattr(part, "_element", None)
    if element is not None:
        for attached in element.iter(f"{{{_WORD}}}attachedTemplate"):
            attached.getparent().remove(attached)
    del part.rels[rId]


def _said(name: str) -> str:
    """A name from the file, short and plain enough to show: the last word of a relationship's
    type, or a field's name."""
    word = name.rstrip("/").rsplit("/", 1)[-1]
    return word[:40] if re.fullmatch(r"[A-Za-z]{1,40}", word[:40]) else "?"

"""Writes ita_tui/data/word_template.docx, the Word template the documents are written on when
the agency gives none of its own: A4 with the margins of a Thai official letter, TH Sarabun New
16 pt as the font of Thai (the complex-script font) and of Latin text, headings in the same face.

Run it after changing the styles here: .venv/bin/python tools/make_word_template.py"""

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ita_tui.documents.render.word import THAI_FACE as FACE
from ita_tui.documents.render.word import complex_script_font, thai_language

TARGET = Path(__file__).parent.parent / "ita_tui" / "data" / "word_template.docx"

# Style, size in points, bold.
STYLES = [
    ("Normal", 16, False),
    ("Title", 20, True),
    ("Subtitle", 16, False),
    ("Heading 1", 18, True),
    ("Heading 2", 16, True),
    ("Heading 3", 16, True),
    ("List Bullet", 16, False),
    ("Table Grid", 14, False),
]


def thai_font(style, size: int, bold: bool) -> None:
    """One face for every script, Thai (the complex script) included, at one size."""
    properties = style.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(script), FACE)
    style.font.size = Pt(size)
    complex_script_font(properties, FACE, size * 2)
    thai_language(properties)
    if style.type != WD_STYLE_TYPE.TABLE:
        style.font.bold = bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False  # Thai has no italic; slanted Thai reads poorly
        if bold:
            properties.get_or_add_bCs()


def main() -> None:
    document = docx.Document()
    for name, size, bold in STYLES:
        thai_font(document.styles[name], size, bold)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(25), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(20)
    document.core_properties.title = "ita-tui"
    document.core_properties.author = "ita-tui"
    document.save(str(TARGET))
    print(TARGET)


if __name__ == "__main__":
    main()

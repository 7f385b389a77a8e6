"""The renderers of the document model (ita_tui/core/document.py): Markdown, HTML, Word, and PDF
through Chromium printing the HTML. Each escapes the document's text for its format."""

from pathlib import Path

from ita_tui.core.document import Document

TEXT_FORMATS = ("md", "html")
FORMATS = (*TEXT_FORMATS, "docx", "pdf")


def as_text(document: Document, fmt: str) -> str:
    """Markdown ("md") or one self-contained HTML page ("html")."""
    if fmt == "html":
        from ita_tui.documents.render.html import render_html

        return render_html(document)
    from ita_tui.documents.render.markdown import render_markdown

    return render_markdown(document)


def as_bytes(document: Document, fmt: str, template: Path | None = None) -> bytes:
    """A Word file ("docx", on the agency's template when one is given) or a PDF ("pdf")."""
    if fmt == "docx":
        from ita_tui.documents.render.word import render_word

        return render_word(document, template)
    if fmt == "pdf":
        from ita_tui.documents.render.html import render_html
        from ita_tui.documents.render.pdf import print_html

        return print_html(render_html(document))
    return as_text(document, fmt).encode("utf-8")

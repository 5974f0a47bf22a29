"""A document as `html`, `pdf` or `docx` bytes: the one entry point every report,
command and download uses."""

from improvement.core.text import clean_text
from improvement.documents import pdf, word
from improvement.documents.html import print_html, standalone
from improvement.documents.structure import Document

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}


def render(document: Document, fmt: str, html: str | None = None) -> bytes:
    """The document in `fmt`; `html` reuses a frozen rendering for the HTML and PDF."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}: use html, pdf or docx")
    if fmt == "docx":
        return word.docx_bytes(document)
    html = clean_text(html) if html is not None else print_html(document)
    return standalone(html).encode() if fmt == "html" else pdf.pdf_from_html(html)

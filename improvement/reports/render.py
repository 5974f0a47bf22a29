"""A report document as HTML, PDF (WeasyPrint, tagged for screen readers) and Word."""

import io
import logging
from typing import Any

from django.template.loader import render_to_string

from improvement.reports.document import Document, Section, Table

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def print_html(document: Document) -> str:
    """The standalone HTML the PDF is made from: language, headings, table headers, alt text."""
    return render_to_string("reports/print.html", {"document": document})


def _weasyprint_html(html: str) -> Any:
    from weasyprint import HTML

    # Its page-by-page progress is noise on a command's standard error.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string=html)


def pdf_from_html(html: str) -> bytes:
    # PDF/UA tags the PDF (headings, tables, figures with alt text, language).
    return _weasyprint_html(html).write_pdf(pdf_variant="pdf/ua-1")


def pdf_document(html: str) -> Any:
    """WeasyPrint's laid-out document, for counting its pages."""
    return _weasyprint_html(html).render(pdf_variant="pdf/ua-1")


def docx_bytes(document: Document) -> bytes:
    from docx import Document as Word

    word = Word()
    word.core_properties.title = document.title
    word.core_properties.author = document.council
    word.core_properties.language = "en-GB"
    word.add_paragraph(document.council, style="Subtitle")
    word.add_heading(document.title, level=0)
    if document.subtitle:
        word.add_paragraph(document.subtitle)
    for line in document.banner:
        word.add_paragraph().add_run(line).bold = True
    if document.header:
        _table(word, Table("About this report", ["", ""], document.header), header_row=False)
    for section in document.sections:
        _section(word, section, 1)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _section(word: Any, section: Section, level: int) -> None:
    from docx.shared import Cm

    word.add_heading(section.title, level=min(level, 4))
    for text in section.paragraphs:
        word.add_paragraph(text)
    for text in section.bullets:
        word.add_paragraph(text, style="List Bullet")
    for text in section.numbered:
        word.add_paragraph(text, style="List Number")
    for chart in section.charts:
        word.add_picture(io.BytesIO(chart.png), width=Cm(15))
        docpr = word.inline_shapes[-1]._inline.docPr
        docpr.set("descr", chart.alt)
        docpr.set("title", chart.title)
        word.add_paragraph(chart.title, style="Caption")
    for table in section.tables:
        _table(word, table)
    for sub in section.subsections:
        _section(word, sub, level + 1)


def _table(word: Any, table: Table, header_row: bool = True) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word.add_paragraph(table.caption, style="Caption")
    rows = table.body
    grid = word.add_table(rows=0, cols=len(table.head), style="Table Grid")
    if header_row:
        cells = grid.add_row().cells
        for cell, text in zip(cells, table.head, strict=True):
            cell.text = text
            if text:
                cell.paragraphs[0].runs[0].bold = True
        # Repeat the header row on each page, and mark it as the table's header.
        properties = grid.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text


def render(document: Document, fmt: str, html: str | None = None) -> bytes:
    """The document as `html`, `pdf` or `docx` bytes; `html` reuses a frozen rendering."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}: use html, pdf or docx")
    if fmt == "docx":
        return docx_bytes(document)
    html = html if html is not None else print_html(document)
    return html.encode() if fmt == "html" else pdf_from_html(html)

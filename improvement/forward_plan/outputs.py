"""An edition of the plan as JSON, PDF and Word, in the columns and parts of the
published plan, all from the same rows (so a private decision shows nothing exempt)."""

import io
import json
from typing import Any

from django.template.loader import render_to_string

from improvement.forward_plan import queries
from improvement.forward_plan.presenters import edition_parts


def edition_document(edition: Any) -> dict[str, Any]:
    successor = queries.superseded_by(edition)
    return {
        "edition": edition,
        "title": f"{edition.council.name.upper()}'S FORWARD PLAN OF EXECUTIVE DECISIONS",
        "parts": edition_parts(edition, queries.entries_of(edition)),
        "superseded_by": successor,
    }


def _section_json(section: Any) -> dict[str, Any]:
    keys = [key for key, _ in section.columns]
    return {
        "heading": section.heading,
        "columns": [{"key": key, "label": label} for key, label in section.columns],
        "decisions": [
            {
                key: row.get(key)
                for key in ["id", "reference", "title", *keys, "key", "private", "exempt_paragraph"]
            }
            | ({"urgency_route": row["urgency_route"]} if row.get("urgency_route") else {})
            for row in section.rows
        ],
    }


def edition_json(edition: Any) -> dict[str, Any]:
    doc = edition_document(edition)
    successor = doc["superseded_by"]
    return {
        "council": {"slug": edition.council.slug, "name": edition.council.name},
        "published_on": edition.published_on.isoformat(),
        "decisions_from": edition.decisions_from.isoformat(),
        "status": edition.status,
        "superseded_by": successor.published_on.isoformat() if successor else None,
        "parts": [
            {
                "number": part.number,
                "title": part.title,
                "sections": [_section_json(section) for section in part.sections],
            }
            for part in doc["parts"]
        ],
    }


def edition_html(edition: Any) -> str:
    """The printable document the PDF is made from."""
    return render_to_string("forward_plan/edition_document.html", edition_document(edition))


def edition_pdf(edition: Any) -> bytes:
    from weasyprint import HTML

    return HTML(string=edition_html(edition)).write_pdf()


def edition_docx(edition: Any) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = edition_document(edition)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    document.styles["Normal"].font.size = Pt(8)
    document.core_properties.title = doc["title"]
    document.add_heading(doc["title"], level=0)
    document.add_paragraph(f"PUBLISHED: {edition.published_on:%-d %B %Y}".upper())
    for part in doc["parts"]:
        document.add_heading(part.title, level=1)
        for table in part.sections:
            _docx_table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document: Any, section: Any) -> None:
    if section.heading:
        document.add_heading(section.heading, level=2)
    grid = document.add_table(rows=1, cols=len(section.headers) + 1, style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, ["", *section.headers], strict=True):
        cell.text = text
    rows = section.numbered or [(None, ["None."] + [""] * (len(section.headers) - 1), None)]
    for number, cells, _ in rows:
        label = f"{number}." if number else ""
        for cell, text in zip(grid.add_row().cells, [label, *cells], strict=True):
            cell.text = text


def render_edition(edition: Any, fmt: str) -> bytes:
    """The edition as `json`, `pdf` or `docx` bytes."""
    if fmt == "json":
        return json.dumps(edition_json(edition), indent=2).encode()
    if fmt == "pdf":
        return edition_pdf(edition)
    if fmt == "docx":
        return edition_docx(edition)
    raise ValueError(f"unknown format {fmt}: use json, pdf or docx")

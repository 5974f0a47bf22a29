"""The annual report as JSON, HTML, PDF and Word, all from the same figures."""

import base64
import io
import json
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from improvement.complaints import charts
from improvement.complaints.charts import svg_markup
from improvement.complaints.figures import annual_figures
from improvement.complaints.presenters import annual_report


def figures_json(council: Any, year: int) -> str:
    return json.dumps(annual_figures(council, year), indent=2)


def _with_charts(report: dict[str, Any], fmt: str) -> dict[str, Any]:
    for section in report["sections"]:
        chart = section.chart
        if chart is None:
            section.chart_html = ""
        elif fmt == "svg":
            section.chart_html = mark_safe(svg_markup(chart))  # noqa: S308 (our own SVG)
        else:
            data = base64.b64encode(charts.render(chart, "png")).decode()
            section.chart_html = format_html(
                '<img src="data:image/png;base64,{}" alt="{}">', data, chart.alt
            )
    return report


def report_for_page(council: Any, year: int) -> dict[str, Any]:
    return _with_charts(annual_report(council, year), "svg")


def report_pdf(council: Any, year: int) -> bytes:
    from weasyprint import HTML

    report = _with_charts(annual_report(council, year), "png")
    html = render_to_string("complaints/report_document.html", {"report": report})
    return HTML(string=html).write_pdf()


def report_docx(council: Any, year: int) -> bytes:
    from docx import Document
    from docx.shared import Cm

    report = annual_report(council, year)
    document = Document()
    document.core_properties.title = report["title"]
    document.add_heading(report["title"], level=0)
    document.add_paragraph(f"{council.name}. Financial year from 1 April {year}.")
    for section in report["sections"]:
        document.add_heading(section.heading, level=1)
        if section.note:
            document.add_paragraph(section.note)
        if section.chart is not None:
            document.add_picture(io.BytesIO(charts.render(section.chart, "png")), width=Cm(15))
            _set_alt_text(document.inline_shapes[-1], section.chart.alt)
        for table in section.tables:
            _docx_table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_alt_text(shape: Any, text: str) -> None:
    shape._inline.docPr.set("descr", text)


def _docx_table(document: Any, table: Any) -> None:
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.head), style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, table.head, strict=True):
        cell.text = text
    for row in table.rows or [["None in the year."] + [""] * (len(table.head) - 1)]:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text


def render_report(council: Any, year: int, fmt: str) -> bytes:
    """The annual report as `json`, `pdf` or `docx` bytes."""
    if fmt == "json":
        return figures_json(council, year).encode()
    if fmt == "pdf":
        return report_pdf(council, year)
    if fmt == "docx":
        return report_docx(council, year)
    raise ValueError(f"unknown format {fmt}: use json, pdf or docx")

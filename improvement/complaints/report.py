"""The annual report as JSON, and as a page, PDF and Word document through the one
document pipeline (`improvement.documents`), all from the same figures."""

import json
from typing import Any

from django.http import Http404, HttpResponse
from django.utils.safestring import mark_safe

from improvement.complaints.annual import annual_report
from improvement.complaints.figures import annual_figures
from improvement.documents import charts
from improvement.documents.download import download
from improvement.documents.render import render
from improvement.documents.structure import Document, Section, Table

FORMATS = ("json", "pdf", "docx", "html")


def figures_json(council: Any, year: int) -> str:
    return json.dumps(annual_figures(council, year), indent=2)


def report_for_page(council: Any, year: int) -> dict[str, Any]:
    """The report's sections with each chart as inline SVG, for the page."""
    report = annual_report(council, year)
    for n, section in enumerate(report["sections"]):
        chart = section.chart
        # Our own SVG, its text escaped by matplotlib and its label by the chart module.
        section.chart_html = (
            "" if chart is None else mark_safe(charts.svg(chart, f"c{n}", described=False))  # noqa: S308
        )
    return report


def _section(section: Any) -> Section:
    return Section(
        section.heading,
        paragraphs=([section.note] if section.note else []) + section.paragraphs,
        # Each chart draws figures of the section's own tables, so it needs no other.
        charts=[charts.for_document(section.chart, data=False)] if section.chart else [],
        tables=[
            Table(table.caption, table.head, table.rows, "None in the year.")
            for table in section.tables
        ],
    )


def annual_document(council: Any, year: int) -> Document:
    report = annual_report(council, year)
    return Document(
        kind="complaints_annual",
        title=report["title"],
        council=council.name,
        subtitle=(
            f"Financial year 1 April {year} to 31 March {year + 1}, with {report['years'][0]} "
            "beside each figure. Every figure is counted from the council's case records."
        ),
        sections=[_section(section) for section in report["sections"]],
        figures={"year": year},
    )


def report_pdf(council: Any, year: int) -> bytes:
    return render(annual_document(council, year), "pdf")


def report_docx(council: Any, year: int) -> bytes:
    return render(annual_document(council, year), "docx")


def render_report(council: Any, year: int, fmt: str) -> bytes:
    """The annual report as `json`, `pdf`, `docx` or `html` bytes."""
    if fmt == "json":
        return figures_json(council, year).encode()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}: use json, pdf, docx or html")
    return render(annual_document(council, year), fmt)


def report_response(council: Any, year: int, fmt: str) -> HttpResponse:
    """The download of the annual report in `fmt` (404 for an unknown format)."""
    if fmt not in FORMATS:
        raise Http404("No such format")
    return download(
        render_report(council, year, fmt), fmt, f"complaints-report-{council.slug}-{year}"
    )

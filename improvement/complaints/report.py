"""The annual report as JSON, and as a page, PDF and Word document through the one
document pipeline (`improvement.documents`), all from the same figures."""

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from improvement.complaints.annual import annual_report
from improvement.complaints.figures import annual_figures
from improvement.complaints.forms import FIRST_YEAR, LAST_YEAR
from improvement.complaints.years import year_label
from improvement.core import access
from improvement.documents import charts
from improvement.documents.builds import Builder, register
from improvement.documents.download import download
from improvement.documents.render import render
from improvement.documents.structure import Document, Section, Table

FORMATS = ("json", "pdf", "docx", "html")
# The PDF and Word files are made by the worker (improvement.documents.builds).
BUILT = ("pdf", "docx")
KIND = "complaints_annual"
FIGURES = "complaints.view_figures"


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
        bullets=section.bullets,
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


def _check(actor: Any, council: Any, parameters: dict) -> None:
    """The report page's rule: anyone in the council who may see the figures."""
    if not access.allowed(actor, FIGURES, council):
        raise PermissionDenied(access.refusal(FIGURES))
    if not FIRST_YEAR <= int(parameters.get("year", 0)) <= LAST_YEAR:
        raise Http404("No such report")


def _fingerprint(council: Any, parameters: dict) -> str:
    # The document it would print: a new case, outcome or note makes a new file.
    document = annual_document(council, parameters["year"])
    return json.dumps(document.to_json(), sort_keys=True, default=str)


def _make(council: Any, parameters: dict, fmt: str) -> tuple[bytes, str]:
    year = parameters["year"]
    return render_report(council, year, fmt), f"complaints-report-{council.slug}-{year}"


def _title(council: Any, parameters: dict) -> str:
    return f"the complaints annual report for {year_label(parameters['year'])}"


def _back(council: Any, parameters: dict) -> str:
    return f"{reverse('complaints:report', args=[council.slug])}?year={parameters['year']}"


register(KIND, Builder(_check, _fingerprint, _make, _title, _back))

"""A committee report's PDF with its appendix bound in (docs/adr/027): the committee
report and the document it summarises come as one file, as a committee's papers do.

Each document is rendered by the one pipeline (WeasyPrint through
`documents.render`) and their pages are joined with pypdf; the appendix is the one
named in the committee report's figures (`reports.appendix.spec`), so a frozen
committee report binds the appendix it was read with."""

import io
from typing import Any

from pypdf import PdfWriter

from improvement.complaints.report import annual_document
from improvement.core.templatetags.ib import ukdate
from improvement.documents.render import render
from improvement.documents.structure import from_json
from improvement.reports import appendix
from improvement.reports.build import build_document
from improvement.reports.models import ReportDocument
from improvement.reports.queries import meeting_day, meeting_of


def _board_report_pdf(council: Any, found: dict[str, Any]) -> bytes | None:
    """The board report of the meeting: its frozen version where it was finalised,
    otherwise its draft (or, if none was started, the report the meeting would have)
    as at the board meeting's date."""
    report = council.reports.filter(pk=found.get("report")).first() if found.get("report") else None
    if report is not None and found.get("version"):
        version = report.versions.filter(number=found["version"]).first()
        if version is not None:
            return render(from_json(version.document), "pdf", html=version.html)
    if report is None:
        meeting = meeting_of(council, found["meeting"])
        if meeting is None:
            return None
        day = meeting_day(meeting)
        report = ReportDocument(
            council=council,
            kind=ReportDocument.Kind.BOARD_PROGRESS,
            meeting=meeting,
            as_at=day,
            title=f"Progress report to the {meeting.body.name}, {ukdate(day)}",
        )
    return render(build_document(report), "pdf")


def appendix_pdf(council: Any, found: dict[str, Any]) -> bytes | None:
    """The appendix a committee report names, as a PDF; None when it names none."""
    if found.get("kind") == appendix.COMPLAINTS_ANNUAL:
        return render(annual_document(council, found["year"]), "pdf")
    if found.get("kind") == appendix.BOARD_REPORT:
        return _board_report_pdf(council, found)
    return None


def join(files: list[bytes]) -> bytes:
    """The PDFs' pages one after another, in one file."""
    writer = PdfWriter()
    for data in files:
        writer.append(io.BytesIO(data))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bind(report: Any, cover: bytes, version: Any = None) -> bytes:
    """The committee report's PDF with its appendix's pages after its own."""
    found = version.figures.get("appendix", {}) if version is not None else appendix.spec(report)
    bound_in = appendix_pdf(report.council, found or {})
    return join([cover, bound_in]) if bound_in else cover

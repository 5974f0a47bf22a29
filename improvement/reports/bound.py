"""A committee report's PDF with its appendix bound in (docs/adr/027): the committee
report and the document it summarises come as one file, as a committee's papers do.

Each document's print HTML (the one pipeline's, or a version's frozen HTML) is laid
out by WeasyPrint (`documents.pdf.laid_out`) and the pages of both are written as one
tagged PDF (`Document.copy`): joining finished PDFs with pypdf would drop the
structure tree, language and marks a screen reader needs. The appendix is the one
named in the committee report's figures (`reports.appendix.spec`), so a frozen
committee report binds the appendix it was read with."""

from typing import Any

from improvement.complaints.report import annual_document
from improvement.core.templatetags.ib import ukdate
from improvement.documents.html import print_html
from improvement.documents.pdf import VARIANT, laid_out
from improvement.reports import appendix
from improvement.reports.build import build_document
from improvement.reports.models import ReportDocument
from improvement.reports.queries import meeting_day, meeting_of


def _board_report_html(council: Any, found: dict[str, Any], public: bool) -> str | None:
    """The board report of the meeting: its frozen version where it was finalised,
    otherwise its draft (or, if none was started, the report the meeting would have)
    as at the board meeting's date; never an exempt one in a public report."""
    report = council.reports.filter(pk=found.get("report")).first() if found.get("report") else None
    if report is not None and report.is_exempt and public:
        return None
    if report is not None and found.get("version"):
        version = report.versions.filter(number=found["version"]).first()
        if version is not None:
            return version.html
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
    return print_html(build_document(report))


def appendix_html(council: Any, found: dict[str, Any], public: bool = True) -> str | None:
    """The print HTML of the appendix a committee report names; None when it names none
    (or names an exempt board report and the committee report is public)."""
    if found.get("kind") == appendix.COMPLAINTS_ANNUAL:
        return print_html(annual_document(council, found["year"]))
    if found.get("kind") == appendix.BOARD_REPORT:
        return _board_report_html(council, found, public)
    return None


def join(pages_of: list[str]) -> bytes:
    """The documents' pages one after another, as one tagged PDF."""
    laid = [laid_out(html) for html in pages_of]
    pages = [page for document in laid for page in document.pages]
    return laid[0].copy(pages).write_pdf(pdf_variant=VARIANT)


def bind(report: Any, version: Any = None) -> bytes:
    """The committee report's PDF with its appendix's pages after its own."""
    if version is not None:
        cover, found = version.html, version.figures.get("appendix", {})
    else:
        document = build_document(report)
        cover, found = print_html(document), document.figures.get("appendix", {})
    bound_in = appendix_html(report.council, found or {}, public=not report.is_exempt)
    return join([cover, bound_in] if bound_in else [cover])

"""Which builder makes which report, and a report's files, draft or frozen."""

from typing import Any

from improvement.documents.render import render
from improvement.documents.structure import Document, from_json
from improvement.reports import board, committee, dfe

BUILDERS = {
    "board_progress": board.board_report,
    "committee": committee.committee,
    "self_assessment": dfe.self_assessment,
    "adviser": dfe.adviser,
}


def build_document(report: Any) -> Document:
    """The report as its data stands now, with the text drafted for it."""
    return BUILDERS[report.kind](report)


def report_file(report: Any, fmt: str, version: Any = None) -> bytes:
    """A draft is built afresh; a version's file comes from what was frozen."""
    if version is None:
        return render(build_document(report), fmt)
    return render(from_json(version.document), fmt, html=version.html)


def file_name(report: Any, version: Any = None) -> str:
    suffix = f"-v{version.number}" if version is not None else "-draft"
    return f"report-{report.pk}{suffix}"

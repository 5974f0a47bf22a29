"""Which builder makes which report, and a report's files, draft or frozen."""

from typing import Any

from improvement.reports import board, committee, dfe, queries
from improvement.reports.document import Document, from_json
from improvement.reports.render import render


def build_document(report: Any) -> Document:
    """The report as its data stands now, with the text drafted for it."""
    kind = report.kind
    if kind == "board_progress":
        return board.board_progress(report.meeting, report.recommendations, report.title)
    if kind == "committee":
        return committee.committee(report)
    if kind == "self_assessment":
        return dfe.self_assessment(report)
    return dfe.adviser(report)


def report_file(report: Any, fmt: str, version: Any = None) -> bytes:
    """A draft is built afresh; a version's file comes from what was frozen."""
    if version is None:
        return render(build_document(report), fmt)
    return render(from_json(version.document), fmt, html=version.html)


def board_report(meeting_id: int, fmt: str) -> bytes:
    """The progress report for one board meeting, past or future, as `fmt` bytes."""
    meeting = queries.board_meeting(meeting_id)
    if meeting is None:
        raise LookupError(f"No improvement board meeting has the id {meeting_id}.")
    return render(board.board_progress(meeting), fmt)

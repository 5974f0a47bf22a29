"""What a committee report binds in as its appendix (docs/adr/027): the improvement
board's progress report of a meeting, or the complaints annual report of a year.

The choice is written down as a small plain record (`spec`), kept in the document's
figures, so a frozen committee report binds the appendix it was read with: the board
report's frozen version where it was finalised, otherwise its draft as at the board
meeting's date, which the dated figures rebuild as they were."""

import datetime
from typing import Any

from django.utils import timezone

from improvement.core.templatetags.ib import ukdate
from improvement.reports.queries import (
    board_meeting_on_or_before,
    board_report_for,
    meeting_day,
)

BOARD_REPORT = "board_report"
COMPLAINTS_ANNUAL = "complaints_annual"


def year_label(year: int) -> str:
    """The financial year from 1 April `year`, as the council writes it: 2022-23."""
    return f"{year}-{(year + 1) % 100:02d}"


def board_meeting(report: Any) -> Any:
    """The board meeting whose report is bound in: the one chosen, else the latest
    board meeting on or before the committee meets (or the report's date)."""
    if report.appendix_meeting_id:
        return report.appendix_meeting
    day = meeting_day(report.meeting) if report.meeting else report.as_at
    return board_meeting_on_or_before(report.council, day or timezone.localdate())


def spec(report: Any) -> dict[str, Any]:
    """The appendix as it stands now, or {} when there is none to bind."""
    if report.appendix == COMPLAINTS_ANNUAL and report.appendix_year:
        return {"kind": COMPLAINTS_ANNUAL, "year": report.appendix_year}
    if report.appendix == COMPLAINTS_ANNUAL:
        return {}
    meeting = board_meeting(report)
    if meeting is None:
        return {}
    found = board_report_for(report.council, meeting)
    version = found.versions.latest_version() if found is not None else None
    return {
        "kind": BOARD_REPORT,
        "meeting": meeting.pk,
        "body": meeting.body.name,
        "day": meeting_day(meeting).isoformat(),
        "report": found.pk if found is not None else None,
        "version": version.number if version is not None else None,
    }


def title(found: dict[str, Any]) -> str:
    """The appendix's title as the committee report lists it."""
    if found.get("kind") == COMPLAINTS_ANNUAL:
        return f"Annual children's services complaints report {year_label(found['year'])}"
    if found.get("kind") == BOARD_REPORT:
        day = ukdate(datetime.date.fromisoformat(found["day"]))
        state = "" if found.get("version") else " (draft)"
        return f"Progress report to the {found['body']} of {day}{state}"
    return ""

"""report: any document the service writes, from the command line, through the one
document pipeline."""

import datetime
from collections.abc import Callable
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from improvement.complaints.report import annual_document
from improvement.core.commands import CouncilCommand
from improvement.documents.render import FORMATS, render
from improvement.documents.structure import Document
from improvement.forward_plan.outputs import edition_document, edition_on
from improvement.reports import queries
from improvement.reports.board import EVERY_ACTION
from improvement.reports.bound import bind
from improvement.reports.build import build_document
from improvement.reports.models import ReportDocument
from improvement.reports.services import default_title, start_committee_report

KINDS = ("board", "committee", "self_assessment", "adviser", "complaints_annual", "forward_plan")
REPORT_KINDS = {
    "board": "board_progress",
    "committee": "committee",
    "self_assessment": "self_assessment",
    "adviser": "adviser",
}


def _date(value: str | None, option: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise CommandError(f"{option} must be a date, YYYY-MM-DD") from exc


def _meeting(council: Any, options: dict[str, Any]) -> Any:
    if options["meeting"] is None:
        raise CommandError(f"--kind {options['kind']} needs --meeting, the board meeting's id")
    meeting = queries.board_meeting_of(council, options["meeting"])
    if meeting is None:
        raise CommandError(f"{council.name} has no board meeting with the id {options['meeting']}")
    return meeting


def _committee(council: Any, slug: str | None) -> Any:
    if slug is None:
        return None
    body = queries.committees_of(council).filter(slug=slug).first()
    if body is None:
        raise CommandError(f"{council.name} has no committee with the slug {slug!r}")
    return body


def _record(council: Any, options: dict[str, Any]) -> ReportDocument:
    """A report of the reports app as a draft would be started, saving nothing."""
    kind = REPORT_KINDS[options["kind"]]
    report = ReportDocument(council=council, kind=kind, every_action=options["every_action"])
    if kind == "committee":
        # --meeting is the board meeting whose report is bound in; the committee report
        # goes to the committee's next meeting after it (docs/adr/027).
        board = _meeting(council, options)
        report.body = _committee(council, options["committee"])
        report.appendix, report.appendix_meeting = "board_report", board
        day = queries.meeting_day(board)
        report.meeting = queries.next_meeting_of(report.body, day) if report.body else None
        report.as_at = day
        start_committee_report(None, report)
    elif kind == "board_progress":
        report.meeting = _meeting(council, options)
        report.as_at = queries.meeting_day(report.meeting)
    else:
        report.as_at = _date(options["as_at"], "--as-at") or timezone.localdate()
    report.title = default_title(report)
    return report


def _report(council: Any, options: dict[str, Any]) -> Document:
    return build_document(_record(council, options))


def _complaints(council: Any, options: dict[str, Any]) -> Document:
    if options["year"] is None:
        raise CommandError("--kind complaints_annual needs --year, 2022 for 2022-23")
    return annual_document(council, options["year"])


def _forward_plan(council: Any, options: dict[str, Any]) -> Document:
    edition = edition_on(council, _date(options["edition"], "--edition"))
    if edition is None:
        raise CommandError("No such edition of the forward plan")
    return edition_document(edition)


BUILDERS: dict[str, Callable[[Any, dict[str, Any]], Document]] = {
    **dict.fromkeys(REPORT_KINDS, _report),
    "complaints_annual": _complaints,
    "forward_plan": _forward_plan,
}


class Command(CouncilCommand):
    help = (
        "Write any document as PDF (tagged), Word or HTML: a board meeting's progress report "
        "(--meeting), a committee report (--meeting, --committee), the DfE self-assessment or "
        "the adviser's report (--as-at, default today), the annual complaints report (--year) "
        "or an edition of the forward plan (--edition, default the current one)."
    )
    example = (
        "manage.py report --kind board --council peterborough --meeting 12 --format pdf "
        "-o board.pdf"
    )
    writes_output = True

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--kind", choices=KINDS, required=True)
        parser.add_argument("--meeting", type=int, help="a board meeting's id")
        parser.add_argument("--committee", help="the committee's slug, for a committee report")
        parser.add_argument("--as-at", dest="as_at", help="YYYY-MM-DD")
        parser.add_argument("--year", type=int, help="2022 for the financial year 2022-23")
        parser.add_argument("--edition", help="the edition's date of publication, YYYY-MM-DD")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("--every-action", action="store_true", help=EVERY_ACTION)

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        if options["kind"] == "committee" and options["format"] == "pdf":
            # A committee report's PDF binds in its appendix, as the service's does.
            report = _record(council, options)
            self.write(options, bind(report), report.title)
            return
        document = BUILDERS[options["kind"]](council, options)
        self.write(options, render(document, options["format"]), document.title)

"""board_report: the progress report for one improvement board meeting."""

from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.core.commands import CouncilCommand
from improvement.documents.render import FORMATS, render
from improvement.reports.board import EVERY_ACTION, board_progress
from improvement.reports.queries import board_meeting_of


class Command(CouncilCommand):
    help = (
        "Write the progress report for one board meeting, as at the meeting's date (or "
        "today, for a meeting still to come), with changes since the meeting before it."
    )
    example = (
        "manage.py board_report --council peterborough --meeting 12 --format pdf -o report.pdf"
    )
    writes_output = True

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--meeting", type=int, required=True, help="the board meeting's id")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("--every-action", action="store_true", help=EVERY_ACTION)

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        meeting = board_meeting_of(council, options["meeting"])
        if meeting is None:
            raise CommandError(
                f"{council.name} has no board meeting with the id {options['meeting']}."
            )
        document = board_progress(meeting, full_table=options["every_action"])
        self.write(options, render(document, options["format"]), "the board report")

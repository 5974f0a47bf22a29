"""complaints_report: the annual complaints report for one financial year."""

from typing import Any

from django.core.management.base import CommandParser

from improvement.complaints.report import FORMATS, render_report
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Write the annual complaints report for the financial year from 1 April YEAR. JSON "
        "keys are those of formats/complaints-register.md; PDF, Word and HTML carry the same "
        "figures as tables and charts, with the previous year beside each."
    )
    example = (
        "manage.py complaints_report --council peterborough --year 2022 --format pdf -o report.pdf"
    )
    writes_output = True

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--year", type=int, required=True, help="2022 for 2022-23")
        parser.add_argument("--format", choices=FORMATS, default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        content = render_report(council, options["year"], options["format"])
        self.write(options, content, "the annual complaints report")

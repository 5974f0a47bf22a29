"""complaints_report: the annual complaints report for one financial year."""

import sys
from typing import Any

from django.core.management.base import CommandParser

from improvement.complaints.management.commands._base import ExampleCommand
from improvement.complaints.report import render_report


class Command(ExampleCommand):
    help = "Write the annual complaints report for the financial year from 1 April YEAR."
    example = """\
examples:
  manage.py complaints_report --council peterborough --year 2022 --format json -o -
  manage.py complaints_report --council peterborough --year 2022 --format pdf -o report.pdf

JSON keys are those of formats/complaints-register.md; PDF and Word carry the same
figures as tables and charts, with the previous year beside each."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument("--year", type=int, required=True, help="2022 for 2022-23")
        parser.add_argument("--format", choices=["json", "pdf", "docx"], default="json")
        parser.add_argument("-o", "--output", required=True, help="a path, or - for stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options["council"])
        content = render_report(council, options["year"], options["format"])
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Wrote {options['output']}")

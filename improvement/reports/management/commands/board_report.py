"""board_report: the progress report for one improvement board meeting."""

import argparse
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.reports.build import board_report
from improvement.reports.render import FORMATS


class Command(BaseCommand):
    help = "Write the progress report for one board meeting, as at the meeting's date."
    example = """\
examples:
  manage.py board_report --meeting 12 --format pdf -o board-report.pdf
  manage.py board_report --meeting 12 --format html -o -

Works for any board meeting, past or future: figures are as at the meeting's date
(or today, for a meeting still to come), with changes since the meeting before it."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = self.example
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--meeting", type=int, required=True, help="the board meeting's id")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", required=True, help="a path, or - for stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            content = board_report(options["meeting"], options["format"])
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Wrote {options['output']}")

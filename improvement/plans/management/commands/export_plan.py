"""export_plan: write a council's improvement plan as an Excel workbook."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.plans import exporting, importing


class Command(BaseCommand):
    help = (
        "Write a council's plan, with each action's latest update, as .xlsx. "
        "Example: manage.py export_plan --council testshire -o plan.xlsx "
        "(-o - writes to standard output)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument(
            "-o", "--output", required=True, help="the file to write, or - for standard output"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            council = importing.find_council(options["council"])
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        data = exporting.export_plan(council)
        if options["output"] == "-":
            out = getattr(self.stdout._out, "buffer", None) or sys.stdout.buffer
            out.write(data)
            out.flush()
            return
        Path(options["output"]).write_bytes(data)
        self.stderr.write(f"Wrote the plan of {council.name} to {options['output']}")

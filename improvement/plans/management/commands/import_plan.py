"""import_plan: read a council's improvement plan workbook into the app."""

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.plans import importing

EXAMPLE = """\
example:
  manage.py import_plan plan.xlsx --council testshire --dry-run \\
      --map "Lead officer(s)=owner" --map "Comments=progress"

Fields for --map: ref, objective, finding, action, owner, organisation, start, due,
rating, rating_reason, progress, updated_on, success_measure, evidence, support_needed.
With any error nothing is written and the command exits 1. See formats/plan-workbook.md."""


class Command(BaseCommand):
    help = "Import an improvement plan workbook (.xlsx, .xlsm or .csv) into a council's plan."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = EXAMPLE
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the workbook: .xlsx, .xlsm or .csv")
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument(
            "--dry-run", action="store_true", help="read and report, but write nothing"
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=field",
            help='map a header by hand, for example "Lead officer(s)=owner" (repeatable)',
        )
        parser.add_argument("--user", help="the username to record as the importer")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            council = importing.find_council(options["council"])
            actor = importing.find_user(options["user"]) if options["user"] else None
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        plan = importing.import_file(
            options["path"], council, actor, dry_run=options["dry_run"], mappings=options["map"]
        )
        self.stdout.write(plan.report())
        if plan.errors:
            raise CommandError(f"{len(plan.errors)} errors: nothing was imported", returncode=1)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")

"""import_plan: read a council's improvement plan workbook into the app."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.core.commands import CouncilCommand
from improvement.plans import importing


class Command(CouncilCommand):
    help = (
        "Import an improvement plan workbook (.xlsx, .xlsm or .csv) into a council's plan. "
        "Fields for --map: ref, objective, finding, action, owner, organisation, start, due, "
        "rating, rating_reason, progress, updated_on, success_measure, evidence, "
        "support_needed. With any error nothing is written and the command exits 1. "
        "See formats/plan-workbook.md."
    )
    example = (
        "manage.py import_plan plan.xlsx --council testshire --dry-run \\\n"
        '      --map "Lead officer(s)=owner" --map "Comments=progress"'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("path", type=Path, help="the workbook: .xlsx, .xlsm or .csv")
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
        parser.add_argument(
            "--user", help="the username to record as the importer (default: the system)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        try:
            actor = importing.find_user(options["user"]) if options["user"] else self.actor
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        path = options["path"]
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        plan = importing.import_file(
            path,
            council,
            actor,
            filename=path.name,
            dry_run=options["dry_run"],
            mappings=options["map"],
        )
        self.stdout.write(plan.report())
        if plan.errors:
            raise CommandError(f"{len(plan.errors)} errors: nothing was imported", returncode=1)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")

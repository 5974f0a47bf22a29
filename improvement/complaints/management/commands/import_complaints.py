"""import_complaints: read a complaints register (CSV or XLSX) into a council's records."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.complaints.register import RegisterError, import_complaints
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Import a complaints register (formats/complaints-register.md): all rows or none. "
        "Every problem is listed with its row and column; with any problem nothing is "
        "written and the command exits 1."
    )
    example = "manage.py import_complaints register-2023.xlsx --council peterborough"

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("path", type=Path, help="the register: .csv or .xlsx")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        path = options["path"]
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        try:
            count = import_complaints(self.actor, council, path, path.name)
        except RegisterError as exc:
            self.stderr.write(str(exc))
            raise CommandError(
                f"{len(exc.problems)} problems: nothing was imported", returncode=1
            ) from exc
        self.stdout.write(f"Imported {count} records for {council.name}.")

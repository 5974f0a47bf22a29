"""import_complaints: read a complaints register (CSV or XLSX) into a council's records."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.complaints.management.commands._base import ExampleCommand
from improvement.complaints.register import RegisterError, import_complaints


class Command(ExampleCommand):
    help = "Import a complaints register (formats/complaints-register.md): all rows or none."
    example = """\
example:
  manage.py import_complaints register-2023.xlsx --council peterborough

Every problem is listed with its row and column; with any problem nothing is written
and the command exits 1."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the register: .csv or .xlsx")
        parser.add_argument("--council", required=True, help="the council's slug")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options["council"])
        if not options["path"].exists():
            raise CommandError(f"No file at {options['path']}")
        try:
            count = import_complaints("import_complaints", council, options["path"])
        except RegisterError as exc:
            self.stderr.write(str(exc))
            raise CommandError(
                f"{len(exc.problems)} problems: nothing was imported", returncode=1
            ) from exc
        self.stdout.write(f"Imported {count} records for {council.name}.")

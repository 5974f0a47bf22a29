"""forward_plan: one edition of the forward plan as JSON, PDF or Word."""

import datetime
import sys
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.forward_plan import queries
from improvement.forward_plan.management.commands._base import ExampleCommand
from improvement.forward_plan.outputs import render_edition


class Command(ExampleCommand):
    help = "Write an edition of the forward plan of executive decisions."
    example = """\
examples:
  manage.py forward_plan --council peterborough --format json -o -
  manage.py forward_plan --council peterborough --edition 2023-10-20 --format pdf -o plan.pdf

Without --edition, the current (latest published) edition. The parts and columns are
those of the published plan; private decisions show nothing exempt."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument("--edition", help="the edition's date of publication, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "pdf", "docx"], default="json")
        parser.add_argument("-o", "--output", required=True, help="a path, or - for stdout")

    def _edition(self, council: Any, day: str | None) -> Any:
        if day is None:
            edition = queries.current_edition(council)
        else:
            try:
                on = datetime.date.fromisoformat(day)
            except ValueError as exc:
                raise CommandError("--edition must be a date, YYYY-MM-DD") from exc
            edition = queries.editions(council).filter(published_on=on).first()
        if edition is None:
            raise CommandError("No such edition of the forward plan")
        return edition

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options["council"])
        content = render_edition(self._edition(council, options["edition"]), options["format"])
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Wrote {options['output']}")

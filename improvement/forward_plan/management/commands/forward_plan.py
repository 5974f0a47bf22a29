"""forward_plan: one edition of the forward plan as JSON, PDF, Word or HTML."""

import datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.core.commands import CouncilCommand
from improvement.forward_plan.outputs import FORMATS, edition_on, render_edition


def edition_of(council: Any, day: str | None) -> Any:
    """The edition published on `day` (YYYY-MM-DD), or without one the current edition."""
    try:
        on = datetime.date.fromisoformat(day) if day else None
    except ValueError as exc:
        raise CommandError("--edition must be a date, YYYY-MM-DD") from exc
    edition = edition_on(council, on)
    if edition is None:
        raise CommandError("No such edition of the forward plan")
    return edition


class Command(CouncilCommand):
    help = (
        "Write an edition of the forward plan of executive decisions: without --edition, the "
        "current (latest published) edition. The parts and columns are those of the published "
        "plan; private decisions show nothing exempt."
    )
    example = (
        "manage.py forward_plan --council peterborough --edition 2023-10-20 --format pdf "
        "-o plan.pdf"
    )
    writes_output = True

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--edition", help="the edition's date of publication, YYYY-MM-DD")
        parser.add_argument("--format", choices=FORMATS, default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = edition_of(self.council(options), options["edition"])
        self.write(options, render_edition(edition, options["format"]), "the forward plan")

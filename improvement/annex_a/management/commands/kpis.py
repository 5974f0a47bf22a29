"""kpis --council SLUG --format json"""

import json
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.annex_a.output import kpi_document
from improvement.annex_a.queries import latest_import
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = "Print the KPIs of formats/kpis.md from the council's latest Annex A import."
    example = "manage.py kpis --council peterborough --format json"

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        record = latest_import(council)
        if record is None:
            raise CommandError(f"{council.slug} has no Annex A import yet: run import_annex_a")
        self.stdout.write(json.dumps(kpi_document(record), indent=2))

"""kpis --council SLUG --format json"""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.annex_a.output import kpi_document
from improvement.annex_a.queries import latest_import
from improvement.core.models import Council


class Command(BaseCommand):
    help = (
        "Print the KPIs of formats/kpis.md from the council's latest Annex A import. "
        "Example: manage.py kpis --council peterborough --format json"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="The council's slug")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, **options) -> None:
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug {options['council']!r}")
        record = latest_import(council)
        if record is None:
            raise CommandError(f"{council.slug} has no Annex A import yet: run import_annex_a")
        self.stdout.write(json.dumps(kpi_document(record), indent=2))

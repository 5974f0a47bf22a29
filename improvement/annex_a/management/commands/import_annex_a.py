"""import_annex_a PATH --council SLUG --reference-date YYYY-MM-DD"""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.annex_a.services import AnnexAError, import_annex_a
from improvement.core.models import Council


class Command(BaseCommand):
    help = (
        "Import an Ofsted Annex A workbook (.xlsx, or a .csv or folder of CSVs, one per list) "
        "and compute its KPIs. Example: manage.py import_annex_a annex-a.xlsx "
        "--council peterborough --reference-date 2024-03-31"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--council", required=True, help="The council's slug")
        parser.add_argument(
            "--reference-date",
            required=True,
            type=datetime.date.fromisoformat,
            help="The date the extract was taken (YYYY-MM-DD)",
        )

    def handle(self, *args, **options) -> None:
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug {options['council']!r}")
        try:
            record = import_annex_a(None, council, options["path"], options["reference_date"])
        except AnnexAError as error:
            raise CommandError(str(error)) from error
        self._print_report(record)

    def _print_report(self, record) -> None:
        quality = record.report["data_quality"]
        self.stdout.write(f"Imported Annex A as import {record.pk} for {record.council.slug}")
        for key, entry in quality.items():
            if not isinstance(entry, dict) or entry["sheet"] is None:
                continue
            rejected = ", ".join(f"{k} {n}" for k, n in entry["rejected"].items() if n) or "none"
            self.stdout.write(
                f"  {key} ({entry['sheet']}): {entry['rows']} rows read, {entry['used']} used, "
                f"rejected: {rejected}; unreadable optional dates: "
                f"{entry['unreadable_optional_dates']}"
            )
            for found, heading in entry["headers_mapped"].items():
                if found != heading:
                    self.stdout.write(f"      {found!r} read as {heading!r}")
        for warning in record.report.get("warnings", []):
            self.stderr.write(f"Warning: {warning}")

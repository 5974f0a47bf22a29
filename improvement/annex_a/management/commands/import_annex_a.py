"""import_annex_a PATH --council SLUG --reference-date YYYY-MM-DD"""

import datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser

from improvement.annex_a.parse import rejected_words
from improvement.annex_a.services import AnnexAError, import_annex_a
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Import an Ofsted Annex A workbook (.xlsx, or a .csv or folder of CSVs, one per list) "
        "and compute its KPIs."
    )
    example = (
        "manage.py import_annex_a annex-a.xlsx --council peterborough --reference-date 2024-03-31"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("path")
        parser.add_argument(
            "--reference-date",
            required=True,
            type=datetime.date.fromisoformat,
            help="The date the extract was taken (YYYY-MM-DD)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        try:
            record = import_annex_a(self.actor, council, options["path"], options["reference_date"])
        except AnnexAError as error:
            raise CommandError(str(error)) from error
        self._print_report(record)

    def _print_report(self, record: Any) -> None:
        quality = record.report["data_quality"]
        self.stdout.write(f"Imported Annex A as import {record.pk} for {record.council.slug}")
        for key, entry in quality.items():
            if not isinstance(entry, dict) or entry["sheet"] is None:
                continue
            rejected = ", ".join(rejected_words(entry["rejected"])) or "none"
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

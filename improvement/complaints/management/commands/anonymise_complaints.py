"""anonymise_complaints: blank personal data in closed cases past the retention period."""

from typing import Any

from django.core.management.base import CommandParser
from django.db import transaction
from django.utils import timezone

from improvement.complaints.services import anonymise_closed_cases, due_for_anonymising
from improvement.core.commands import CouncilCommand
from improvement.core.retention import retention_for


class Command(CouncilCommand):
    help = (
        "Anonymise closed complaints older than the council's retention setting (set by "
        "the council administrator). `run_daily_jobs` does this daily for every council."
    )
    example = """manage.py anonymise_complaints --council peterborough --dry-run

Names and summaries are blanked; the figures stay. Run it monthly, for example from cron."""

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="list, but change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        years = retention_for(council).complaint_years
        if options["dry_run"]:
            due = due_for_anonymising(council, timezone.localdate())
            self.stdout.write(
                f"{len(due)} closed cases older than {years} years would be anonymised."
            )
            return
        with transaction.atomic():
            done = anonymise_closed_cases(self.actor, council)
        self.stdout.write(f"Anonymised {len(done)} closed cases older than {years} years.")

"""run_daily_jobs: enqueue the day's jobs for every council, for the worker to run."""

import datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from improvement.core import daily
from improvement.core.commands import CouncilCommand
from improvement.core.models import Council


class Command(CouncilCommand):
    help = (
        "Enqueue the daily jobs for every council: reminders, the Annex A and plan upload "
        "purges, anonymising closed complaints, and (once a month) the overdue complaints "
        "email. The worker runs them. Each job runs once per council per day (the overdue "
        "email once per month): running this twice in a day sends nothing twice."
    )
    example = """manage.py run_daily_jobs  (or --council peterborough, --date 2024-03-01)

From cron, every morning:  15 6 * * *  /srv/improvement/manage.py run_daily_jobs"""
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--council", help="only this council (its slug)")
        parser.add_argument("--date", help="act as if today were this date, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = (
                datetime.date.fromisoformat(options["date"])
                if options["date"]
                else timezone.localdate()
            )
        except ValueError as exc:
            raise CommandError("--date must be a date such as 2024-03-01") from exc
        councils = Council.objects.all()
        if options["council"]:
            councils = [self.council(options)]
        enqueued = daily.enqueue_all(day, councils)
        for name, council in enqueued:
            self.stdout.write(f"Enqueued {name} for {council.slug}")
        self.stdout.write(f"{len(enqueued)} job(s) enqueued for {day:%-d %B %Y}")

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from improvement.evidence import request_services


class Command(BaseCommand):
    help = (
        "Email today's reminders to owners who have not answered an update request: "
        "before the due date and, until they reply, after it. Run daily by a scheduler. "
        "Example: python manage.py send_reminders (or --date 2024-03-01 to act as at a date)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="act as if today were this date, YYYY-MM-DD")

    def handle(self, *args, **options) -> None:
        try:
            today = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError("--date must be a date such as 2024-03-01") from exc
        with transaction.atomic():
            sent = request_services.send_reminders(today)
        self.stdout.write(f"{sent} reminder(s) sent")

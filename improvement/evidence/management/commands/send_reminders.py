"""send_reminders: today's reminders to owners who have not answered an update request."""

import datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import transaction

from improvement.core.commands import CouncilCommand
from improvement.evidence import request_services


class Command(CouncilCommand):
    help = (
        "Email today's reminders to owners who have not answered an update request: "
        "before the due date and, until they reply, after it. Run daily by a scheduler."
    )
    example = "manage.py send_reminders  (or --date 2024-03-01 to act as at a date)"
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--date", help="act as if today were this date, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError("--date must be a date such as 2024-03-01") from exc
        with transaction.atomic():
            sent = request_services.send_reminders(self.actor, today)
        self.stdout.write(f"{sent} reminder(s) sent")

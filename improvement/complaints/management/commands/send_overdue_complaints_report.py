"""send_overdue_complaints_report: email the overdue complaints to the complaints managers."""

from typing import Any

from django.core.management.base import CommandParser
from django.db import transaction

from improvement.complaints.management.commands._base import ExampleCommand
from improvement.complaints.notify import send_overdue_report


class Command(ExampleCommand):
    help = "Email this month's overdue complaints to the council's complaints managers."
    example = """\
example:
  manage.py send_overdue_complaints_report --council peterborough

Run monthly, for example from cron: 0 7 1 * *. Recipients are the council's complaints
managers and the extra addresses in its complaints settings."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="the council's slug")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options["council"])
        with transaction.atomic():
            sent = send_overdue_report(council)
        self.stdout.write(f"Sent the overdue report ({sent.count} overdue) to {sent.recipients}.")

"""send_overdue_complaints_report: email the overdue complaints to the complaints managers."""

from typing import Any

from django.db import transaction

from improvement.complaints.notify import send_overdue_report
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = "Email this month's overdue complaints to the council's complaints managers."
    example = """manage.py send_overdue_complaints_report --council peterborough

Run monthly, for example from cron: 0 7 1 * *. Recipients are the council's complaints
managers and the extra addresses in its complaints settings."""

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        with transaction.atomic():
            sent = send_overdue_report(self.actor, council)
        self.stdout.write(f"Sent the overdue report ({sent.count} overdue) to {sent.recipients}.")

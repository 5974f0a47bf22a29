"""The complaints jobs (`manage.py run_daily_jobs`): anonymise closed cases past the
council's retention setting (daily), and email the overdue complaints report (once a
month, on the month's first run)."""

from django_tasks import task

from improvement.complaints.notify import send_overdue_report
from improvement.complaints.services import anonymise_closed_cases
from improvement.core import daily
from improvement.core.actors import SystemActor

ANONYMISE = "anonymise_complaints"
OVERDUE = "send_overdue_complaints_report"


@task()
def anonymise_complaints(council_pk: int, day: str) -> str | None:
    """One council's anonymisation for one day; does nothing if it has already run."""
    outcome = daily.run_once(
        ANONYMISE,
        council_pk,
        day,
        lambda council, today: anonymise_closed_cases(SystemActor(ANONYMISE), council, today),
    )
    return None if outcome is None else f"anonymised {len(outcome)} closed case(s)"


@task()
def send_overdue_complaints_report(council_pk: int, day: str) -> str | None:
    """One council's overdue report, once a month: nothing if it has gone this month."""
    outcome = daily.run_once(
        OVERDUE,
        council_pk,
        day,
        lambda council, today: send_overdue_report(SystemActor(OVERDUE), council),
    )
    return None if outcome is None else f"{outcome.count} overdue, sent to {outcome.recipients}"


daily.register(ANONYMISE, anonymise_complaints)
daily.register(OVERDUE, send_overdue_complaints_report, every=daily.MONTHLY)

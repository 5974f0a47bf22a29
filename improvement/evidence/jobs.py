"""The daily evidence job (`manage.py run_daily_jobs`): today's reminders to owners
who have not answered an update request."""

from django_tasks import task

from improvement.core import daily
from improvement.core.actors import SystemActor
from improvement.evidence.request_services import send_reminders

REMIND = "send_reminders"


@task()
def send_council_reminders(council_pk: int, day: str) -> str | None:
    """One council's reminders for one day; does nothing if they have already gone."""
    outcome = daily.run_once(
        REMIND,
        council_pk,
        day,
        lambda council, today: send_reminders(SystemActor(REMIND), today, council=council),
    )
    return None if outcome is None else f"sent {outcome} reminder(s)"


daily.register(REMIND, send_council_reminders)

"""The daily Annex A job (`manage.py run_daily_jobs`): purge the child-level rows kept
longer than the council's retention setting allows."""

from django_tasks import task

from improvement.annex_a.services import purge_expired
from improvement.core import daily
from improvement.core.actors import SystemActor

PURGE = "purge_annex_a"


@task()
def purge_annex_a(council_pk: int, day: str) -> str | None:
    """One council's purge for one day; does nothing if it has already run that day."""
    outcome = daily.run_once(
        PURGE,
        council_pk,
        day,
        lambda council, today: purge_expired(SystemActor(PURGE), today, council),
    )
    return None if outcome is None else f"purged the rows of {outcome} import(s)"


daily.register(PURGE, purge_annex_a)

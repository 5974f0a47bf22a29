"""The Annex A worker's hooks: the daily purge (`manage.py run_daily_jobs`) of the
child-level rows kept longer than the council's retention setting allows, and, as
the worker starts, failing the imports a dead worker left running.

Loaded by every process as the app starts, so the services (and with them numpy)
are imported only when a job runs: `manage.py kpis` never needs them.
"""

from typing import Any

from django.dispatch import receiver
from django_tasks import task

from improvement.core import daily
from improvement.core.actors import SystemActor
from improvement.core.tasks import worker_starting

PURGE = "purge_annex_a"


@task()
def purge_annex_a(council_pk: int, day: str) -> str | None:
    """One council's purge for one day; does nothing if it has already run that day."""
    from improvement.annex_a.services import purge_expired

    outcome = daily.run_once(
        PURGE,
        council_pk,
        day,
        lambda council, today: purge_expired(SystemActor(PURGE), today, council),
    )
    return None if outcome is None else f"purged the rows of {outcome} import(s)"


@receiver(worker_starting, dispatch_uid="annex_a.fail_abandoned")
def _on_worker_start(sender: Any, actor: Any, **kwargs: Any) -> None:
    from improvement.annex_a.services import fail_abandoned

    fail_abandoned(actor)


daily.register(PURGE, purge_annex_a)

"""The daily plans job (`manage.py run_daily_jobs`): delete the plan workbooks
uploaded for a preview and never imported."""

from django_tasks import task

from improvement.core import daily
from improvement.plans.import_uploads import purge_abandoned

PURGE = "purge_plan_uploads"


@task()
def purge_plan_uploads(council_pk: int, day: str) -> str | None:
    """One council's abandoned uploads; does nothing if it has already run that day."""
    outcome = daily.run_once(
        PURGE, council_pk, day, lambda council, today: purge_abandoned(council_slug=council.slug)
    )
    return None if outcome is None else f"deleted {outcome} upload(s)"


daily.register(PURGE, purge_plan_uploads)

"""The daily jobs: each app registers its job here (a django-tasks task taking the
council's pk and the day, as an ISO date), and `manage.py run_daily_jobs` enqueues
every job for every council.

A job runs at most once per council per period (a day, or a month for a monthly job):
the task claims its period with a `DailyJobRun` row in the transaction that does the
work, so running the daily jobs twice in a day, or a task enqueued twice, does the
work once, and a job that fails leaves no claim, so the next run tries it again.
Emails a job sends are enqueued after that transaction commits (core.tasks).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from improvement.core.models import Council, DailyJobRun

DAILY, MONTHLY = "daily", "monthly"


@dataclass(frozen=True)
class DailyJob:
    name: str
    task: Any  # a django-tasks Task taking (council_pk: int, day: str)
    every: str = DAILY

    def period(self, day: datetime.date) -> datetime.date:
        return day.replace(day=1) if self.every == MONTHLY else day


JOBS: dict[str, DailyJob] = {}


def register(name: str, task: Any, every: str = DAILY) -> Any:
    """Register a task as a daily (or monthly) job; returns the task."""
    JOBS[name] = DailyJob(name, task, every)
    return task


def due(job: DailyJob, council: Council, day: datetime.date) -> bool:
    """Whether the job has still to run for the council in the day's period."""
    return not DailyJobRun.objects.filter(
        job=job.name, council=council, period=job.period(day)
    ).exists()


def enqueue_all(day: datetime.date, councils: Any = None) -> list[tuple[str, Council]]:
    """Enqueue every job not yet run in its period for every council; what was enqueued."""
    enqueued = []
    for council in councils if councils is not None else Council.objects.all():
        for job in JOBS.values():
            if due(job, council, day):
                job.task.enqueue(council.pk, day.isoformat())
                enqueued.append((job.name, council))
    return enqueued


def run_once(name: str, council_pk: int, day: str, work: Callable[[Council, datetime.date], Any]):
    """Run `work(council, day)` unless the job has already run in this period, and
    record its outcome. The claim and the work are one transaction: a job that fails,
    or whose worker dies, leaves no claim and runs again next time; a second copy
    running at the same moment waits for the first and then does nothing. Returns the
    outcome, or None when there was nothing to do."""
    job = JOBS[name]
    council = Council.objects.get(pk=council_pk)
    today = datetime.date.fromisoformat(day)
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = DailyJobRun.objects.create(
                    job=name, council=council, period=job.period(today)
                )
        except IntegrityError:
            return None
        outcome = work(council, today)
        run.finished_at = timezone.now()
        run.outcome = str(outcome)[:300]
        run.save(update_fields=["finished_at", "outcome"])
    return outcome

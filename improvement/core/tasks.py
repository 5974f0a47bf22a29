"""Work that runs in the worker (`manage.py run_worker`), never in the web process.

A task is enqueued only once the transaction that asked for it has committed, so the
worker never reads a record that was rolled back, and a failing task never rolls
back the request that asked for it. django-tasks has no retries of its own: a task
that may be retried (an email) enqueues itself again, later where the backend can
defer, until it has had EMAIL_ATTEMPTS tries (docs/adr/012).
"""

import datetime
import resource
import smtplib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

# Sent by the worker before it runs any task, with `actor` (the worker's SystemActor):
# each app marks the jobs that a worker which died left "running" as failed.
worker_starting = Signal()

# What a refusing or unreachable mail server raises: worth another try.
MAIL_ERRORS = (smtplib.SMTPException, OSError)

# Seconds before the second and each later try: a server that refused may recover.
RETRY_DELAY_SECONDS = 60


def enqueue_after_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue the task once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def retry(task: Any, *args: Any, attempt: int, **kwargs: Any) -> bool:
    """Enqueue the task again as its next attempt, unless it has had its tries.

    Returns whether it will be tried again."""
    if attempt >= settings.EMAIL_ATTEMPTS:
        return False
    if task.get_backend().supports_defer:
        delay = datetime.timedelta(seconds=RETRY_DELAY_SECONDS * attempt)
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so a job that would use more fails with a
    MemoryError (recorded on its own record) instead of taking the machine down."""
    if megabytes <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def stale_before() -> datetime.datetime:
    """A job whose last heartbeat is older than this was left by a worker that died."""
    return timezone.now() - datetime.timedelta(seconds=settings.WORKER_STALE_SECONDS)

"""The task helpers: enqueued after commit, retried a bounded number of times, and the
TASKS_IMMEDIATE switch for a process that should run its tasks itself."""

import os
import subprocess
import sys

from django.test import TestCase
from django_tasks import task

from improvement.core.tasks import enqueue_after_commit, retry

RAN: list[int] = []


@task()
def note(n: int, attempt: int = 1) -> None:
    RAN.append(attempt)


def test_a_task_waits_for_the_commit(db):
    RAN.clear()
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        enqueue_after_commit(note, 1)
    assert RAN == [] and len(callbacks) == 1
    callbacks[0]()
    assert RAN == [1]


def test_retry_enqueues_the_next_attempt_until_the_last(settings):
    settings.EMAIL_ATTEMPTS = 3
    RAN.clear()
    assert retry(note, 1, attempt=1) and retry(note, 1, attempt=2)
    assert not retry(note, 1, attempt=3)
    assert RAN == [2, 3]


def test_tasks_immediate_runs_tasks_in_the_process_and_the_default_is_the_database():
    script = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    env = {k: v for k, v in os.environ.items() if k != "TASKS_IMMEDIATE"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    command = [sys.executable, "-c", f"import django; django.setup(); {script}"]
    default = subprocess.run(command, capture_output=True, text=True, env=env)  # noqa: S603
    env["TASKS_IMMEDIATE"] = "true"
    immediate = subprocess.run(command, capture_output=True, text=True, env=env)  # noqa: S603
    assert default.stdout.strip() == "django_tasks_db.DatabaseBackend"
    assert immediate.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"

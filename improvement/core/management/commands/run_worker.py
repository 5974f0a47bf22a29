"""run_worker: run the queued tasks (Annex A imports, emails) outside the web process."""

from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser
from django.utils.crypto import get_random_string
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from improvement.core import health
from improvement.core.commands import CouncilCommand
from improvement.core.tasks import limit_memory, worker_starting


class HeartbeatWorker(Worker):
    """django-tasks-db's worker, recording a heartbeat for /healthz each time its loop
    turns: at start, after each task, and on each look at an empty queue. Its loop
    reads `running` once a turn, so that is where the beat goes. A task running longer
    than HEALTH_WORKER_STALE_SECONDS shows as stale until it ends."""

    @property
    def running(self) -> bool:
        if not getattr(self, "_stopping", False):
            health.beat()
        return self._running

    def shutdown(self, signum: int, frame: Any) -> None:
        # No beat (a cache write) from inside a signal handler.
        self._stopping = True
        super().shutdown(signum, frame)

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value


class Command(CouncilCommand):
    help = (
        "Run the queued tasks: Annex A imports and every email. The worker caps its own "
        "memory at WORKER_MEMORY_LIMIT_MB (default 2048), so one hostile file fails its "
        "own job, and first marks as failed any import a worker that died left running."
    )
    example = "manage.py run_worker  (or --batch to run what is queued, then stop)"
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--batch", action="store_true", help="run every queued task, then stop")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at the queue"
        )
        parser.add_argument(
            "--memory-limit-mb",
            type=int,
            default=None,
            help="the address-space limit (default WORKER_MEMORY_LIMIT_MB; 0 for none)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        limit = options["memory_limit_mb"]
        limit_memory(settings.WORKER_MEMORY_LIMIT_MB if limit is None else limit)
        health.beat(force=True)
        worker_starting.send(sender=type(self), actor=self.actor)
        # What `manage.py db_worker --no-reload --no-startup-delay` does, with the beat.
        DbWorkerCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(
            options["verbosity"]
        )
        worker = HeartbeatWorker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()

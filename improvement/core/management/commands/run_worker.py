"""run_worker: run the queued tasks (Annex A imports, emails) outside the web process."""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser

from improvement.core.commands import CouncilCommand
from improvement.core.tasks import limit_memory, worker_starting


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
        worker_starting.send(sender=type(self), actor=self.actor)
        call_command(
            "db_worker",
            batch=options["batch"],
            interval=options["interval"],
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
            stdout=self.stdout,
            stderr=self.stderr,
        )

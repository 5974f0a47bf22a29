import gc
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """The database cache (rate limits, the worker's heartbeat) needs its table: made
    with the others by `migrate`, so a fresh clone or a new installation has it."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "improvement.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from improvement.core import logs

        # manage.py pauses the cyclic collector while Django sets up: every model is
        # loaded now, so it starts again, told to leave what set-up made alone.
        if not gc.isenabled():
            gc.enable()
            gc.freeze()

        logs.connect_task_signals()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="core.cache_table")

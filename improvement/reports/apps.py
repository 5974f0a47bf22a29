from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "improvement.reports"
    label = "reports"

    def ready(self) -> None:
        # Declares who may read and write reports, and registers the report's PDF and
        # Word files, and the agenda pack, with the worker's document builds.
        from improvement.reports import files, pack, permissions  # noqa: F401

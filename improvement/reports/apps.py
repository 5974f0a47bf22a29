from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "improvement.reports"
    label = "reports"

    def ready(self) -> None:
        # Declares who may read and write reports.
        from improvement.reports import permissions  # noqa: F401

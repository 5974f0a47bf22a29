from django.apps import AppConfig


class AnnexAConfig(AppConfig):
    name = "improvement.annex_a"
    label = "annex_a"
    verbose_name = "Annex A imports and KPIs"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the app's permissions with core.access, and connects the worker's
        # start-up check for imports a dead worker left running.
        from improvement.annex_a import jobs, permissions, services  # noqa: F401

from django.apps import AppConfig


class AnnexAConfig(AppConfig):
    name = "improvement.annex_a"
    label = "annex_a"
    verbose_name = "Annex A imports and KPIs"

    def ready(self) -> None:
        # Declares the app's permissions with core.access, and connects the worker's
        # start-up check for imports a dead worker left running.
        from improvement.annex_a import permissions, services  # noqa: F401

from django.apps import AppConfig


class AnnexAConfig(AppConfig):
    name = "improvement.annex_a"
    label = "annex_a"
    verbose_name = "Annex A imports and KPIs"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily and connects the worker's
        # start-up check for imports a dead worker left running; declares the app's
        # permissions with core.access. Not the services: they bring numpy.
        from improvement.annex_a import jobs, permissions  # noqa: F401

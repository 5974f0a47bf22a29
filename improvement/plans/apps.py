from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "improvement.plans"
    label = "plans"
    verbose_name = "Improvement plan"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the plan's permissions with the sentences a refused person reads.
        from improvement.plans import jobs, permissions  # noqa: F401

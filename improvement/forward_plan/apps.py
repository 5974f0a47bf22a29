from django.apps import AppConfig


class ForwardPlanConfig(AppConfig):
    name = "improvement.forward_plan"
    label = "forward_plan"

    def ready(self) -> None:
        # Declares the forward plan's permissions, and registers an edition's PDF and
        # Word files with the worker's document builds.
        from improvement.forward_plan import outputs, permissions  # noqa: F401

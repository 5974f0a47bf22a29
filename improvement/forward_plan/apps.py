from django.apps import AppConfig


class ForwardPlanConfig(AppConfig):
    name = "improvement.forward_plan"
    label = "forward_plan"

    def ready(self) -> None:
        # Declares the forward plan's permissions.
        from improvement.forward_plan import permissions  # noqa: F401

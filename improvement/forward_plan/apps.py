from django.apps import AppConfig


class ForwardPlanConfig(AppConfig):
    name = "improvement.forward_plan"
    label = "forward_plan"

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "improvement.plans"
    label = "plans"
    verbose_name = "Improvement plan"

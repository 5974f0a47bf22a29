from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "improvement.core"
    label = "core"
    verbose_name = "Core"

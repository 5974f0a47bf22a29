from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "improvement.decisions"
    label = "decisions"

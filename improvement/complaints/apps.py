from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "improvement.complaints"
    label = "complaints"

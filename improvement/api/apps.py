from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "improvement.api"
    label = "api"
    verbose_name = "JSON API"

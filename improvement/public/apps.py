from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "improvement.public"
    label = "public"

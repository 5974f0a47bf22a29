from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "improvement.meetings"
    label = "meetings"

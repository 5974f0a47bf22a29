from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "improvement.meetings"
    label = "meetings"

    def ready(self) -> None:
        # Declares the meetings permissions.
        from improvement.meetings import permissions  # noqa: F401

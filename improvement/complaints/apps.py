from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "improvement.complaints"
    label = "complaints"

    def ready(self) -> None:
        # Declares the app's permissions with the sentence a refused person reads.
        from improvement.complaints import permissions  # noqa: F401

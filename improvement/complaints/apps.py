from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "improvement.complaints"
    label = "complaints"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the app's permissions with the sentence a refused person reads.
        # Registers the annual report's PDF and Word files with the worker's builds.
        from improvement.complaints import jobs, permissions, report  # noqa: F401

from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "improvement.evidence"
    label = "evidence"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the app's permissions with the sentence a refused person reads.
        from improvement.evidence import jobs, permissions  # noqa: F401

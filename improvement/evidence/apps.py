from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "improvement.evidence"
    label = "evidence"

    def ready(self) -> None:
        # Declares the app's permissions with the sentence a refused person reads.
        from improvement.evidence import permissions  # noqa: F401

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "improvement.documents"
    label = "documents"

    def ready(self) -> None:
        # Marks the builds a dead worker left running as failed, as the worker starts.
        from improvement.documents import builds  # noqa: F401

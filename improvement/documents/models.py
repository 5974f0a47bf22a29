"""A PDF or Word file of a report, made by the worker and kept in storage.

Asking for a file makes a build (or finds a finished one showing the same data, by its
fingerprint); the worker renders it and stores the file; the person downloads that
file. Nothing is rendered inside a request (docs/adr/012).
"""

from django.conf import settings
from django.db import models


class DocumentBuild(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word"
        # A page's body, shown by the service's own page (a draft report).
        HTML = "html", "Web page"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being made"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    council = models.ForeignKey("core.Council", on_delete=models.PROTECT, related_name="+")
    # The builder an app registered (improvement.documents.builds.register).
    kind = models.CharField(max_length=40)
    # What the builder needs, for example {"report": 12, "version": 2}.
    parameters = models.JSONField(default=dict)
    fmt = models.CharField(max_length=4, choices=Format.choices)
    # The data the file shows: a finished build with the same fingerprint is reused.
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    # The stored file's name in the default storage, and the name it downloads as.
    file = models.CharField(max_length=200, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["council", "kind", "fmt", "fingerprint"], name="build_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.fmt} ({self.status})"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_waiting(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

"""Annex A imports: the import report and KPIs (kept), and the child-level rows (kept
only as long as the council's retention setting allows, then purged)."""

from django.conf import settings
from django.db import models

from improvement.core.models import Council, Tracked


class AnnexASettings(models.Model):
    """Superseded by core's RetentionSettings (the council administrator sets it); the
    values here were copied there and are no longer read."""

    council = models.OneToOneField(
        Council, on_delete=models.CASCADE, related_name="annex_a_settings"
    )
    retention_days = models.PositiveIntegerField(
        default=90,
        help_text="Days to keep child-level rows after an import; 0 keeps none.",
    )

    def __str__(self) -> str:
        return f"Annex A retention for {self.council}: {self.retention_days} days"


class AnnexAImport(Tracked):
    """One Annex A workbook imported for a reference date: its report and its KPIs."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Reading the workbook"
        # Read and checked; the board's measures are unchanged until an officer confirms.
        READY = "ready", "Read: waiting for you to confirm"
        DONE = "done", "Imported"
        FAILED = "failed", "Could not be imported"
        UNDONE = "undone", "Undone"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="annex_a_imports")
    reference_date = models.DateField()
    file_name = models.CharField(max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_read = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True)
    kpis = models.JSONField(default=dict, blank=True)
    retained_until = models.DateField(null=True, blank=True)
    rows_purged_at = models.DateTimeField(null=True, blank=True)
    # The uploaded file's name in the default storage, kept until the worker has read
    # it (and for a re-run after a worker died), then deleted: it holds child-level data.
    upload = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Touched as the worker reads; a running import whose heartbeat stops was left by
    # a worker that died.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # When its figures went into the board's measures, and when that was undone.
    applied_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Annex A import {self.pk} of {self.file_name} ({self.reference_date:%d/%m/%Y})"

    @property
    def can_run_again(self) -> bool:
        return self.status == self.Status.FAILED and bool(self.upload)

    @property
    def has_child_rows(self) -> bool:
        return hasattr(self, "child_rows")


class AnnexARows(models.Model):
    """The used child-level rows of one import, as compressed NumPy columns.

    Only the columns the KPIs need are kept (no names, teams or workers), and the
    whole blob is deleted once the import's retention period ends.
    """

    annex_import = models.OneToOneField(
        AnnexAImport, on_delete=models.CASCADE, related_name="child_rows"
    )
    data = models.BinaryField()

    council_path = "annex_import__council"

    def __str__(self) -> str:
        return f"Child-level rows of import {self.annex_import_id}"


class MeasureChange(models.Model):
    """One measure value an import wrote, as it stood before and after: what the undo
    puts back. `existed` False means the import added the value (the undo removes it);
    `measure_created` that the import made the measure itself (the undo archives it)."""

    annex_import = models.ForeignKey(
        AnnexAImport, on_delete=models.CASCADE, related_name="measure_changes"
    )
    measure = models.ForeignKey("evidence.Measure", on_delete=models.PROTECT, related_name="+")
    measure_created = models.BooleanField(default=False)
    period = models.DateField()
    existed = models.BooleanField()
    before_numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    before_denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    before_value = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    before_note = models.TextField(blank=True)
    after_numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    after_denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    after_value = models.DecimalField(max_digits=14, decimal_places=2)

    council_path = "annex_import__council"

    class Meta:
        ordering = ["measure__code", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["annex_import", "measure", "period"], name="unique_import_change"
            )
        ]

    def __str__(self) -> str:
        return f"Import {self.annex_import_id}: measure {self.measure_id} {self.period:%B %Y}"

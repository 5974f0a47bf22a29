"""Council tenancy and the base models every council record is built on."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_RATING_SCALE: list[dict[str, str]] = [
    {
        "code": "blue",
        "label": "Blue",
        "colour": "blue",
        "meaning": "Complete, and the board has accepted the evidence of impact",
    },
    {"code": "green", "label": "Green", "colour": "green", "meaning": "On track"},
    {
        "code": "amber",
        "label": "Amber",
        "colour": "orange",
        "meaning": "At risk: some slippage or concern, recoverable",
    },
    {
        "code": "red",
        "label": "Red",
        "colour": "red",
        "meaning": "Off track or overdue; needs the board's help",
    },
    {"code": "grey", "label": "Grey", "colour": "grey", "meaning": "Not started"},
]


def default_rating_scale() -> list[dict[str, str]]:
    return [dict(row) for row in DEFAULT_RATING_SCALE]


class Council(models.Model):
    """A local authority: the tenant every other record belongs to."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    board_cycle_days = models.PositiveIntegerField(
        default=42, help_text="An action with no update for longer than this is flagged."
    )
    due_soon_days = models.PositiveIntegerField(
        default=28,
        help_text="An action due within this many days and not Green or Blue is flagged.",
    )
    agenda_clear_days = models.PositiveIntegerField(default=5)
    call_in_working_days = models.PositiveIntegerField(default=3)
    rating_scale = models.JSONField(default=default_rating_scale)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LiveQuerySet(models.QuerySet):
    def live(self) -> "LiveQuerySet":
        return self.filter(archived_at__isnull=True)

    def archived(self) -> "LiveQuerySet":
        return self.filter(archived_at__isnull=False)


class Tracked(models.Model):
    """Who made and last changed a record, and a version for optimistic locking."""

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    modified_at = models.DateTimeField(default=timezone.now)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Archivable(models.Model):
    """Nothing is deleted: archiving hides a record and keeps why."""

    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    archive_reason = models.TextField(blank=True)

    objects: Any = LiveQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class AuditEntry(models.Model):
    """One change to one record: who, when, what, and the values before and after."""

    # Indexed with the time below (council, at, id), which serves every council lookup.
    council = models.ForeignKey(
        Council,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        db_index=False,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    verb = models.CharField(max_length=60)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            # A council's activity, newest first, a page at a time (core.paging).
            models.Index(fields=["council", "-at", "-id"], name="core_audit_council_at_id"),
        ]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.actor_name} {self.verb} {self.object_repr}"


class RetentionSettings(Tracked):
    """How long a council keeps personal data, set by its council administrator and
    honoured by the daily purges (`manage.py run_daily_jobs`)."""

    ANNEX_A_DAYS = (0, 730)
    COMPLAINT_YEARS = (1, 25)

    council = models.OneToOneField(Council, on_delete=models.PROTECT, related_name="retention")
    annex_a_days = models.PositiveIntegerField(
        default=90, help_text="Days to keep Annex A child-level rows after an import; 0 keeps none."
    )
    complaint_years = models.PositiveIntegerField(
        default=6, help_text="Closed complaints are anonymised this many years after they close."
    )

    class Meta:
        verbose_name_plural = "retention settings"

    def __str__(self) -> str:
        return f"Retention settings, {self.council}"


class Branding(Tracked):
    """How the council's documents look: the name they print, its logo and its colour,
    set by its council administrator and read by the document pipeline
    (`core.branding`, docs/adr/025)."""

    DEFAULT_COLOUR = "#1d70b8"

    council = models.OneToOneField(Council, on_delete=models.PROTECT, related_name="branding")
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The council's name as its documents print it; blank prints its name.",
    )
    colour = models.CharField(
        max_length=7,
        default=DEFAULT_COLOUR,
        help_text="Headings' colour, as #rrggbb, dark enough to read on white (AA).",
    )
    # The stored logo's path, named by the hash of its bytes: a new logo is a new file,
    # so a document frozen with the old one still finds it.
    logo = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "branding"

    def __str__(self) -> str:
        return f"Branding, {self.council}"


class DailyJobRun(models.Model):
    """One daily job done (or being done) for one council for one period, so running
    the daily jobs twice in a period does nothing the second time."""

    job = models.CharField(max_length=60)
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="+")
    period = models.DateField(help_text="The day (or the first day of the month) it ran for.")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "council", "period"], name="one_run_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.job} for {self.council} ({self.period})"

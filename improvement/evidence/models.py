"""Evidence of impact: measures with their values and benchmarks, case file audits,
the voice of staff, children and families, and requests to owners for updates."""

import datetime
import re
import secrets
from typing import Any

from django.db import models

from improvement.accounts.models import Person
from improvement.core.models import Archivable, Council, Tracked
from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.evidence.managers import (
    BenchmarkQuerySet,
    CaseAuditQuerySet,
    MeasureQuerySet,
    MeasureValueQuerySet,
    RecipientQuerySet,
    UpdateRequestQuerySet,
    VoiceEventQuerySet,
    VoiceThemeQuerySet,
)

# The plan's objectives and actions are named, not imported: evidence reads the plan
# only through its ports, and the plan reads evidence only through evidence.ports.
OBJECTIVE, ACTION = "plans.Objective", "plans.Action"


class Measure(Tracked, Archivable):
    """A key performance measure the board agreed would demonstrate impact."""

    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", "Percentage"
        COUNT = "count", "Count"
        DAYS = "days", "Days"
        RATE = "rate", "Rate per 10,000 children"

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

    class Source(models.TextChoices):
        ENTERED = "entered", "Entered by hand"
        IMPORTED = "imported", "Imported from CSV or Excel"
        COMPUTED = "computed", "Computed from Annex A"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="measures")
    code = models.CharField(max_length=60)
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True, max_length=LONG_TEXT)
    numerator_definition = models.CharField(max_length=300, blank=True)
    denominator_definition = models.CharField(max_length=300, blank=True)
    unit = models.CharField(max_length=12, choices=Unit.choices, default=Unit.PERCENTAGE)
    polarity = models.CharField(max_length=8, choices=Polarity.choices, default=Polarity.HIGHER)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tolerance = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="measures"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENTERED)
    objectives = models.ManyToManyField(OBJECTIVE, blank=True, related_name="measures")
    actions = models.ManyToManyField(ACTION, blank=True, related_name="measures")
    # Codes of the plan's `ReviewArea`: the areas of a DfE review the measure evidences.
    review_areas = models.JSONField(default=list, blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["council", "code"], name="unique_measure_code")
        ]

    def __str__(self) -> str:
        # Named as people know it: the code is the import files' key, not a word.
        return self.name


class MeasureValue(Tracked):
    """A measure's value for one period (the period is named by its first day)."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="values")
    period = models.DateField()
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.TextField(blank=True, max_length=LONG_TEXT)

    council_path = "measure__council"

    objects = MeasureValueQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "period"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="unique_measure_period")
        ]

    def __str__(self) -> str:
        return f"{self.measure.name}, {self.period:%B %Y}"

    @property
    def council(self) -> Council:
        return self.measure.council


class Benchmark(Tracked):
    """A comparator for a measure over a period: England, the region or neighbours."""

    class Kind(models.TextChoices):
        ENGLAND = "england", "England"
        REGION = "region", "Region"
        NEIGHBOURS = "neighbours", "Statistical neighbours"

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="benchmarks")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    year = models.CharField(max_length=20, help_text="For example 2023-24")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True, max_length=LONG_TEXT)
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "The date the figure was published. A report as at an earlier date does not use it."
        ),
    )

    council_path = "measure__council"

    objects = BenchmarkQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "kind", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "kind", "year"], name="unique_benchmark_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} for {self.measure.name}"

    @staticmethod
    def assumed_published_on(year: str) -> datetime.date | None:
        """When a benchmark's publication date is not known: the 1 December after its
        period ends ("2022-23" ends in 2023: 1 December 2023). The DfE's annual children's
        social care statistics appear in October or November, so this is never earlier
        than the truth for them; None when the period cannot be read."""
        found = re.match(r"\s*(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?", year or "")
        if not found:
            return None
        end = int(found.group(1)) + (1 if found.group(2) else 0)
        return datetime.date(end, 12, 1)

    @property
    def council(self) -> Council:
        return self.measure.council


class CaseAudit(Tracked, Archivable):
    """A round of case file audits: how many cases, how they were graded, what was learnt."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="case_audits")
    held_on = models.DateField()
    theme = models.CharField(max_length=300)
    service_area = models.CharField(max_length=200)
    cases = models.PositiveIntegerField()
    outstanding = models.PositiveIntegerField(default=0)
    good = models.PositiveIntegerField(default=0)
    requires_improvement = models.PositiveIntegerField(default=0)
    inadequate = models.PositiveIntegerField(default=0)
    learning = models.TextField(blank=True, max_length=NOTES_TEXT)
    objectives = models.ManyToManyField(OBJECTIVE, blank=True, related_name="case_audits")
    # Codes of the plan's `ReviewArea`: the areas of a DfE review the audit evidences.
    review_areas = models.JSONField(default=list, blank=True)

    objects = CaseAuditQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.theme} audit, {self.held_on:%B %Y}"

    @property
    def graded(self) -> int:
        return self.outstanding + self.good + self.requires_improvement + self.inadequate


class VoiceEvent(Tracked, Archivable):
    """A survey, forum or round of feedback: the voice of staff, children or families."""

    class Kind(models.TextChoices):
        STAFF_SURVEY = "staff_survey", "Staff survey"
        YOUNG_PEOPLE_FORUM = "young_people_forum", "Children and young people's forum"
        YOUNG_PEOPLE_SURVEY = "young_people_survey", "Children and young people's survey"
        FAMILY_FEEDBACK = "family_feedback", "Family feedback"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="voice_events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    held_on = models.DateField()
    participants = models.CharField(max_length=300, help_text="Who took part")
    participant_count = models.PositiveIntegerField(null=True, blank=True)
    headlines = models.TextField(help_text="The headline results", max_length=NOTES_TEXT)

    objects = VoiceEventQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title


class VoiceTheme(Tracked):
    """One theme of what people said, linked to the objectives it bears on."""

    event = models.ForeignKey(VoiceEvent, on_delete=models.PROTECT, related_name="themes")
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, max_length=LONG_TEXT)
    objectives = models.ManyToManyField(OBJECTIVE, blank=True, related_name="voice_themes")

    council_path = "event__council"

    objects = VoiceThemeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @property
    def council(self) -> Council:
        return self.event.council


class UpdateRequest(Tracked, Archivable):
    """The board manager asking action owners for updates ahead of a meeting."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="update_requests")
    title = models.CharField(max_length=300, help_text="For example, Board of 8 January 2024")
    message = models.TextField(blank=True, max_length=LONG_TEXT)
    due_on = models.DateField()
    remind_before_days = models.PositiveIntegerField(
        default=2, help_text="Remind owners who have not replied this many days before."
    )
    chase_every_days = models.PositiveIntegerField(
        default=3, help_text="After the due date, remind owners who have not replied this often."
    )

    objects = UpdateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-due_on", "-id"]

    def __str__(self) -> str:
        return self.title


def new_token() -> str:
    return secrets.token_urlsafe(24)


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to send"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class UpdateRequestRecipient(models.Model):
    """One owner asked for updates: when they were asked, reminded and replied."""

    request = models.ForeignKey(UpdateRequest, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="update_requests")
    email = models.EmailField(blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_before_on = models.DateField(null=True, blank=True)
    chased_on = models.DateField(null=True, blank=True)
    reminders_sent = models.PositiveIntegerField(default=0)
    responded_at = models.DateTimeField(null=True, blank=True)
    # The outcome of the latest email to this owner, written by the worker that sent it.
    email_kind = models.CharField(max_length=10, blank=True)
    email_status = models.CharField(max_length=10, choices=EmailStatus.choices, blank=True)
    email_attempts = models.PositiveIntegerField(default=0)
    email_error = models.CharField(max_length=500, blank=True)

    council_path = "request__council"

    objects = RecipientQuerySet.as_manager()

    class Meta:
        ordering = ["person__name"]
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="unique_request_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} for {self.request}"

    @property
    def council(self) -> Any:
        return self.request.council


class UpdateReminder(models.Model):
    """One reminder emailed to an owner who had not replied, and how it went: kept
    apart from the request's own email, so a reminder never changes what the request
    counted as sent (docs/adr/045)."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Before the due date"
        AFTER = "after", "After the due date"

    recipient = models.ForeignKey(
        UpdateRequestRecipient, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_on = models.DateField(help_text="The day the reminder went (or was queued to go).")
    email_status = models.CharField(max_length=10, choices=EmailStatus.choices)
    email_attempts = models.PositiveIntegerField(default=0)
    email_error = models.CharField(max_length=500, blank=True)

    council_path = "recipient__request__council"

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder to {self.recipient.person} on {self.sent_on}"

    @property
    def council(self) -> Any:
        return self.recipient.request.council

"""The chain from inspection to notice to plan: findings, requirements, objectives,
actions and their dated, rated updates."""

import datetime
from typing import Any

from django.conf import settings
from django.db import models

from improvement.accounts.models import Organisation, Person
from improvement.core.models import Archivable, Council, Tracked
from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.plans.managers import (
    ActionQuerySet,
    EvidenceFileQuerySet,
    ObjectiveQuerySet,
    UpdateQuerySet,
)
from improvement.plans.review_areas import ReviewArea, area_labels

__all__ = ["ReviewArea"]


class Rating(models.TextChoices):
    BLUE = "blue", "Blue"
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"
    GREY = "grey", "Grey"


class PlanSettings(Tracked):
    """How the council runs its plan, where it differs from the defaults."""

    council = models.OneToOneField(Council, on_delete=models.CASCADE, related_name="plan_settings")
    owner_backdate_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=(
            "How many days back an action owner may date an update. Empty: back to the "
            "last board meeting."
        ),
    )

    class Meta:
        verbose_name_plural = "plan settings"

    def __str__(self) -> str:
        return f"Plan settings of {self.council}"


class Inspection(Tracked, Archivable):
    class Kind(models.TextChoices):
        FOCUSED_VISIT = "focused_visit", "Focused visit"
        ILACS = "ilacs", "Full inspection (ILACS)"
        MONITORING_VISIT = "monitoring_visit", "Monitoring visit"
        JTAI = "jtai", "Joint targeted area inspection"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    started_on = models.DateField()
    ended_on = models.DateField()
    published_on = models.DateField(null=True, blank=True)
    judgement = models.CharField(max_length=200, blank=True)
    report_url = models.URLField(blank=True)

    class Meta:
        ordering = ["-started_on"]

    def __str__(self) -> str:
        return self.title


class Finding(Tracked, Archivable):
    """An Ofsted priority action or area for improvement, or an adviser's recommendation."""

    class Kind(models.TextChoices):
        PRIORITY_ACTION = "priority_action", "Priority action"
        AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"
        ADVISER_RECOMMENDATION = "adviser_recommendation", "Adviser's recommendation"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="findings")
    inspection = models.ForeignKey(
        Inspection, null=True, blank=True, on_delete=models.PROTECT, related_name="findings"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    ref = models.CharField(max_length=20, blank=True)
    text = models.TextField(max_length=LONG_TEXT)
    made_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "ref", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.ref}".strip()


class Notice(Tracked, Archivable):
    """The DfE Improvement Notice: requirements, adviser, reviews and deadline."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="notices")
    inspection = models.ForeignKey(
        Inspection, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    title = models.CharField(max_length=300, default="Improvement Notice")
    issuer = models.CharField(max_length=300)
    issued_on = models.DateField()
    adviser = models.CharField(max_length=200, blank=True)
    review_interval_months = models.PositiveIntegerField(default=6)
    deadline = models.DateField()
    next_review_on = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "The date the DfE has set for its next review. When a review is held, record "
            "it and set the date of the one after."
        ),
    )

    class Meta:
        ordering = ["-issued_on"]

    def __str__(self) -> str:
        return f"{self.title} of {self.issued_on:%-d %B %Y}"


class Requirement(Tracked):
    council_path = "notice__council"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="requirements")
    paragraph = models.CharField(max_length=10)
    heading = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=LONG_TEXT)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Paragraph {self.paragraph}"


class Review(Tracked):
    """A DfE review of progress against the notice."""

    council_path = "notice__council"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    reviewer = models.CharField(max_length=200, blank=True)
    summary = models.TextField(max_length=LONG_TEXT, blank=True)
    # The date the DfE had set for it, kept with the review so a report as at an earlier
    # day names the date that was scheduled then (docs/adr/028).
    scheduled_on = models.DateField(null=True, blank=True)
    response = models.TextField(
        max_length=LONG_TEXT, blank=True, help_text="The council's response to its findings."
    )

    class Meta:
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"DfE review {self.held_on:%-d %B %Y}"


class Objective(Tracked, Archivable):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="objectives")
    ref = models.CharField(max_length=30, blank=True)
    title = models.CharField(max_length=500)
    theme = models.CharField(max_length=300, blank=True)
    description = models.TextField(max_length=LONG_TEXT, blank=True)
    findings = models.ManyToManyField(Finding, blank=True, related_name="objectives")
    requirements = models.ManyToManyField(Requirement, blank=True, related_name="objectives")
    position = models.PositiveIntegerField(default=0)
    # Codes of `ReviewArea`: the areas of a DfE review the objective bears on.
    review_areas = models.JSONField(default=list, blank=True)

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}".strip()

    @property
    def area_names(self) -> str:
        return ", ".join(area_labels(self.review_areas))

    @property
    def answered_diagnostic_findings(self) -> Any:
        """The live findings of live diagnostic reviews that this objective answers."""
        return (
            self.diagnostic_findings.live()
            .filter(review__archived_at__isnull=True)
            .select_related("review")
            .order_by("review__started_on", "position", "id")
        )


class DiagnosticReview(Tracked, Archivable):
    """A diagnostic review or assessment of one service area, which the adviser may
    require (Improvement Notice, paragraph 8), and what it found."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="diagnostic_reviews"
    )
    title = models.CharField(max_length=300)
    commissioned_by = models.CharField(max_length=200)
    carried_out_by = models.CharField(max_length=300)
    started_on = models.DateField()
    reported_on = models.DateField(null=True, blank=True)
    summary = models.TextField(max_length=LONG_TEXT, blank=True)
    review_areas = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def area_names(self) -> str:
        return ", ".join(area_labels(self.review_areas))


class DiagnosticFinding(Tracked, Archivable):
    """One finding of a diagnostic review, linked to the objectives that answer it."""

    council_path = "review__council"

    review = models.ForeignKey(DiagnosticReview, on_delete=models.PROTECT, related_name="findings")
    text = models.TextField(max_length=LONG_TEXT)
    objectives = models.ManyToManyField(Objective, blank=True, related_name="diagnostic_findings")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"Finding of {self.review}"

    @property
    def council(self) -> Council:
        return self.review.council


def due_as_at(
    due_on: datetime.date | None,
    changes: list[tuple[datetime.date, int, datetime.date | None]],
    day: datetime.date,
) -> datetime.date | None:
    """The due date as it stood on `day`: the date the first re-profile after that day
    replaced (changes are (changed_on, id, old due date)), else the current one."""
    later = [change for change in changes if change[0] > day]
    return min(later)[2] if later else due_on


class Action(Tracked, Archivable):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="actions")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="actions")
    ref = models.CharField(max_length=30, blank=True)
    title = models.TextField(max_length=LONG_TEXT)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="actions")
    owners = models.ManyToManyField(Person, blank=True, related_name="actions")
    findings = models.ManyToManyField(Finding, blank=True, related_name="actions")
    start_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    due_text = models.CharField(
        max_length=200, blank=True, help_text="A due date that is not a date, such as 'Ongoing'."
    )
    success_measure = models.TextField(max_length=LONG_TEXT, blank=True)
    evidence_planned = models.TextField(max_length=LONG_TEXT, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title[:80]}".strip()

    def due_on_as_at(self, day: datetime.date) -> datetime.date | None:
        """The due date as it stood on `day`, undoing later re-profiles."""
        changes = [(c.changed_on, c.pk, c.old_due_on) for c in self.due_changes.all()]
        return due_as_at(self.due_on, changes, day)


class DueDateChange(models.Model):
    """A re-profiled due date, with the reason: kept so the history is honest."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_changes")
    old_due_on = models.DateField(null=True, blank=True)
    new_due_on = models.DateField()
    reason = models.TextField(max_length=LONG_TEXT)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["changed_on", "id"]


class Update(Tracked):
    """A dated record of progress on an action, rated with its reason."""

    class Approval(models.TextChoices):
        NOT_NEEDED = "not_needed", "Not needed"
        PROPOSED = "proposed", "Proposed, awaiting the board"
        ACCEPTED = "accepted", "Accepted"
        RETURNED = "returned", "Returned"

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    as_of = models.DateField(help_text="The date the update describes.")
    rating = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    reason = models.TextField(max_length=LONG_TEXT, blank=True)
    narrative = models.TextField(max_length=NOTES_TEXT, blank=True)
    support_needed = models.TextField(max_length=LONG_TEXT, blank=True)
    approval = models.CharField(
        max_length=12, choices=Approval.choices, default=Approval.NOT_NEEDED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(max_length=LONG_TEXT, blank=True)
    backdate_reason = models.TextField(
        max_length=LONG_TEXT,
        blank=True,
        help_text="Why the board manager dated this update before the owners' limit.",
    )

    objects = UpdateQuerySet.as_manager()
    council_path = "action__council"

    class Meta:
        ordering = ["-as_of", "-id"]
        indexes = [
            # The latest updates of each action as at a date (`latest_per_action`), read
            # from the index alone: in its order, with what the effective filter tests.
            models.Index(
                fields=["action", "-as_of", "-id"],
                include=["rating", "approval", "created_at", "reviewed_at"],
                name="plans_update_latest_idx",
            ),
            # Completions awaiting the board: a handful among hundreds of thousands.
            models.Index(
                fields=["action"],
                condition=models.Q(rating="blue", approval="proposed"),
                name="plans_update_awaiting_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Update of {self.as_of:%-d %B %Y} on {self.action.ref or self.action_id}"

    @property
    def council(self) -> Council:
        return self.action.council


def evidence_path(instance: "EvidenceFile", filename: str) -> str:
    return f"evidence/{instance.update.action.council.slug}/{instance.update_id}/{filename}"


class EvidenceFile(Tracked):
    update = models.ForeignKey(Update, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    objects = EvidenceFileQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def council(self) -> Any:
        return self.update.action.council

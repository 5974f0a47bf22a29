"""Reports built from the plan, evidence and meetings, saved as documents.

A report is drafted (its written sections kept with it), finalised (a frozen
version: the rendered HTML and the document's data as they were) and perhaps
published. A final version never changes; revising a report starts a new draft,
and finalising that draft freezes the next version beside the old one.
"""

from django.conf import settings
from django.db import models

from improvement.core.models import Council, Tracked
from improvement.meetings.models import EXEMPT_PARAGRAPHS, Body, Meeting
from improvement.reports.managers import ReportQuerySet, ReportVersionQuerySet


class ReportDocument(Tracked):
    class Kind(models.TextChoices):
        BOARD_PROGRESS = "board_progress", "Board progress report"
        COMMITTEE = "committee", "Committee report"
        SELF_ASSESSMENT = "self_assessment", "DfE self-assessment"
        ADVISER = "adviser", "Adviser's report of progress or concern"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"
        PUBLISHED = "published", "Published"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committee_reports",
        help_text="The committee a committee report goes to.",
    )
    title = models.CharField(max_length=300)
    as_at = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default="draft")
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=EXEMPT_PARAGRAPHS
    )
    sections = models.JSONField(default=dict, blank=True)
    recommendations = models.TextField(blank=True)
    every_action = models.BooleanField(
        default=False,
        help_text=(
            "For a board report on a plan of more than 150 actions: add every action as an "
            "appendix (a smaller plan's report always lists every action)."
        ),
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-as_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class ReportVersion(models.Model):
    """A report as it was finalised: never changed afterwards."""

    report = models.ForeignKey(ReportDocument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    html = models.TextField()
    document = models.JSONField()
    figures = models.JSONField(default=dict)
    as_at = models.DateField()
    finalised_at = models.DateTimeField()
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ReportVersionQuerySet.as_manager()

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")
        ]

    def __str__(self) -> str:
        return f"{self.report}, version {self.number}"

    @property
    def council(self) -> Council:
        return self.report.council

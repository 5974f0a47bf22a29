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

    class Appendix(models.TextChoices):
        BOARD_REPORT = "board_report", "The improvement board's progress report"
        COMPLAINTS_ANNUAL = "complaints_annual", "The complaints annual report"

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
    appendix = models.CharField(
        max_length=20,
        choices=Appendix.choices,
        blank=True,
        help_text="For a committee report: the document bound in as its appendix.",
    )
    appendix_meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The board meeting whose progress report is bound in (none: the latest "
        "before the committee meets).",
    )
    appendix_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The complaints annual report's year: 2022 for 2022-23."
    )
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


PRIORITIES = """1. The Economy and Inclusive Growth
2. Our Places and Communities
3. Prevention, Independence and Resilience: children are safe from harm
4. Sustainable Future City Council"""
CARBON = (
    "The report contains no proposals for changes to service delivery and therefore there is "
    "no decision to take which may impact carbon emissions of the council or the city."
)
LEGAL = (
    "A council's children's services are likely to face central government intervention "
    "following an Ofsted judgement of 'inadequate' under the Inspection of Local Authority "
    "Children's Services (ILACS) framework. This power is triggered under section 497A of the "
    "Education Act 1996. The Secretary of State (or the minister of state on their behalf) "
    "has a high degree of discretion, but the choice of intervention must be reasonable.\n\n"
    "There are different levels of intervention, ranging from an Improvement Notice to a "
    "statutory direction from the Department for Education, which can include directing the "
    "council to enter into a contract with a third party to perform its functions on its "
    "behalf. Should the council be unwilling or unable to comply with the Improvement Notice, "
    "or should ministers not be satisfied with its progress, they may use their powers under "
    "section 497A to direct the council."
)


class ReportSettings(Tracked):
    """How a council writes its committee reports: the layout of its committee report
    template and the text every report on this subject starts from (docs/adr/027)."""

    class Layout(models.TextChoices):
        PETERBOROUGH = (
            "peterborough",
            "Header table, recommendations, then numbered sections (as Peterborough)",
        )
        SHROPSHIRE = (
            "shropshire",
            "Synopsis, executive summary and recommendations, then the report (as Shropshire)",
        )

    council = models.OneToOneField(
        Council, on_delete=models.PROTECT, related_name="report_settings"
    )
    committee_layout = models.CharField(
        max_length=12, choices=Layout.choices, default=Layout.PETERBOROUGH
    )
    corporate_priorities = models.TextField(
        default=PRIORITIES, help_text="The council's corporate priorities, one a line."
    )
    priorities_link = models.URLField(
        blank=True, help_text="Where the council's corporate strategy and priorities are published."
    )
    carbon_statement = models.TextField(
        default=CARBON,
        help_text="What a report on the improvement plan means for carbon emissions.",
    )
    legal_implications = models.TextField(
        default=LEGAL, help_text="The legal implications of the Improvement Notice."
    )
    cabinet_member = models.CharField(
        max_length=200,
        blank=True,
        help_text="The cabinet member (portfolio holder) for children's services.",
    )
    local_member = models.CharField(
        max_length=200, default="All", help_text="The local member, for a report on every ward."
    )

    class Meta:
        verbose_name_plural = "report settings"

    def __str__(self) -> str:
        return f"Report settings of {self.council}"

"""Representations under the Children Act 1989 procedure and the corporate one, and
compliments: one record per representation received, as the register has one row.

The stages live on the record itself because a representation moves through them in
order and the register, the clocks and the annual report all read them side by side.
"""

from django.conf import settings
from django.db import models

from improvement.complaints.managers import (
    CaseAccessGrantQuerySet,
    OmbudsmanDecisionQuerySet,
    RepresentationQuerySet,
)
from improvement.core.models import Archivable, Council, Tracked
from improvement.core.text import LONG_TEXT

NATIONAL_CATEGORIES = [
    "Delay/Failed Service",
    "Denial/Withdrawal of Service",
    "Staff Conduct",
    "Communication",
    "Quality of Service",
    "Policy/Procedure",
    "Financial",
    "Assessment",
    "Discrimination",
    "Information/Data Protection",
]


def default_categories() -> list[str]:
    return list(NATIONAL_CATEGORIES)


class Kind(models.TextChoices):
    COMPLAINT = "complaint", "Complaint"
    COMPLIMENT = "compliment", "Compliment"


class Process(models.TextChoices):
    STATUTORY = "statutory", "Statutory (Children Act 1989)"
    CORPORATE = "corporate", "Corporate"
    NOT_LOGGED = "not_logged", "Not logged"


class NotLoggedReason(models.TextChoices):
    COURT_RELATED = "court_related", "Court related"
    INSUFFICIENT_INTEREST = "insufficient_interest", "Insufficient interest"
    ALTERNATIVE_PROCESS = "alternative_process", "Alternative process (legal, corporate, GDPR)"
    GENERAL_ENQUIRY = "general_enquiry", "General enquiries"
    OUT_OF_TIME = "out_of_time_or_jurisdiction", "Out of time or jurisdiction"
    CONSENT_NOT_GAINED = "consent_not_gained", "Consent not gained"
    S47 = "s47_child_protection", "S47 or child protection"
    SAFEGUARDING = "safeguarding_referral", "Safeguarding referral"
    OTHER = "other", "Other"


class Service(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    EDUCATION = "education", "Education"


class ComplainantType(models.TextChoices):
    CHILD = "child_not_looked_after", "Children or young people (not looked after)"
    LOOKED_AFTER = "looked_after_or_care_leaver", "Looked after children or leaving care"
    PARENT = "parent_or_guardian", "Parents or guardians"
    OTHER_CARER = "other_carer", "Other carers"
    FOSTER_CARER = "foster_carer", "Foster carers"
    PROSPECTIVE_ADOPTER = "prospective_adopter", "Prospective adopters"
    ADOPTIVE_PARENT = "adoptive_parent", "Adoptive parents"
    NOW_ADULT = "looked_after_now_adult", "Looked after (now adult)"
    FRIEND = "friend", "Friends"
    RELATIVE = "relative", "Relatives"
    PROFESSIONAL = "professional", "Professionals"


class ContactMethod(models.TextChoices):
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    TELEPHONE = "telephone", "Telephone"


class Route(models.TextChoices):
    INFORMAL = "informal", "Informal (answered within 3 working days and accepted)"
    FORMAL = "formal", "Formal"
    WITHDRAWN = "withdrawn", "Withdrawn or frozen"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTIALLY_UPHELD = "partially_upheld", "Partially upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class OmbudsmanOutcome(models.TextChoices):
    FAULT = "fault", "Fault found"
    NO_FAULT = "no_fault", "No fault"
    NOT_INVESTIGATED = "not_investigated", "Not investigated"


FAULT_OUTCOMES = (Outcome.UPHELD, Outcome.PARTIALLY_UPHELD)
# A postal address fits in 500 characters; a longer one is a mistake.
CONTACT_TEXT = 500


class Representation(Tracked, Archivable):
    """A complaint (logged or not) or a compliment, with every stage it has reached."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="representations")
    reference = models.CharField(max_length=60)
    received_on = models.DateField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COMPLAINT)
    process = models.CharField(max_length=12, choices=Process.choices, blank=True)
    not_logged_reason = models.CharField(max_length=40, choices=NotLoggedReason.choices, blank=True)
    explanation_sent_on = models.DateField(null=True, blank=True)
    service = models.CharField(max_length=30, choices=Service.choices)
    team = models.CharField(max_length=120, blank=True)
    category = models.CharField(max_length=120, blank=True)
    # Personal data: blanked by anonymise_complaints after the retention period.
    complainant_name = models.CharField(max_length=200, blank=True)
    complainant_type = models.CharField(max_length=40, choices=ComplainantType.choices, blank=True)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    complainant_address = models.TextField(
        "complainant's address", blank=True, max_length=CONTACT_TEXT
    )
    complainant_email = models.EmailField("complainant's email address", blank=True)
    complainant_telephone = models.CharField("complainant's telephone", max_length=40, blank=True)
    preferred_contact = models.CharField(
        "preferred contact method", max_length=12, choices=ContactMethod.choices, blank=True
    )
    advocate = models.BooleanField(default=False)
    summary = models.TextField(blank=True, max_length=LONG_TEXT)
    # Under the 2006 Regulations and their guidance a statutory complaint is
    # acknowledged within 2 working days of receipt (clock.late_acknowledgement warns).
    acknowledged_on = models.DateField("acknowledgement sent", null=True, blank=True)
    stage1_route = models.CharField(max_length=10, choices=Route.choices, blank=True)
    stage1_extended = models.BooleanField(default=False)
    stage1_responded_on = models.DateField(null=True, blank=True)
    stage1_outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    manager_contacted = models.BooleanField(default=False)
    stage2_requested_on = models.DateField(null=True, blank=True)
    stage2_extended = models.BooleanField(default=False)
    # Stage 2 of the 2006 Regulations: an investigating officer, and an independent person
    # who oversees the investigation. Staff or contractors, not the complainant's data.
    stage2_investigating_officer = models.CharField(
        "investigating officer", max_length=200, blank=True
    )
    stage2_independent_person = models.CharField("independent person", max_length=200, blank=True)
    stage2_completed_on = models.DateField(null=True, blank=True)
    stage2_outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    stage3_requested_on = models.DateField(null=True, blank=True)
    stage3_panel_on = models.DateField(null=True, blank=True)
    stage3_report_on = models.DateField(null=True, blank=True)
    stage3_response_on = models.DateField(null=True, blank=True)
    stage3_outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    ombudsman_referred_on = models.DateField(null=True, blank=True)
    ombudsman_decided_on = models.DateField(null=True, blank=True)
    ombudsman_outcome = models.CharField(
        max_length=20, choices=OmbudsmanOutcome.choices, blank=True
    )
    ombudsman_reference = models.CharField(max_length=40, blank=True)
    service_improvement = models.TextField(blank=True, max_length=LONG_TEXT)
    # The annual report's examples (seed 003, figures 10, 11 and 14): wording the
    # complaints manager writes for print, with no names, kept apart from `summary`,
    # which holds personal data and is never printed.
    in_annual_report = models.BooleanField(
        default=False, help_text="Printed as an example in the annual report of its year."
    )
    report_text = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="The complaint's detail or the compliment's words as the report prints them.",
    )
    report_impact = models.TextField(
        blank=True, max_length=LONG_TEXT, help_text="A complaint's impact, for the report."
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RepresentationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "reference"], name="unique_representation_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_kind_display().lower()})"

    @property
    def fault_found(self) -> bool:
        return self.stage1_outcome in FAULT_OUTCOMES


class DecisionProcess(models.TextChoices):
    STATUTORY = "statutory", "Statutory (Children Act 1989)"
    NON_STATUTORY = "non_statutory", "Non-statutory (corporate or education)"


class OmbudsmanDecision(Tracked, Archivable):
    """One published decision of the Local Government and Social Care Ombudsman about
    the council's children's services, as the annual report lists it: its reference and
    link, statutory or not. A decision on a case recorded here is kept in step with the
    case's Ombudsman stage (`services.sync_decision`); one on a complaint never recorded
    here (it went to the Ombudsman direct) is entered on its own."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="ombudsman_decisions"
    )
    representation = models.OneToOneField(
        Representation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ombudsman_decision",
    )
    reference = models.CharField(max_length=40, help_text="The LGSCO's reference, 22-000-753.")
    decided_on = models.DateField()
    process = models.CharField(max_length=16, choices=DecisionProcess.choices)
    service = models.CharField(max_length=30, choices=Service.choices)
    outcome = models.CharField(max_length=20, choices=OmbudsmanOutcome.choices)
    link = models.URLField(
        blank=True, max_length=300, help_text="The decision on the Ombudsman's website."
    )
    summary = models.TextField(
        blank=True, max_length=LONG_TEXT, help_text="What was decided, with no names."
    )

    objects = OmbudsmanDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["decided_on", "reference"]

    def __str__(self) -> str:
        return f"Ombudsman decision {self.reference}"


class ComplaintsSettings(Tracked):
    """A council's choices for its complaints: retention, categories, report recipients."""

    council = models.OneToOneField(
        Council, on_delete=models.PROTECT, related_name="complaints_settings"
    )
    # Superseded by core's RetentionSettings.complaint_years (the council administrator
    # sets it); copied there by core's migration 0002 and no longer read.
    retention_years = models.PositiveIntegerField(
        default=6, help_text="Closed cases are anonymised this many years after they close."
    )
    categories = models.JSONField(default=default_categories)
    overdue_report_to = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="Other email addresses for the monthly overdue report, one a line.",
    )
    # Corporate complaints follow the council's own policy, not the Children Act 1989
    # Representations Procedure (England) Regulations 2006: working days, set here.
    corporate_stage1_days = models.PositiveIntegerField(
        default=10, help_text="Corporate policy: working days to respond at stage 1."
    )
    corporate_stage1_extended_days = models.PositiveIntegerField(
        default=20, help_text="Corporate policy: stage 1 working days when extended."
    )
    corporate_stage2_days = models.PositiveIntegerField(
        default=20, help_text="Corporate policy: working days to respond at stage 2."
    )
    corporate_stage2_extended_days = models.PositiveIntegerField(
        default=30, help_text="Corporate policy: stage 2 working days when extended."
    )
    # The annual report names who provides advocacy (regulation 13(3)'s report says how
    # children are helped to complain); the law requires the service, not a provider.
    advocacy_provider = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who provides the council's independent advocacy for children.",
    )
    report_committee = models.CharField(
        max_length=200,
        blank=True,
        help_text="The committee the annual report is for.",
    )

    class Meta:
        verbose_name_plural = "complaints settings"

    def __str__(self) -> str:
        return f"Complaints settings, {self.council}"


class CaseAccessGrant(Tracked, Archivable):
    """The complaints manager lets one more person see case details; archived when revoked."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="complaint_access_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaint_grants"
    )
    reason = models.CharField(max_length=300)

    objects = CaseAccessGrantQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Case access for {self.user}"


class ReportNote(Tracked):
    """A note the annual report prints above its figures for one financial year: where the
    report as presented differed from what the case records give, and why."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="complaint_notes")
    year = models.PositiveIntegerField(help_text="The financial year from 1 April of this year.")
    text = models.TextField(max_length=LONG_TEXT)

    class Meta:
        ordering = ["year", "pk"]

    def __str__(self) -> str:
        return f"Note on the {self.year} complaints report"

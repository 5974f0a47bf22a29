"""The forward plan of executive decisions: its decisions, dated editions and comments.

A `ForwardDecision` is one executive decision the council plans to take. It is
advertised in dated `Edition`s of the plan; an `EditionEntry` places it in one
part of one edition and, once the edition is published, freezes the row it
printed. Decisions taken are published through `meetings.Decision`, which holds
the call-in window, and scrutiny can add one to its work programme (a
`meetings.ForwardItem`).
"""

from typing import Any

from django.db import models

from improvement.core.models import Council, Tracked
from improvement.core.text import LONG_TEXT, NOTES_TEXT, SHORT_TEXT
from improvement.forward_plan.managers import EditionQuerySet, ForwardDecisionQuerySet
from improvement.meetings.ports import EXEMPT_PARAGRAPHS

PARTS = [
    (1, "Part 1: key decisions"),
    (2, "Part 2: notice of intention to take decisions in private"),
    (3, "Part 3: non-key decisions"),
    (4, "Part 4: key decisions taken under urgency procedures"),
]


class ForwardPlanSettings(Tracked):
    """Each council's key-decision test and publication rhythm."""

    council = models.OneToOneField(
        Council, on_delete=models.PROTECT, related_name="forward_plan_settings"
    )
    key_threshold = models.PositiveIntegerField(
        default=500_000, help_text="Spending or saving above this many pounds is a key decision."
    )
    key_ward_count = models.PositiveIntegerField(
        default=2, help_text="A significant effect on this many wards or more is a key decision."
    )

    class Counting(models.TextChoices):
        CALENDAR = "calendar", "Calendar days"
        WORKING = "working", "Working days"

    notice_clear_days = models.PositiveIntegerField(default=28)
    clear_days_counting = models.CharField(
        max_length=8,
        choices=Counting.choices,
        default="calendar",
        help_text=(
            "How clear days are counted. The regulations do not define a clear day; in its "
            "ordinary meaning every calendar day between publication and decision counts."
        ),
    )
    general_exception_clear_days = models.PositiveIntegerField(default=5)
    edition_interval_days = models.PositiveIntegerField(default=14)
    comments_email = models.EmailField(
        blank=True, help_text="Where comments go when a decision has no contact email."
    )
    # The statutory notes each edition prints (editions.notes_for); the law's own words
    # are fixed, these are the council's particulars.
    enquiries_contact = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="Who answers questions on the plan: name, role, address, email, telephone.",
    )
    documents_contact = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="Who documents listed on the plan can be requested from.",
    )
    decisions_web_address = models.URLField(
        blank=True, max_length=300, help_text="Where all decisions are posted."
    )
    cabinet_members = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="One a line: the member, a |, then their responsibility.",
    )
    directorates = models.TextField(
        blank=True,
        max_length=LONG_TEXT,
        help_text="One a line: code | directorate | address | responsibilities.",
    )

    # The constitution's call-in rule (seed 003: "any three Members of a Scrutiny
    # Committee"): how many, and which members it counts.
    class CallInCount(models.TextChoices):
        VOTING = "voting", "Voting members only, co-opted or not"
        ELECTED = "elected", "Voting members who are not co-opted"
        ALL = "all", "Every member, voting or not"

    call_in_members_needed = models.PositiveIntegerField(
        default=3, help_text="Members of the scrutiny committee needed to call a decision in."
    )
    call_in_counts = models.CharField(
        max_length=8,
        choices=CallInCount.choices,
        default="voting",
        help_text="Which members of the committee the constitution counts towards a call-in.",
    )
    call_in_email = models.EmailField(
        blank=True,
        help_text="The scrutiny officer told of each call-in; when blank, the committee's "
        "secretariat.",
    )

    class Meta:
        verbose_name_plural = "forward plan settings"

    def __str__(self) -> str:
        return f"Forward plan settings of {self.council}"

    @property
    def counts_working_days(self) -> bool:
        return self.clear_days_counting == self.Counting.WORKING


class Edition(Tracked):
    """One dated edition of the plan. Published editions are frozen; each supersedes the last."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="forward_plan_editions"
    )
    published_on = models.DateField(help_text="The date the edition is (or will be) published.")
    decisions_from = models.DateField(help_text="New key decisions are taken from this date.")
    status = models.CharField(max_length=10, choices=Status.choices, default="draft")
    published_at = models.DateTimeField(null=True, blank=True)
    # The statutory notes as the edition printed them once published (`notes_for`):
    # a later change of settings never rewrites a published edition.
    notes = models.JSONField(default=dict, blank=True)

    objects: Any = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "published_on"], name="unique_edition")
        ]

    def __str__(self) -> str:
        return f"Forward plan published {self.published_on:%-d %B %Y}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ForwardDecision(Tracked):
    """An executive decision on the forward plan, key or not, open or taken in private."""

    class Maker(models.TextChoices):
        CABINET = "cabinet", "Cabinet"
        MEMBER = "member", "A cabinet member"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        TAKEN = "taken", "Taken"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Urgency(models.TextChoices):
        NONE = "", "None"
        GENERAL_EXCEPTION = "general_exception", "General exception"
        SPECIAL_URGENCY = "special_urgency", "Special urgency"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="forward_decisions")
    reference = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=500)
    description = models.TextField(max_length=LONG_TEXT, blank=True)
    is_key = models.BooleanField(default=False)
    amount = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="Spending or saving."
    )
    wards_affected = models.PositiveIntegerField(
        default=0, help_text="Wards on which the decision has a significant effect."
    )
    maker_kind = models.CharField(max_length=8, choices=Maker.choices, default="cabinet")
    maker_name = models.CharField(max_length=200, blank=True)
    maker_portfolio = models.CharField(max_length=300, blank=True)
    expected_on = models.DateField(null=True, blank=True)
    expected_month = models.DateField(null=True, blank=True, help_text="The first of the month.")
    expected_note = models.CharField(max_length=200, blank=True)
    scrutiny = models.ForeignKey(
        "meetings.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forward_decisions",
    )
    wards = models.CharField(max_length=300, blank=True)
    consultation = models.TextField(max_length=LONG_TEXT, blank=True)
    contact = models.TextField(
        max_length=LONG_TEXT, blank=True, help_text="Contact details and report authors."
    )
    contact_email = models.EmailField(blank=True)
    directorate = models.CharField(max_length=200, blank=True)
    documents = models.TextField(max_length=LONG_TEXT, blank=True)
    is_private = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=EXEMPT_PARAGRAPHS
    )
    private_reason = models.TextField(max_length=LONG_TEXT, blank=True)
    exempt_detail = models.TextField(
        max_length=NOTES_TEXT, blank=True, help_text="Exempt information: never published."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default="planned")
    first_notice_on = models.DateField(null=True, blank=True)
    private_notice_on = models.DateField(null=True, blank=True)
    urgency_route = models.CharField(max_length=20, choices=Urgency.choices, blank=True, default="")
    urgency_reason = models.TextField(max_length=LONG_TEXT, blank=True)
    urgency_chair = models.CharField(max_length=200, blank=True)
    urgency_informed_on = models.DateField(
        null=True, blank=True, help_text="General exception: the chair informed in writing."
    )
    urgency_agreed_on = models.DateField(
        null=True, blank=True, help_text="Special urgency: the chair agreed it is urgent."
    )
    urgency_notice_on = models.DateField(
        null=True, blank=True, help_text="The urgency route's public notice was published."
    )
    urgency_recorded_on = models.DateField(null=True, blank=True)
    taken_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(max_length=LONG_TEXT, blank=True)
    record = models.ForeignKey(
        "meetings.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    work_programme_item = models.ForeignKey(
        "meetings.ForwardItem", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)

    objects: Any = ForwardDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.title} – {self.reference}" if self.reference else self.title

    @property
    def decision_maker(self) -> str:
        if self.maker_kind == self.Maker.CABINET:
            return "Cabinet"
        return ", ".join(part for part in (self.maker_name, self.maker_portfolio) if part)

    @property
    def expected(self) -> str:
        if self.expected_on:
            return f"{self.expected_on:%-d %B %Y}"
        if self.expected_month:
            return f"{self.expected_month:%B %Y}"
        return self.expected_note


class EditionEntry(models.Model):
    """A decision in one part of one edition; `row` is what the edition printed, once published."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="entries")
    decision = models.ForeignKey(ForwardDecision, on_delete=models.PROTECT, related_name="entries")
    part = models.PositiveSmallIntegerField(choices=PARTS)
    previously_advertised = models.BooleanField(default=False)
    row = models.JSONField(default=dict, blank=True)

    council_path = "edition__council"

    class Meta:
        ordering = ["part", "previously_advertised", "decision__position", "decision_id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "decision"], name="unique_edition_entry")
        ]

    def __str__(self) -> str:
        return f"{self.decision} in {self.edition}, part {self.part}"


class DecisionComment(models.Model):
    """A comment or query from the public. Its sender's details are personal data:
    shown to the board manager only, never on a public page."""

    decision = models.ForeignKey(ForwardDecision, on_delete=models.PROTECT, related_name="comments")
    comment = models.TextField(max_length=LONG_TEXT)
    name = models.CharField(max_length=200, blank=True)
    address = models.TextField(max_length=SHORT_TEXT, blank=True)
    telephone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    respond_by = models.CharField(max_length=200, blank=True)
    sent_to = models.EmailField(blank=True)
    received_at = models.DateTimeField()

    council_path = "decision__council"

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"Comment on {self.decision}"

    @property
    def council(self) -> Council:
        return self.decision.council


class CallInRequest(Tracked):
    """A councillor's request to call in an executive decision, with their reasons: one a
    decision. Other members of the scrutiny committee join it (`CallInSupporter`, the
    requester first) until the constitution's number is met and the decision is called in."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="call_in_requests")
    decision = models.OneToOneField(
        "meetings.Decision", on_delete=models.PROTECT, related_name="call_in_request"
    )
    reasons = models.TextField(max_length=LONG_TEXT)
    requested_by = models.ForeignKey(
        "accounts.Person", on_delete=models.PROTECT, related_name="call_in_requests"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Call-in of {self.decision}"


class CallInSupporter(models.Model):
    """A member of the scrutiny committee who has asked for the call-in, and when."""

    request = models.ForeignKey(CallInRequest, on_delete=models.PROTECT, related_name="supporters")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.PROTECT, related_name="call_in_supports"
    )
    joined_at = models.DateTimeField()

    council_path = "request__council"

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="unique_call_in_supporter")
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.request}"

    @property
    def council(self) -> Council:
        return self.request.council

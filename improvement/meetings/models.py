"""Bodies (the board and the council's committees), their members and their meetings.

One set of concepts serves every body: a body has members and terms of reference,
meets, and each meeting has an agenda, attendance, declarations, minutes,
decisions and an action log. Items planned for future meetings (a scrutiny work
programme, a reporting route from the board) are `ForwardItem`s.
"""

from typing import Any

from django.conf import settings
from django.db import models

from improvement.accounts.models import Organisation, Person
from improvement.core.models import Archivable, Council, Tracked
from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.meetings.managers import (
    AgendaItemManager,
    AgendaItemQuerySet,
    BodyMembershipQuerySet,
    ForwardItemQuerySet,
    MeetingActionQuerySet,
    MeetingQuerySet,
)

EXEMPT_PARAGRAPHS = [(n, f"Paragraph {n}") for n in range(1, 8)]


class Body(Tracked, Archivable):
    class Kind(models.TextChoices):
        IMPROVEMENT_BOARD = "improvement_board", "Improvement board"
        SCRUTINY = "scrutiny", "Scrutiny committee"
        CABINET = "cabinet", "Cabinet"
        FULL_COUNCIL = "full_council", "Full council"
        SAFEGUARDING = "safeguarding", "Safeguarding partnership"

    class Standing(models.TextChoices):
        # Improvement notices are non-statutory: a board they require is not a statutory
        # body (seeds 000 and 002), and a voluntary board is advisory only (seed 001).
        NOTICE = "notice", "Required by the DfE Improvement Notice (non-statutory)"
        VOLUNTARY = "voluntary", "Voluntary and advisory"
        FORMAL = "formal", "Formal council body"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="bodies")
    name = models.CharField(max_length=200)
    slug = models.SlugField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    standing = models.CharField(max_length=12, choices=Standing.choices, default="formal")
    description = models.TextField(blank=True, max_length=LONG_TEXT)
    cycle_days = models.PositiveIntegerField(default=42)
    call_in_members = models.PositiveIntegerField(
        default=3, help_text="Members of a scrutiny committee needed to call a decision in."
    )
    # An improvement board usually neither votes (its chair decides) nor meets in public
    # (it publishes its papers and minutes): `services.create_body` defaults both so.
    members_vote = models.BooleanField(default=True)
    meets_in_public = models.BooleanField(default=True)
    reports_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="receives_reports_from",
        help_text="A board's reporting routes: the bodies each of its reports goes to.",
    )
    # The items every agenda of the body opens or closes with (apologies, declarations,
    # the last minutes...), one a line in their order: a new meeting may start from them.
    standard_agenda = models.TextField(blank=True, max_length=LONG_TEXT)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "bodies"
        constraints = [models.UniqueConstraint(fields=["council", "slug"], name="unique_body")]

    def __str__(self) -> str:
        return self.name

    @property
    def standard_items(self) -> list[str]:
        return _lines(self.standard_agenda)


class BodyMembership(Tracked):
    class Position(models.TextChoices):
        MEMBER = "member", "Member"
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        # Supports the body (the board manager): not a member, never counted in a quorum.
        SECRETARIAT = "secretariat", "Secretariat (not a member)"

    class Seat(models.TextChoices):
        """Whom a place at the table is for, so attendance is read seat by seat."""

        NONE = "", "Not a designated seat"
        ELECTED_MEMBER = "elected_member", "Elected member"
        OFFICER = "officer", "Council officer"
        DFE = "dfe", "DfE representative"
        SAFEGUARDING_PARTNER = "safeguarding_partner", "Statutory safeguarding partner"
        PARTNER = "partner", "Partner representative"
        ADVISER = "adviser", "Independent adviser or expert"

    class CoOpted(models.TextChoices):
        NO = "", "Not co-opted"
        STATUTORY = "statutory", "Statutory co-opted member"
        NON_STATUTORY = "non_statutory", "Non-statutory co-opted member"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="memberships")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="body_memberships"
    )
    role_title = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField(max_length=12, choices=Position.choices, default="member")
    seat = models.CharField(max_length=24, choices=Seat.choices, blank=True, default="")
    independent = models.BooleanField(default=False)
    voting = models.BooleanField(default=True)
    co_opted = models.CharField(max_length=14, choices=CoOpted.choices, blank=True, default="")
    substitute = models.BooleanField(default=False)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    position_order = models.PositiveIntegerField(default=0)

    objects: Any = BodyMembershipQuerySet.as_manager()
    council_path = "body__council"

    class Meta:
        ordering = ["substitute", "position_order", "id"]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else "Vacant"
        return f"{who}, {self.role_title}"

    @property
    def council(self) -> Council:
        return self.body.council

    @property
    def is_secretariat(self) -> bool:
        return self.position == self.Position.SECRETARIAT

    @property
    def counts_as_member(self) -> bool:
        """A member of the body, counted towards its quorum: not the secretariat, not a
        substitute."""
        return not (self.is_secretariat or self.substitute)


class Meeting(Tracked, Archivable):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    class Minutes(models.TextChoices):
        NONE = "none", "Not started"
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved as a true record"
        PUBLISHED = "published", "Published"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    # Two things: whether its agenda, open papers and minutes reach the public site
    # (exempt items never do), and whether the public may attend. A board held in
    # private still publishes its papers and minutes (seed 002).
    is_public = models.BooleanField(default=True, verbose_name="papers and minutes published")
    held_in_public = models.BooleanField(default=True, verbose_name="open to the public")
    status = models.CharField(max_length=10, choices=Status.choices, default="scheduled")
    series = models.CharField(max_length=40, blank=True)
    agenda_published_on = models.DateField(null=True, blank=True)
    minutes_status = models.CharField(max_length=10, choices=Minutes.choices, default="none")
    minutes_approved_at = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes_published_on = models.DateField(null=True, blank=True)

    objects: Any = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.body.name}, {self.starts_at:%-d %B %Y}"

    @property
    def minutes_public(self) -> bool:
        return self.minutes_status == self.Minutes.PUBLISHED


class TermsOfReference(Tracked):
    """One version of a body's terms of reference and who approved it, when."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="terms")
    number = models.PositiveIntegerField()
    # Purposes and responsibilities one a line, in their order; `text` holds the rest.
    purposes = models.TextField(blank=True, max_length=NOTES_TEXT)
    scope = models.TextField(blank=True, max_length=NOTES_TEXT)
    responsibilities = models.TextField(blank=True, max_length=NOTES_TEXT)
    text = models.TextField(max_length=NOTES_TEXT)
    quorum = models.PositiveIntegerField(null=True, blank=True)  # None: the terms set none
    voting = models.TextField(blank=True, max_length=LONG_TEXT)  # how the body decides
    approved_on = models.DateField()
    approved_by = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by_name = models.CharField(max_length=200, blank=True)
    approved_at = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    council_path = "body__council"

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="unique_tor")]

    def __str__(self) -> str:
        return f"{self.body} terms of reference, version {self.number}"

    @property
    def council(self) -> Council:
        return self.body.council

    @property
    def approver(self) -> str:
        return self.approved_by.name if self.approved_by_id else self.approved_by_name

    @property
    def purpose_list(self) -> list[str]:
        return _lines(self.purposes)

    @property
    def responsibility_list(self) -> list[str]:
        return _lines(self.responsibilities)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class AgendaItem(Tracked, Archivable):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    number = models.PositiveIntegerField()
    minute_number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, max_length=LONG_TEXT)
    report_author = models.CharField(max_length=200, blank=True)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=EXEMPT_PARAGRAPHS
    )
    minute = models.TextField(blank=True, max_length=NOTES_TEXT)
    objectives = models.ManyToManyField("plans.Objective", blank=True, related_name="agenda_items")
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="agenda_items")

    # Archived is "withdrawn": hidden from every reader by `objects`, kept in the record.
    objects: Any = AgendaItemManager()
    with_withdrawn: Any = AgendaItemQuerySet.as_manager()
    council_path = "meeting__council"

    class Meta:
        ordering = ["number", "id"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def council(self) -> Council:
        return self.meeting.council

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def exempt_notice(self) -> str:
        return f"Exempt: paragraph {self.exempt_paragraph} of Schedule 12A"


def paper_path(instance: "Paper", filename: str) -> str:
    item = instance.item
    return f"papers/{item.meeting.council.slug}/{item.meeting_id}/{filename}"


class Paper(Tracked):
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="papers")
    file = models.FileField(upload_to=paper_path)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, default="application/octet-stream")
    size = models.PositiveIntegerField(default=0)

    council_path = "item__meeting__council"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def council(self) -> Council:
        return self.item.meeting.council


class Attendance(Tracked):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        SUBSTITUTE = "substitute", "Substitute"
        IN_ATTENDANCE = "in_attendance", "In attendance (not a member)"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=14, choices=Status.choices)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.CharField(max_length=200, blank=True)

    council_path = "meeting__council"

    class Meta:
        ordering = ["status", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="unique_attendance")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"

    @property
    def council(self) -> Council:
        return self.meeting.council


class Declaration(Tracked):
    class Kind(models.TextChoices):
        PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
        OTHER = "other", "Other interest"
        WHIPPING = "whipping", "Whipping declaration"

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    detail = models.TextField(blank=True, max_length=LONG_TEXT)

    council_path = "item__meeting__council"

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"

    @property
    def council(self) -> Council:
        return self.item.meeting.council


class MinuteComment(Tracked):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField(max_length=LONG_TEXT)

    council_path = "meeting__council"

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on the minutes of {self.meeting}"

    @property
    def council(self) -> Council:
        return self.meeting.council


class Decision(Tracked):
    """A resolution at a meeting, the approval of minutes, or an executive decision."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", "Resolution"
        MINUTES = "minutes", "Minutes approved as a true record"
        EXECUTIVE = "executive", "Executive decision"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(max_length=LONG_TEXT)
    decided_on = models.DateField()
    decision_maker = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    call_in_ends_on = models.DateField(null=True, blank=True)
    implementable_on = models.DateField(null=True, blank=True)
    called_in_on = models.DateField(null=True, blank=True)
    called_in_by = models.ManyToManyField(Person, blank=True, related_name="call_ins")
    scrutiny = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="call_in_decisions"
    )

    class Meta:
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_exempt(self) -> bool:
        return bool(self.item_id and self.item.is_exempt)


class MeetingAction(Tracked):
    """An entry in the action log: an action or officer request arising from a meeting."""

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        OFFICER_REQUEST = "officer_request", "Request to officers"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meeting_actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_log")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="log_entries"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default="action")
    text = models.TextField(max_length=LONG_TEXT)
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_actions"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default="open")
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True, max_length=LONG_TEXT)
    plan_action = models.ForeignKey(
        "plans.Action",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
    )

    objects: Any = MeetingActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ForwardItem(Tracked):
    """An item planned for a body's future meeting: its work programme or forward agenda."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="forward_items")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="forward_items"
    )
    meeting_on = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=500)
    contact_officer = models.CharField(max_length=200, blank=True)
    draft_deadline = models.DateField(null=True, blank=True)
    final_deadline = models.DateField(null=True, blank=True)
    comments = models.TextField(blank=True, max_length=LONG_TEXT)
    report_received_on = models.DateField(null=True, blank=True)
    source_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="reporting_items"
    )

    objects: Any = ForwardItemQuerySet.as_manager()
    council_path = "body__council"

    class Meta:
        ordering = ["meeting_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def council(self) -> Council:
        return self.body.council

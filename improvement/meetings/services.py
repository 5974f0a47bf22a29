"""Every change to bodies and meetings: a named verb, permission-checked and audited.

The minutes workflow, resolutions and the action log are in
`improvement.meetings.minutes`; both are called alike by views, the demo and tests.
Each checks permission as its first statement. (Executive decisions and their
call-in belong to the forward plan: `improvement.forward_plan.call_in`.)
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access, audit
from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.uploads import check_upload
from improvement.core.working_days import clear_days_between, is_working_day
from improvement.meetings.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyMembership,
    Declaration,
    ForwardItem,
    Meeting,
    Paper,
    TermsOfReference,
)

MANAGE = "meetings.manage"


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def clear_days(published_on: datetime.date, meeting_on: datetime.date) -> int:
    """Working days strictly between publication and the meeting: neither day counts."""
    return clear_days_between(published_on, meeting_on, working=True)


def not_a_working_day(day: datetime.date) -> str:
    if is_working_day(day):
        return ""
    kind = "a weekend" if day.weekday() >= 5 else "a bank holiday"
    return f"{day:%A %-d %B %Y} is {kind}"


def next_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


@transaction.atomic
def create_body(actor: Any, council: Council, data: dict[str, Any]) -> Body:
    """A body; unless told otherwise an improvement board neither votes (its chair
    decides) nor meets in public (it publishes its papers and minutes), and a committee
    does both."""
    access.require(actor, MANAGE, council)
    data = dict(data)
    usual = data.get("kind") != Body.Kind.IMPROVEMENT_BOARD
    for setting in ("members_vote", "meets_in_public"):
        if data.get(setting) is None:
            data[setting] = usual
    return create_tracked(Body(council=council, **data), actor)


@transaction.atomic
def add_member(actor: Any, body: Body, data: dict[str, Any]) -> BodyMembership:
    """A seat on a body. The secretariat (the board manager) supports the body: it is
    not a member, has no vote and never counts towards a quorum."""
    access.require(actor, MANAGE, body)
    person = data.get("person")
    if person is not None and person.council_id != body.council_id:
        raise ValidationError({"person": "Choose a person from this council"})
    data = dict(data)
    if data.get("position") == BodyMembership.Position.SECRETARIAT:
        data["voting"] = False
    return create_tracked(BodyMembership(body=body, **data), actor)


@transaction.atomic
def end_membership(actor: Any, membership: BodyMembership, ends_on: datetime.date):
    access.require(actor, MANAGE, membership)
    if membership.starts_on and ends_on < membership.starts_on:
        raise ValidationError({"ends_on": "The end date must be after the start date"})
    membership.ends_on = ends_on
    return save_tracked(membership, actor, verb="membership ended")


TERMS_PARTS = ("purposes", "scope", "responsibilities", "quorum", "voting")


@transaction.atomic
def add_terms_of_reference(
    actor: Any,
    body: Body,
    text: str,
    approved_on: datetime.date,
    approved_by: Body | None = None,
    approved_by_name: str = "",
    approved_at: Meeting | None = None,
    **parts: Any,
) -> TermsOfReference:
    """A new version of a body's terms, approved at a meeting or by a named body, held in
    full: its purposes, scope and further responsibilities (one a line), its quorum and
    how it decides (`parts`), and the rest of its text."""
    access.require(actor, MANAGE, body)
    if not (approved_by or approved_by_name or approved_at):
        raise ValidationError({"approved_by_name": "Say who approved these terms of reference"})
    unknown = set(parts) - set(TERMS_PARTS)
    if unknown:
        raise ValidationError(f"Terms of reference have no part called {sorted(unknown)[0]}")
    last = body.terms.order_by("-number").first()
    terms = TermsOfReference(
        body=body,
        number=(last.number + 1) if last else 1,
        text=text,
        approved_on=approved_on,
        approved_by=approved_by or (approved_at.body if approved_at else None),
        approved_by_name=approved_by_name,
        approved_at=approved_at,
        **{name: value for name, value in parts.items() if value is not None},
    )
    return create_tracked(terms, actor)


@transaction.atomic
def schedule_meeting(
    actor: Any,
    body: Body,
    starts_at: datetime.datetime,
    location: str = "",
    is_public: bool = True,
    series: str = "",
    held_in_public: bool | None = None,
    standard_agenda: bool = False,
) -> Meeting:
    """A meeting on a working day. Whether the public may attend defaults to the body's
    setting (an improvement board meets in private); `is_public` is whether its papers
    and minutes are published, as a board's are. With `standard_agenda` its agenda
    starts from the body's standard items, in their order."""
    access.require(actor, MANAGE, body)
    problem = not_a_working_day(timezone.localtime(starts_at).date())
    if problem:
        # Refused, not moved: a date a person chose is theirs to change, and a meeting
        # quietly moved would differ from the date members and the public were given.
        raise ValidationError(
            {"date": f"{problem}: meetings are held on working days. Choose another date"}
        )
    meeting = Meeting(
        council=body.council,
        body=body,
        starts_at=starts_at,
        location=location,
        is_public=is_public,
        held_in_public=body.meets_in_public if held_in_public is None else held_in_public,
        series=series,
    )
    create_tracked(meeting, actor, verb="scheduled")
    if standard_agenda:
        for title in body.standard_items:
            add_agenda_item(actor, meeting, title)
    return meeting


@transaction.atomic
def schedule_series(
    actor: Any,
    body: Body,
    first_starts_at: datetime.datetime,
    until: datetime.date,
    every_days: int | None = None,
    location: str = "",
    is_public: bool = True,
    held_in_public: bool | None = None,
) -> list[Meeting]:
    """Meetings every `every_days` (the body's cycle, six weeks by default) up to `until`.

    A date of the cycle that falls on a weekend or bank holiday moves to the next
    working day (New Year's Day to 2 January): the cycle is a rule, not a date anyone
    chose, and the cycle goes on from its own dates, not from the moved one."""
    access.require(actor, MANAGE, body)
    step = datetime.timedelta(days=every_days or body.cycle_days)
    series = f"{body.slug}-{first_starts_at:%Y%m%d}"
    meetings = []
    starts_at = first_starts_at
    while timezone.localtime(starts_at).date() <= until:
        meetings.append(
            schedule_meeting(
                actor,
                body,
                _on_a_working_day(starts_at),
                location,
                is_public,
                series,
                held_in_public,
            )
        )
        starts_at += step
    return meetings


def _on_a_working_day(starts_at: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(starts_at)
    day = next_working_day(local.date())
    return timezone.make_aware(datetime.datetime.combine(day, local.time()))


@transaction.atomic
def add_agenda_item(actor: Any, meeting: Meeting, title: str, **fields: Any) -> AgendaItem:
    """Add a numbered item; `exempt_paragraph` (1 to 7) makes it exempt under Schedule 12A."""
    access.require(actor, MANAGE, meeting)
    actions = fields.pop("actions", [])
    objectives = fields.pop("objectives", [])
    paragraph = fields.get("exempt_paragraph")
    if paragraph is not None and paragraph not in range(1, 8):
        raise ValidationError({"exempt_paragraph": "Choose a paragraph from 1 to 7"})
    if not fields.get("number"):
        last = meeting.items.order_by("-number").first()
        fields["number"] = (last.number + 1) if last else 1
    item = create_tracked(AgendaItem(meeting=meeting, title=title, **fields), actor)
    item.actions.set([a for a in actions if a.council_id == meeting.council_id])
    item.objectives.set([o for o in objectives if o.council_id == meeting.council_id])
    return item


@transaction.atomic
def add_paper(actor: Any, item: AgendaItem, upload: Any) -> Paper:
    access.require(actor, MANAGE, item)
    # Papers are published with the agenda: only an allowed, honest file gets in.
    try:
        check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    paper = Paper(
        item=item,
        name=upload.name,
        content_type=getattr(upload, "content_type", None) or "application/octet-stream",
        size=upload.size,
    )
    paper.file.save(upload.name, upload, save=False)
    return create_tracked(paper, actor)


def agenda_deadline(meeting: Meeting) -> datetime.date:
    """The last working day the agenda may be published under the council's clear
    (working) days rule: what `publish_agenda` refuses after, and its preview warns of."""
    meeting_on = meeting_day(meeting)
    needed = meeting.council.agenda_clear_days
    day = meeting_on - datetime.timedelta(days=1)
    while not (is_working_day(day) and clear_days(day, meeting_on) >= needed):
        day -= datetime.timedelta(days=1)
    return day


@transaction.atomic
def publish_agenda(
    actor: Any,
    meeting: Meeting,
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Meeting:
    """Publish the agenda on a working day, refused when fewer than the council's clear
    (working) days remain before the meeting."""
    access.require(actor, MANAGE, meeting)
    on = on or timezone.localdate()
    problem = not_a_working_day(on)
    if problem:
        raise ValidationError(f"{problem}: an agenda is published on a working day")
    needed = meeting.council.agenda_clear_days
    remaining = clear_days(on, meeting_day(meeting))
    if remaining < needed:
        raise ValidationError(
            f"The agenda must be published at least {needed} clear working days before the "
            f"meeting; only {remaining} remain."
        )
    meeting.agenda_published_on = on
    return save_tracked(meeting, actor, expected_version=expected_version, verb="agenda published")


@transaction.atomic
def record_attendance(
    actor: Any,
    meeting: Meeting,
    person: Any,
    status: str,
    substitute_for: Any = None,
    capacity: str = "",
) -> Attendance:
    """Record one person's attendance; a record already made is changed with
    `change_attendance`, against the version it was read at."""
    access.require(actor, MANAGE, meeting)
    if person.council_id != meeting.council_id:
        raise ValidationError({"person": "Choose a person from this council"})
    if meeting.attendance.filter(person=person).exists():
        raise ValidationError(
            {"person": f"The attendance of {person.name} is already recorded: change it instead"}
        )
    _check_substitute(status, substitute_for)
    record = Attendance(
        meeting=meeting,
        person=person,
        status=status,
        substitute_for=substitute_for,
        capacity=capacity,
    )
    return create_tracked(record, actor, verb="attendance recorded")


def _check_substitute(status: str, substitute_for: Any) -> None:
    if status == Attendance.Status.SUBSTITUTE and substitute_for is None:
        raise ValidationError({"substitute_for": "Say whom this person substituted for"})


@transaction.atomic
def change_attendance(
    actor: Any, record: Attendance, data: dict[str, Any], expected_version: int | None
) -> Attendance:
    """Change a recorded attendance: its status, whom a substitute stood in for, capacity."""
    access.require(actor, MANAGE, record)
    _check_substitute(data["status"], data.get("substitute_for"))

    def apply() -> None:
        record.status = data["status"]
        record.substitute_for = data.get("substitute_for")
        record.capacity = data.get("capacity", "")

    return save_tracked(
        record, actor, expected_version=expected_version, verb="attendance changed", apply=apply
    )


@transaction.atomic
def declare_interest(
    actor: Any, item: AgendaItem, person: Any, kind: str, detail: str = ""
) -> Declaration:
    access.require(actor, MANAGE, item)
    if kind not in Declaration.Kind.values:
        raise ValidationError({"kind": "Choose the kind of declaration"})
    declaration = Declaration(item=item, person=person, kind=kind, detail=detail)
    return create_tracked(declaration, actor, verb="interest declared")


@transaction.atomic
def add_work_programme_item(actor: Any, body: Body, title: str, **fields: Any) -> ForwardItem:
    """An item planned for a future meeting, with contact officer and report deadlines."""
    access.require(actor, MANAGE, body)
    draft, final = fields.get("draft_deadline"), fields.get("final_deadline")
    if draft and final and final < draft:
        raise ValidationError({"final_deadline": "The final deadline must follow the draft one"})
    meeting = fields.get("meeting")
    if meeting is not None and not fields.get("meeting_on"):
        fields["meeting_on"] = meeting_day(meeting)
    return create_tracked(ForwardItem(body=body, title=title, **fields), actor)


@transaction.atomic
def set_reporting_routes(actor: Any, board: Body, bodies: Any) -> Body:
    """Name the bodies an improvement board's reports go to (Cabinet, a scrutiny
    committee, Full Council, the partnership...): each named body receives each report
    once, and no other body receives it."""
    access.require(actor, MANAGE, board)
    if board.kind != Body.Kind.IMPROVEMENT_BOARD:
        raise ValidationError("Reporting routes belong to an improvement board")
    bodies = list(bodies)
    if any(body.council_id != board.council_id or body.pk == board.pk for body in bodies):
        raise ValidationError({"bodies": "Choose other bodies of this council"})
    before = {"reports_to": sorted(body.name for body in board.reports_to.all())}
    board.reports_to.set(bodies)
    after = {"reports_to": sorted(body.name for body in bodies)}
    audit.record(actor, "reporting routes set", board, before, after)
    return board


def _next_meeting(body: Body, after: Any) -> Meeting | None:
    return (
        body.meetings.live()
        .filter(starts_at__gt=after)
        .exclude(status="cancelled")
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def add_reporting_route_items(actor: Any, meeting: Meeting) -> list[ForwardItem]:
    """After a board meeting, put its report on the forward agenda of each body named in
    the board's reporting routes (terms of reference item 12), once each."""
    access.require(actor, MANAGE, meeting)
    if meeting.body.kind != Body.Kind.IMPROVEMENT_BOARD:
        raise ValidationError("Reporting routes follow meetings of the improvement board")
    routes = list(meeting.body.reports_to.live().order_by("kind", "name"))
    if not routes:
        raise ValidationError("Name the bodies this board reports to in its reporting routes")
    created = []
    for body in routes:
        if body.forward_items.filter(source_meeting=meeting).exists():
            continue
        target = _next_meeting(body, meeting.starts_at)
        item = add_work_programme_item(
            actor,
            body,
            f"Children's Services Improvement Board: report of the meeting of "
            f"{meeting_day(meeting):%-d %B %Y}",
            meeting=target,
            meeting_on=meeting_day(target) if target else None,
            source_meeting=meeting,
            contact_officer="Children's Services Improvement Board Manager",
        )
        created.append(item)
    return created

"""Every change to bodies and meetings: a named verb, permission-checked and audited.

The minutes workflow, decisions, call-in and the action log are in
`improvement.meetings.minutes`; both are called alike by views, the demo and tests.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.working_days import is_working_day, working_days_between
from improvement.meetings import access
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


def require_manager(actor: Any, council: Council) -> None:
    if not access.can_manage(actor, council):
        raise PermissionDenied("Only the board manager can change meetings.")


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def clear_days(published_on: datetime.date, meeting_on: datetime.date) -> int:
    """Working days strictly between publication and the meeting: neither day counts."""
    days = working_days_between(published_on, meeting_on)
    if meeting_on > published_on and is_working_day(meeting_on):
        days -= 1
    return max(days, 0)


@transaction.atomic
def create_body(actor: Any, council: Council, data: dict[str, Any]) -> Body:
    require_manager(actor, council)
    return create_tracked(Body(council=council, **data), actor)


@transaction.atomic
def add_member(actor: Any, body: Body, data: dict[str, Any]) -> BodyMembership:
    require_manager(actor, body.council)
    person = data.get("person")
    if person is not None and person.council_id != body.council_id:
        raise ValidationError({"person": "Choose a person from this council"})
    return create_tracked(BodyMembership(body=body, **data), actor)


@transaction.atomic
def end_membership(actor: Any, membership: BodyMembership, ends_on: datetime.date):
    require_manager(actor, membership.body.council)
    if membership.starts_on and ends_on < membership.starts_on:
        raise ValidationError({"ends_on": "The end date must be after the start date"})
    membership.ends_on = ends_on
    return save_tracked(membership, actor, verb="membership ended")


@transaction.atomic
def add_terms_of_reference(
    actor: Any,
    body: Body,
    text: str,
    approved_on: datetime.date,
    approved_by: Body | None = None,
    approved_by_name: str = "",
    approved_at: Meeting | None = None,
) -> TermsOfReference:
    """A new version of a body's terms, approved at a meeting or by a named body."""
    require_manager(actor, body.council)
    if not (approved_by or approved_by_name or approved_at):
        raise ValidationError({"approved_by_name": "Say who approved these terms of reference"})
    last = body.terms.order_by("-number").first()
    terms = TermsOfReference(
        body=body,
        number=(last.number + 1) if last else 1,
        text=text,
        approved_on=approved_on,
        approved_by=approved_by or (approved_at.body if approved_at else None),
        approved_by_name=approved_by_name,
        approved_at=approved_at,
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
) -> Meeting:
    require_manager(actor, body.council)
    meeting = Meeting(
        council=body.council,
        body=body,
        starts_at=starts_at,
        location=location,
        is_public=is_public,
        series=series,
    )
    return create_tracked(meeting, actor, verb="scheduled")


@transaction.atomic
def schedule_series(
    actor: Any,
    body: Body,
    first_starts_at: datetime.datetime,
    until: datetime.date,
    every_days: int | None = None,
    location: str = "",
    is_public: bool = True,
) -> list[Meeting]:
    """Meetings every `every_days` (the body's cycle, six weeks by default) up to `until`."""
    step = datetime.timedelta(days=every_days or body.cycle_days)
    series = f"{body.slug}-{first_starts_at:%Y%m%d}"
    meetings = []
    starts_at = first_starts_at
    while timezone.localtime(starts_at).date() <= until:
        meetings.append(schedule_meeting(actor, body, starts_at, location, is_public, series))
        starts_at += step
    return meetings


@transaction.atomic
def add_agenda_item(actor: Any, meeting: Meeting, title: str, **fields: Any) -> AgendaItem:
    """Add a numbered item; `exempt_paragraph` (1 to 7) makes it exempt under Schedule 12A."""
    require_manager(actor, meeting.council)
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
    require_manager(actor, item.meeting.council)
    paper = Paper(
        item=item,
        name=upload.name,
        content_type=getattr(upload, "content_type", None) or "application/octet-stream",
        size=upload.size,
    )
    paper.file.save(upload.name, upload, save=False)
    return create_tracked(paper, actor)


@transaction.atomic
def publish_agenda(actor: Any, meeting: Meeting, on: datetime.date | None = None) -> Meeting:
    """Publish the agenda, refused when fewer than the council's clear days remain."""
    require_manager(actor, meeting.council)
    on = on or timezone.localdate()
    needed = meeting.council.agenda_clear_days
    remaining = clear_days(on, meeting_day(meeting))
    if remaining < needed:
        raise ValidationError(
            f"The agenda must be published at least {needed} clear working days before the "
            f"meeting; only {remaining} remain."
        )
    meeting.agenda_published_on = on
    return save_tracked(meeting, actor, verb="agenda published")


@transaction.atomic
def record_attendance(
    actor: Any,
    meeting: Meeting,
    person: Any,
    status: str,
    substitute_for: Any = None,
    capacity: str = "",
) -> Attendance:
    require_manager(actor, meeting.council)
    if person.council_id != meeting.council_id:
        raise ValidationError({"person": "Choose a person from this council"})
    if status == Attendance.Status.SUBSTITUTE and substitute_for is None:
        raise ValidationError({"substitute_for": "Say whom this person substituted for"})
    existing = meeting.attendance.filter(person=person).first()
    if existing:
        existing.status, existing.substitute_for, existing.capacity = (
            status,
            substitute_for,
            capacity,
        )
        return save_tracked(existing, actor, verb="attendance changed")
    record = Attendance(
        meeting=meeting,
        person=person,
        status=status,
        substitute_for=substitute_for,
        capacity=capacity,
    )
    return create_tracked(record, actor, verb="attendance recorded")


@transaction.atomic
def declare_interest(
    actor: Any, item: AgendaItem, person: Any, kind: str, detail: str = ""
) -> Declaration:
    require_manager(actor, item.meeting.council)
    if kind not in Declaration.Kind.values:
        raise ValidationError({"kind": "Choose the kind of declaration"})
    declaration = Declaration(item=item, person=person, kind=kind, detail=detail)
    return create_tracked(declaration, actor, verb="interest declared")


@transaction.atomic
def add_work_programme_item(actor: Any, body: Body, title: str, **fields: Any) -> ForwardItem:
    """An item planned for a future meeting, with contact officer and report deadlines."""
    require_manager(actor, body.council)
    draft, final = fields.get("draft_deadline"), fields.get("final_deadline")
    if draft and final and final < draft:
        raise ValidationError({"final_deadline": "The final deadline must follow the draft one"})
    meeting = fields.get("meeting")
    if meeting is not None and not fields.get("meeting_on"):
        fields["meeting_on"] = meeting_day(meeting)
    return create_tracked(ForwardItem(body=body, title=title, **fields), actor)


REPORTING_ROUTES = (Body.Kind.FULL_COUNCIL, Body.Kind.SCRUTINY, Body.Kind.SAFEGUARDING)


@transaction.atomic
def add_reporting_route_items(actor: Any, meeting: Meeting) -> list[ForwardItem]:
    """After a board meeting, put its report on the forward agendas of Council, Scrutiny
    and the safeguarding partnership (terms of reference item 12), once each."""
    require_manager(actor, meeting.council)
    if meeting.body.kind != Body.Kind.IMPROVEMENT_BOARD:
        raise ValidationError("Reporting routes follow meetings of the improvement board")
    created = []
    for body in meeting.council.bodies.live().filter(kind__in=REPORTING_ROUTES):
        if body.forward_items.filter(source_meeting=meeting).exists():
            continue
        target = (
            body.meetings.live()
            .filter(starts_at__gt=meeting.starts_at)
            .exclude(status="cancelled")
            .order_by("starts_at")
            .first()
        )
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

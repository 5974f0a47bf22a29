"""Minutes, resolutions and the action log: each step a named, audited verb.

Minutes go draft -> approved (a decision recorded at the next meeting of the
same body) -> published, each step only by the roles `permissions` declares.
Every edit of a record a person has read carries the version it was read at.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.text import reads_as_empty
from improvement.core.tracking import create_tracked, save_tracked
from improvement.meetings.models import AgendaItem, Decision, Meeting, MeetingAction, MinuteComment
from improvement.meetings.services import MANAGE, meeting_day
from improvement.plans import ports as plan_services


@transaction.atomic
def draft_minute(
    actor: Any, item: AgendaItem, text: str, expected_version: int | None = None
) -> AgendaItem:
    access.require(actor, MANAGE, item)
    meeting = item.meeting
    if meeting.minutes_status in ("approved", "published"):
        raise ValidationError("These minutes have been approved and can no longer be changed")
    if meeting.starts_at > timezone.now():
        raise ValidationError({"text": "Minutes can be written once the meeting has started"})
    item.minute = text
    save_tracked(item, actor, expected_version=expected_version, verb="minute drafted")
    if meeting.minutes_status == "none":
        meeting.minutes_status = Meeting.Minutes.DRAFT
        save_tracked(meeting, actor, verb="minutes drafted")
    return item


@transaction.atomic
def comment_on_minutes(actor: Any, meeting: Meeting, text: str) -> MinuteComment:
    access.require(actor, "meetings.comment_on_minutes", meeting)
    if reads_as_empty(text):
        raise ValidationError({"text": "Enter your comment"})
    return create_tracked(MinuteComment(meeting=meeting, author=actor, text=text), actor)


def _check_approval(meeting: Meeting, at_meeting: Meeting) -> None:
    if meeting.minutes_status != Meeting.Minutes.DRAFT:
        raise ValidationError("Only draft minutes can be approved")
    if at_meeting.body_id != meeting.body_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(
            {"at_meeting": "Minutes are approved at a later meeting of the same body"}
        )
    if meeting_day(at_meeting) > timezone.localdate():
        raise ValidationError(
            {
                "at_meeting": "Minutes are approved at a meeting that has taken place: record "
                "the approval on or after the day of that meeting"
            }
        )


@transaction.atomic
def approve_minutes(
    actor: Any, meeting: Meeting, at_meeting: Meeting, expected_version: int | None = None
) -> Decision:
    """Approve the minutes as a true record: a decision of a later meeting of the body."""
    access.require(actor, "meetings.approve_minutes", meeting)
    _check_approval(meeting, at_meeting)

    def apply() -> None:
        meeting.minutes_status = Meeting.Minutes.APPROVED
        meeting.minutes_approved_at = at_meeting

    save_tracked(
        meeting, actor, expected_version=expected_version, verb="minutes approved", apply=apply
    )
    decision = Decision(
        council=meeting.council,
        meeting=at_meeting,
        kind=Decision.Kind.MINUTES,
        text=f"The minutes of the meeting held on {meeting_day(meeting):%-d %B %Y} "
        "were agreed as a true and accurate record.",
        decided_on=meeting_day(at_meeting),
        decision_maker=meeting.body.name,
    )
    return create_tracked(decision, actor)


@transaction.atomic
def publish_minutes(
    actor: Any,
    meeting: Meeting,
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Meeting:
    access.require(actor, "meetings.publish_minutes", meeting)
    if meeting.minutes_status != Meeting.Minutes.APPROVED:
        raise ValidationError("Minutes are published only once approved as a true record")
    meeting.minutes_status = Meeting.Minutes.PUBLISHED
    meeting.minutes_published_on = on or timezone.localdate()
    return save_tracked(meeting, actor, expected_version=expected_version, verb="minutes published")


@transaction.atomic
def record_resolution(actor: Any, item: AgendaItem, text: str) -> Decision:
    """A resolution of the meeting on one item ("RESOLVED to note the report")."""
    access.require(actor, MANAGE, item)
    meeting = item.meeting
    decision = Decision(
        council=meeting.council,
        meeting=meeting,
        item=item,
        kind=Decision.Kind.RESOLUTION,
        text=text,
        decided_on=meeting_day(meeting),
        decision_maker=meeting.body.name,
    )
    return create_tracked(decision, actor, verb="resolution recorded")


def _new_plan_action(actor: Any, meeting: Meeting, text: str, owner: Any, due_on, spec) -> Any:
    objective = spec["objective"]
    organisation = spec.get("organisation") or (owner.organisation if owner else None)
    if organisation is None:
        organisation = meeting.council.organisations.live().first()
    data = {
        "title": spec.get("title") or text,
        "ref": spec.get("ref", ""),
        "organisation": organisation,
        "due_on": due_on,
        "owners": [owner] if owner else [],
    }
    return plan_services.create_action(actor, objective, data)


@transaction.atomic
def add_meeting_action(
    actor: Any,
    meeting: Meeting,
    text: str,
    owner: Any = None,
    due_on: datetime.date | None = None,
    item: AgendaItem | None = None,
    kind: str = MeetingAction.Kind.ACTION,
    plan_action: Any = None,
    new_plan_action: dict[str, Any] | None = None,
) -> MeetingAction:
    """Log an action arising from a meeting; it may link to, or create, a plan action."""
    access.require(actor, MANAGE, meeting)
    if plan_action is not None and plan_action.council_id != meeting.council_id:
        raise ValidationError({"plan_action": "Choose an action of this council's plan"})
    if new_plan_action:
        plan_action = _new_plan_action(actor, meeting, text, owner, due_on, new_plan_action)
    entry = MeetingAction(
        council=meeting.council,
        meeting=meeting,
        item=item,
        kind=kind,
        text=text,
        owner=owner,
        due_on=due_on,
        plan_action=plan_action,
    )
    return create_tracked(entry, actor, verb="action logged")


def change_plan_action(
    actor: Any, entry: MeetingAction, data: dict[str, Any], expected_version: int
) -> Any:
    """A board decision changing the plan action an entry is linked to."""
    access.require(actor, MANAGE, entry)
    if entry.plan_action is None:
        raise ValidationError("This entry is not linked to a plan action")
    return plan_services.change_action(actor, entry.plan_action, data, expected_version)


@transaction.atomic
def close_meeting_action(
    actor: Any,
    entry: MeetingAction,
    outcome: str = "",
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> MeetingAction:
    access.require(actor, MANAGE, entry)
    if entry.status == MeetingAction.Status.DONE:
        raise ValidationError("This action is already closed")
    entry.status = MeetingAction.Status.DONE
    entry.closed_on = on or timezone.localdate()
    entry.outcome = outcome
    return save_tracked(entry, actor, expected_version=expected_version, verb="action closed")

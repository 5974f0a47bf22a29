"""Minutes, decisions, call-in and the action log: each step a named, audited verb.

Minutes go draft -> approved (a decision recorded at the next meeting of the
same body) -> published, each step only by the roles `access` permits.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.working_days import add_working_days
from improvement.meetings import access
from improvement.meetings.models import (
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingAction,
    MinuteComment,
)
from improvement.meetings.services import meeting_day, require_manager
from improvement.plans import services as plan_services


@transaction.atomic
def draft_minute(actor: Any, item: AgendaItem, text: str) -> AgendaItem:
    meeting = item.meeting
    require_manager(actor, meeting.council)
    if meeting.minutes_status in ("approved", "published"):
        raise ValidationError("These minutes have been approved and can no longer be changed")
    if meeting.starts_at > timezone.now():
        raise ValidationError({"text": "Minutes can be written once the meeting has started"})
    item.minute = text
    save_tracked(item, actor, verb="minute drafted")
    if meeting.minutes_status == "none":
        meeting.minutes_status = Meeting.Minutes.DRAFT
        save_tracked(meeting, actor, verb="minutes drafted")
    return item


@transaction.atomic
def comment_on_minutes(actor: Any, meeting: Meeting, text: str) -> MinuteComment:
    if not access.can_comment_on_minutes(actor, meeting):
        raise PermissionDenied("Only those who attended can comment on draft minutes.")
    if not text.strip():
        raise ValidationError({"text": "Enter your comment"})
    return create_tracked(MinuteComment(meeting=meeting, author=actor, text=text), actor)


@transaction.atomic
def approve_minutes(actor: Any, meeting: Meeting, at_meeting: Meeting) -> Decision:
    """Approve the minutes as a true record: a decision of a later meeting of the body."""
    if not access.can_approve_minutes(actor, meeting):
        raise PermissionDenied("You cannot approve these minutes.")
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
    decision = create_tracked(
        Decision(
            council=meeting.council,
            meeting=at_meeting,
            kind=Decision.Kind.MINUTES,
            text=f"The minutes of the meeting held on {meeting_day(meeting):%-d %B %Y} "
            "were agreed as a true and accurate record.",
            decided_on=meeting_day(at_meeting),
            decision_maker=meeting.body.name,
        ),
        actor,
    )
    meeting.minutes_status = Meeting.Minutes.APPROVED
    meeting.minutes_approved_at = at_meeting
    save_tracked(meeting, actor, verb="minutes approved")
    return decision


@transaction.atomic
def publish_minutes(actor: Any, meeting: Meeting, on: datetime.date | None = None) -> Meeting:
    if not access.can_publish_minutes(actor, meeting):
        raise PermissionDenied("Only the board manager can publish minutes.")
    if meeting.minutes_status != Meeting.Minutes.APPROVED:
        raise ValidationError("Minutes are published only once approved as a true record")
    meeting.minutes_status = Meeting.Minutes.PUBLISHED
    meeting.minutes_published_on = on or timezone.localdate()
    return save_tracked(meeting, actor, verb="minutes published")


@transaction.atomic
def record_resolution(actor: Any, item: AgendaItem, text: str) -> Decision:
    """A resolution of the meeting on one item ("RESOLVED to note the report")."""
    meeting = item.meeting
    require_manager(actor, meeting.council)
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


@transaction.atomic
def publish_executive_decision(
    actor: Any,
    council: Council,
    text: str,
    decided_on: datetime.date,
    decision_maker: str,
    published_on: datetime.date | None = None,
    scrutiny: Body | None = None,
) -> Decision:
    """Publish an executive decision: it may be implemented once the call-in period,
    the council's working days after publication (not counting that day), has expired."""
    require_manager(actor, council)
    published_on = published_on or timezone.localdate()
    ends = add_working_days(published_on, council.call_in_working_days)
    decision = Decision(
        council=council,
        kind=Decision.Kind.EXECUTIVE,
        text=text,
        decided_on=decided_on,
        decision_maker=decision_maker,
        published_on=published_on,
        call_in_ends_on=ends,
        implementable_on=ends + datetime.timedelta(days=1),
        scrutiny=scrutiny,
    )
    return create_tracked(decision, actor, verb="decision published")


@transaction.atomic
def request_call_in(
    actor: Any, decision: Decision, members: list[Any], on: datetime.date | None = None
) -> Decision:
    """Call a decision in: needs the set number of current members of one scrutiny committee."""
    require_manager(actor, decision.council)
    on = on or timezone.localdate()
    if decision.kind != Decision.Kind.EXECUTIVE or decision.called_in_on:
        raise ValidationError("Only a published executive decision not yet called in")
    if on > decision.call_in_ends_on:
        raise ValidationError(f"The call-in period ended on {decision.call_in_ends_on:%-d %B %Y}")
    committee = decision.scrutiny
    if committee is None or committee.kind != Body.Kind.SCRUTINY:
        raise ValidationError("Name the scrutiny committee the decision goes to")
    current = set(
        committee.memberships.filter(substitute=False)
        .exclude(ends_on__lt=on)
        .values_list("person_id", flat=True)
    )
    valid = {m.pk for m in members if m.pk in current}
    if len(valid) < committee.call_in_members:
        raise ValidationError(
            f"A call-in needs {committee.call_in_members} members of {committee.name}; "
            f"{len(valid)} given"
        )

    def apply() -> None:
        decision.called_in_on = on
        decision.called_in_by.set(valid)

    return save_tracked(decision, actor, verb="called in", apply=apply)


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
    require_manager(actor, meeting.council)
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
    if entry.plan_action is None:
        raise ValidationError("This entry is not linked to a plan action")
    return plan_services.change_action(actor, entry.plan_action, data, expected_version)


@transaction.atomic
def close_meeting_action(
    actor: Any, entry: MeetingAction, outcome: str = "", on: datetime.date | None = None
) -> MeetingAction:
    require_manager(actor, entry.council)
    if entry.status == MeetingAction.Status.DONE:
        raise ValidationError("This action is already closed")
    entry.status = MeetingAction.Status.DONE
    entry.closed_on = on or timezone.localdate()
    entry.outcome = outcome
    return save_tracked(entry, actor, verb="action closed")

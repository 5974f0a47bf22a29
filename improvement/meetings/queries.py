"""Reads of bodies and meetings, named for what they are for.

Views and the public site reach records through these functions, which take the
council, so no page can show another council's meetings.
"""

import datetime
from typing import Any

from django.db.models import Count, Q

from improvement.core.models import Council
from improvement.meetings.managers import MeetingQuerySet
from improvement.meetings.models import AgendaItem, Attendance, ForwardItem


def bodies_of(council: Council) -> Any:
    """Bodies with their count of members: the secretariat and substitutes not counted."""
    members = Q(memberships__substitute=False) & ~Q(memberships__position="secretariat")
    return council.bodies.live().annotate(
        member_count=Count("memberships", filter=members, distinct=True)
    )


def body_by_slug(council: Council, slug: str) -> Any:
    return council.bodies.live().filter(slug=slug).first()


def meetings_of(council: Council) -> MeetingQuerySet:
    return council.meetings.live().for_lists()


def upcoming_meetings(council: Council, day: datetime.date | None = None) -> MeetingQuerySet:
    return council.meetings.upcoming(day).for_lists()


def action_log(council: Council, see: dict[int, bool]) -> Any:
    """The council's action log less each entry raised under an exempt item of a body
    whose exempt items the reader may not see (`see`: body id to whether they may, as
    `permissions.exempt_seen_by` gives it; a body missing from it is withheld)."""
    seen = [body for body, sees in see.items() if sees]
    return council.meeting_actions.for_lists().filter(
        Q(item__isnull=True) | Q(item__exempt_paragraph__isnull=True) | Q(meeting__body__in=seen)
    )


def open_actions_carried_forward(meeting: Any) -> Any:
    return meeting.council.meeting_actions.carried_to(meeting).for_lists()


def work_programme(body: Any) -> Any:
    return body.forward_items.select_related("meeting", "source_meeting", "source_meeting__body")


def overdue_work_programme_items(council: Council, day: datetime.date | None = None) -> Any:
    return (
        ForwardItem.objects.filter(body__council=council)
        .future(day)
        .past_deadline(day)
        .select_related("body")
    )


def previous_meeting(meeting: Any) -> Any:
    return (
        meeting.body.meetings.live()
        .filter(starts_at__lt=meeting.starts_at)
        .exclude(status="cancelled")
        .order_by("-starts_at")
        .first()
    )


def next_meeting(meeting: Any) -> Any:
    return (
        meeting.body.meetings.live()
        .filter(starts_at__gt=meeting.starts_at)
        .exclude(status="cancelled")
        .order_by("starts_at")
        .first()
    )


def board_meetings_held(council: Council, day: datetime.date) -> Any:
    """Meetings of the improvement board held on or before `day`, latest first."""
    return (
        council.meetings.live()
        .filter(body__kind="improvement_board", starts_at__date__lte=day)
        .exclude(status="cancelled")
        .order_by("-starts_at")
    )


def last_board_meeting_on_or_before(council: Council, day: datetime.date) -> Any:
    """The latest meeting of the improvement board held on or before `day`."""
    return board_meetings_held(council, day).first()


def public_council(slug: str) -> Council | None:
    """A council by slug for the public site (no sign-in)."""
    return Council.objects.filter(slug=slug).first()


def councils_with_public_content() -> Any:
    """Councils with a meeting the public site lists (a scheduled one included)."""
    # One filter() call: every condition holds of the same meeting (as `listed()`).
    return Council.objects.filter(
        Q(meetings__agenda_published_on__isnull=False) | Q(meetings__is_public=True),
        meetings__archived_at__isnull=True,
        meetings__body__archived_at__isnull=True,
    ).distinct()


def items_of(council: Council) -> Any:
    return AgendaItem.objects.filter(meeting__council=council).of_live_meetings()


def meeting_with_items(council: Council, pk: int) -> Any:
    """A live meeting with everything its agenda page shows, or None."""
    return council.meetings.live().with_items().filter(pk=pk).first()


def later_meetings(meeting: Any) -> Any:
    """The meetings of the same body after this one: where its minutes may be approved."""
    return meeting.body.meetings.live().filter(starts_at__gt=meeting.starts_at)


def attendance_of(council: Council) -> Any:
    return Attendance.objects.filter(meeting__council=council).select_related("person", "meeting")

"""Reads of bodies and meetings, named for what they are for.

Views and the public site reach records through these functions, which take the
council, so no page can show another council's meetings.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from improvement.core.models import Council, LiveQuerySet


class MeetingQuerySet(LiveQuerySet):
    def upcoming(self, day: datetime.date | None = None) -> "MeetingQuerySet":
        day = day or timezone.localdate()
        return self.live().filter(starts_at__date__gte=day).exclude(status="cancelled")

    def past(self, day: datetime.date | None = None) -> "MeetingQuerySet":
        day = day or timezone.localdate()
        return self.live().filter(starts_at__date__lt=day).order_by("-starts_at")

    def for_lists(self) -> "MeetingQuerySet":
        return self.select_related("body").annotate(
            item_count=Count("items", distinct=True),
            open_action_count=Count(
                "action_log", filter=Q(action_log__status="open"), distinct=True
            ),
        )

    def published(self) -> "MeetingQuerySet":
        """Meetings the public may see: agenda published, body live."""
        return self.live().filter(agenda_published_on__isnull=False, body__archived_at__isnull=True)


class MeetingActionQuerySet(models.QuerySet):
    def open(self) -> "MeetingActionQuerySet":
        return self.filter(status="open")

    def carried_to(self, meeting: Any) -> "MeetingActionQuerySet":
        """Open actions from earlier meetings of the same body: the log a meeting reviews."""
        return self.open().filter(
            meeting__body=meeting.body, meeting__starts_at__lt=meeting.starts_at
        )

    def overdue(self, day: datetime.date | None = None) -> "MeetingActionQuerySet":
        day = day or timezone.localdate()
        return self.open().filter(due_on__lt=day)

    def for_lists(self) -> "MeetingActionQuerySet":
        return self.select_related("meeting", "meeting__body", "owner", "item", "plan_action")


class ForwardItemQuerySet(models.QuerySet):
    def future(self, day: datetime.date | None = None) -> "ForwardItemQuerySet":
        day = day or timezone.localdate()
        return self.filter(Q(meeting_on__gte=day) | Q(meeting_on__isnull=True))

    def past_deadline(self, day: datetime.date | None = None) -> "ForwardItemQuerySet":
        """Reports not yet received whose final (or, failing that, draft) deadline has passed."""
        day = day or timezone.localdate()
        return self.filter(report_received_on__isnull=True).filter(
            Q(final_deadline__lt=day) | Q(final_deadline__isnull=True, draft_deadline__lt=day)
        )


def bodies_of(council: Council) -> Any:
    return council.bodies.live().annotate(member_count=Count("memberships", distinct=True))


def body_by_slug(council: Council, slug: str) -> Any:
    return council.bodies.live().filter(slug=slug).first()


def meetings_of(council: Council) -> MeetingQuerySet:
    return council.meetings.live().for_lists()


def upcoming_meetings(council: Council, day: datetime.date | None = None) -> MeetingQuerySet:
    return council.meetings.upcoming(day).for_lists()


def action_log(council: Council) -> Any:
    return council.meeting_actions.for_lists()


def open_actions_carried_forward(meeting: Any) -> Any:
    return meeting.council.meeting_actions.carried_to(meeting).for_lists()


def work_programme(body: Any) -> Any:
    return body.forward_items.select_related("meeting", "source_meeting", "source_meeting__body")


def overdue_work_programme_items(council: Council, day: datetime.date | None = None) -> Any:
    from improvement.meetings.models import ForwardItem

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


def public_council(slug: str) -> Council | None:
    """A council by slug for the public site (no sign-in)."""
    return Council.objects.filter(slug=slug).first()


def councils_with_public_content() -> Any:
    return Council.objects.filter(
        meetings__agenda_published_on__isnull=False, meetings__archived_at__isnull=True
    ).distinct()


def items_of(council: Council) -> Any:
    from improvement.meetings.models import AgendaItem

    return AgendaItem.objects.filter(
        meeting__council=council, meeting__archived_at__isnull=True
    ).select_related("meeting", "meeting__body", "meeting__council")


def executive_decisions_of(council: Any) -> Any:
    """Published executive decisions, newest first, with their call-in state."""
    return (
        council.decisions.filter(kind="executive")
        .select_related("scrutiny")
        .prefetch_related("called_in_by")
        .order_by("-published_on", "-id")
    )

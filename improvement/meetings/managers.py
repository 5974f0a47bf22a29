"""QuerySets of bodies and meetings, named for what they are for.

The models import these (`objects = MeetingQuerySet.as_manager()`); nothing here
imports the models, so the two never form a cycle.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from improvement.core.changes import changed_since
from improvement.core.models import LiveQuerySet

ITEM_PREFETCH = (
    "items__papers",
    "items__decisions",
    "items__declarations__person",
    "items__log_entries__owner",
    "items__actions",
)


class MeetingQuerySet(LiveQuerySet):
    def upcoming(self, day: datetime.date | None = None) -> "MeetingQuerySet":
        day = day or timezone.localdate()
        return self.live().filter(starts_at__date__gte=day).exclude(status="cancelled")

    def past(self, day: datetime.date | None = None) -> "MeetingQuerySet":
        day = day or timezone.localdate()
        return self.live().filter(starts_at__date__lt=day).order_by("-starts_at")

    def for_lists(self) -> "MeetingQuerySet":
        return self.select_related("body").annotate(
            item_count=Count("items", filter=Q(items__archived_at__isnull=True), distinct=True),
            open_action_count=Count(
                "action_log", filter=Q(action_log__status="open"), distinct=True
            ),
        )

    def with_items(self) -> "MeetingQuerySet":
        """Everything `presenters.item_views` reads, fetched up front."""
        return self.select_related("body", "council").prefetch_related(*ITEM_PREFETCH)

    def with_agenda(self) -> "MeetingQuerySet":
        """The agenda and its decisions, for a reader of the record rather than the page."""
        return self.select_related("body").prefetch_related(
            "items", "items__decisions", "decisions"
        )

    def changed_since(self, since: datetime.datetime) -> "MeetingQuerySet":
        """Meetings saved since a moment, or whose agenda or decisions were."""
        return changed_since(self, since, ("items", "decisions"))

    def listed(self) -> "MeetingQuerySet":
        """Meetings the public site and its calendar list: every meeting whose papers the
        public reads, from the day it is scheduled (its agenda to follow), so a subscriber
        sees the next one; a meeting held in private only once its agenda is published,
        as before. Cancelled meetings stay listed, marked cancelled, so a calendar drops
        them."""
        return self.live().filter(
            Q(agenda_published_on__isnull=False) | Q(is_public=True),
            body__archived_at__isnull=True,
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

    def changed_since(self, since: datetime.datetime) -> "MeetingActionQuerySet":
        return changed_since(self, since)

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


class BodyMembershipQuerySet(models.QuerySet):
    def current(self, day: datetime.date | None = None) -> "BodyMembershipQuerySet":
        """Memberships in force on `day`: neither ended nor yet to start."""
        day = day or timezone.localdate()
        return self.exclude(ends_on__lt=day).exclude(starts_on__gt=day)


class AgendaItemQuerySet(models.QuerySet):
    def of_live_meetings(self) -> "AgendaItemQuerySet":
        return self.filter(meeting__archived_at__isnull=True).select_related(
            "meeting", "meeting__body", "meeting__council"
        )


class AgendaItemManager(models.Manager.from_queryset(AgendaItemQuerySet)):  # type: ignore[misc]
    """An agenda's items without those withdrawn: the default manager, so every reader
    (`meeting.items`, prefetches, the pack, the feeds) loses a withdrawn item at once
    while its record and history stay (docs/adr/033)."""

    def get_queryset(self) -> AgendaItemQuerySet:
        return super().get_queryset().filter(archived_at__isnull=True)

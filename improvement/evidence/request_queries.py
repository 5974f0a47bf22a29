"""Reads of update requests named for intent: who has replied (by the request's page
or by an ordinary update recorded since), how the emails went, and what waits for
a person (docs/adr/032)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from improvement.core.models import Council
from improvement.evidence.models import EmailStatus, UpdateReminder, UpdateRequestRecipient
from improvement.plans.ports import Action, Rating


def open_actions(council: Council) -> QuerySet:
    """The live actions still to report on: a Blue accepted by the board closes one."""
    not_blue = [rating for rating in Rating.values if rating != Rating.BLUE]
    # Spelt out: NOT (rating = 'blue') is unknown, so false, for an action never rated.
    return (
        council.actions.live()
        .with_ratings()
        .filter(Q(latest_rating__isnull=True) | Q(latest_rating__in=not_blue))
    )


def with_replies(recipients: QuerySet) -> QuerySet:
    """Each owner's `replied_at`: their answer on the request's page, or else the first
    update they recorded themselves on one of their actions since the request was made.
    Either way the owner has told the board; a second "reply" step would only ask
    again. An update someone else recorded (a co-owner, the board manager's import of
    the plan) is not this owner's reply; an owner who does not sign in answers on the
    request's page, which their email links to."""
    updates = (
        Action._meta.get_field("updates")
        .related_model.objects.filter(
            action__owners=OuterRef("person"),
            action__council=OuterRef("request__council"),
            created_at__gte=OuterRef("request__created_at"),
            created_by=OuterRef("person__user"),
        )
        .order_by("created_at")
    )
    return recipients.annotate(
        replied_at=Coalesce("responded_at", Subquery(updates.values("created_at")[:1]))
    )


def awaiting_reply(recipients: QuerySet) -> QuerySet:
    return with_replies(recipients).filter(replied_at__isnull=True)


def recipients_of(update_request: Any) -> list[Any]:
    return list(with_replies(update_request.recipients.select_related("person", "request")))


@dataclass
class Sending:
    """How a request's own emails went, counted from what the worker recorded: a
    request says "sent to 15 owners" only once 15 emails have gone. Reminders are
    counted apart (`reminder_rounds`) and never change these counts."""

    asked: int
    sent: int
    waiting: int
    failed: int
    no_email: int
    first_sent_at: datetime.datetime | None = None

    @property
    def finished(self) -> bool:
        return self.waiting == 0

    @property
    def sent_on(self) -> datetime.date | None:
        """The day the request's emails went (the first of them)."""
        return timezone.localdate(self.first_sent_at) if self.first_sent_at else None


def sending(update_request: Any) -> Sending:
    counts = update_request.recipients.aggregate(
        asked=Count("pk"),
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        waiting=Count("pk", filter=Q(email_kind="asked", email_status=EmailStatus.QUEUED)),
        failed=Count("pk", filter=Q(sent_at__isnull=True, email_status=EmailStatus.FAILED)),
        no_email=Count("pk", filter=Q(email="")),
        first_sent_at=Min("sent_at"),
    )
    return Sending(**counts)


@dataclass
class ReminderRound:
    """The reminders of one day: how many owners were reminded, and how the emails went."""

    sent_on: datetime.date
    owners: int
    failed: int
    waiting: int


def reminder_rounds(update_request: Any) -> list[ReminderRound]:
    """The request's reminders by the day they went, earliest first (one query): what
    the request's page says after "sent to 15 owners on 3 May", as "reminded 4 on 10 May"."""
    rows = (
        UpdateReminder.objects.filter(recipient__request=update_request)
        .values("sent_on")
        .annotate(
            owners=Count("recipient", distinct=True),
            failed=Count("pk", filter=Q(email_status=EmailStatus.FAILED)),
            waiting=Count("pk", filter=Q(email_status=EmailStatus.QUEUED)),
        )
        .order_by("sent_on")
    )
    return [ReminderRound(**row) for row in rows]


@dataclass
class WaitingRequest:
    """An update request waiting for one person, as a start page's panel shows it."""

    title: str
    asked_on: Any
    due_on: Any
    message: str
    actions: list[Any]
    token: str


def waiting_for(user: Any, council: Council) -> list[WaitingRequest]:
    """The live requests a person has yet to answer, soonest due first, each with the
    open actions it asks about (three queries)."""
    recipients = awaiting_reply(
        UpdateRequestRecipient.objects.filter(
            request__council=council,
            request__archived_at__isnull=True,
            person__user=user,
            person__council=council,
        ).select_related("request", "person")
    ).order_by("request__due_on", "pk")
    recipients = list(recipients)
    if not recipients:
        return []
    person_ids = {r.person_id for r in recipients}
    actions: dict[int, list[Any]] = {pk: [] for pk in person_ids}
    for action in (
        open_actions(council)
        .filter(owners__in=person_ids)
        .distinct()
        .order_by("objective__position", "position", "id")
        .prefetch_related("owners")
    ):
        for owner in action.owners.all():
            if owner.pk in actions:
                actions[owner.pk].append(action)
    return [
        WaitingRequest(
            r.request.title,
            r.sent_at or r.request.created_at,
            r.request.due_on,
            r.request.message,
            actions[r.person_id],
            r.token,
        )
        for r in recipients
    ]

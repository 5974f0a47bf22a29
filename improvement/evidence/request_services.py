"""Asking owners for updates ahead of a board meeting: the request, its emails,
the reminders before and after the due date, and the owners' replies.

Each email is its own task, enqueued after the request commits and sent by the
worker, which records its outcome on the owner's row (docs/adr/012)."""

import datetime
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from improvement.accounts.models import Person
from improvement.core import access, audit
from improvement.core.actors import require_actor
from improvement.core.models import Council
from improvement.core.tasks import MAIL_ERRORS, enqueue_after_commit, retry
from improvement.core.tracking import create_tracked
from improvement.evidence import request_queries
from improvement.evidence.models import (
    EmailStatus,
    UpdateReminder,
    UpdateRequest,
    UpdateRequestRecipient,
)
from improvement.plans.ports import record_update

ASKED, BEFORE, AFTER = "asked", "before", "after"
SUBJECTS = {
    ASKED: "Updates needed on your improvement plan actions by {due}",
    BEFORE: "Reminder: updates on your improvement plan actions are due by {due}",
    AFTER: "Overdue: updates on your improvement plan actions were due by {due}",
}


def owners_of_live_actions(council: Council) -> Any:
    """Everyone who owns an open action in the plan: whom a request goes to by default.
    An action closed by an accepted Blue is never asked about, nor is its owner for it."""
    return (
        council.people.live()
        .filter(actions__in=request_queries.open_actions(council).values("pk"))
        .distinct()
        .select_related("user")
        .order_by("name")
    )


def actions_for(person: Person) -> Any:
    """The owner's open actions: what a request asks them about."""
    return (
        request_queries.open_actions(person.council)
        .filter(owners=person)
        .select_related("objective")
        .order_by("objective__position", "position", "id")
    )


def without_email(people: list[Person]) -> list[Person]:
    """The owners no email can reach: named on the check page before anything is sent."""
    return [person for person in people if not email_for(person)]


# Said of the "people" field when a choice of owners is empty: never read as "everyone".
NO_OWNER_CHOSEN = "Select the owners to ask"


def chosen_owners(council: Council, people: Any) -> list[Person]:
    """The owners a request will go to: every owner of an open action when no choice
    was made (`people` is None), else exactly those chosen. An empty choice is refused
    on the field, never widened to everyone (docs/adr/045)."""
    if people is None:
        return list(owners_of_live_actions(council))
    chosen = list(people)
    if not chosen:
        raise ValidationError({"people": NO_OWNER_CHOSEN})
    return chosen


def email_for(person: Person) -> str:
    return person.email or (person.user.email if person.user_id else "")


def answer_url(recipient: UpdateRequestRecipient) -> str:
    path = reverse(
        "evidence:request_answer", args=[recipient.request.council.slug, recipient.token]
    )
    return settings.SITE_URL.rstrip("/") + path


def _message(
    recipient: UpdateRequestRecipient, kind: str, connection: Any = None
) -> mail.EmailMessage:
    request = recipient.request
    context = {
        "recipient": recipient,
        "request": request,
        "kind": kind,
        "url": answer_url(recipient),
        "actions": list(actions_for(recipient.person)),
    }
    subject = SUBJECTS[kind].format(due=f"{request.due_on:%-d %B %Y}")
    body = render_to_string("evidence/email/update_request.txt", context)
    return mail.EmailMessage(subject, body, None, [recipient.email], connection=connection)


def _send(row: Any, message: mail.EmailMessage, attempt: int, again: Any, **sent: Any) -> str:
    """Send one message and record how it went on `row` (a one-row queryset). A refusing
    mail server gets it again later (`again()`, a new task) until EMAIL_ATTEMPTS."""
    try:
        message.send(fail_silently=False)
    except MAIL_ERRORS as error:
        reason = (str(error) or type(error).__name__)[:500]
        # Recorded before the retry is enqueued: an immediate backend runs it at once.
        row.update(email_status=EmailStatus.QUEUED, email_attempts=attempt, email_error=reason)
        if not again():
            row.update(email_status=EmailStatus.FAILED)
            return EmailStatus.FAILED
        return EmailStatus.QUEUED
    row.update(email_status=EmailStatus.SENT, email_attempts=attempt, **sent)
    return EmailStatus.SENT


def deliver(pk: int, kind: str = ASKED, attempt: int = 1, connection: Any = None) -> str:
    """Send the request's own email to one owner and record how it went on their row:
    what the request counts as sent. Reminders go by `deliver_reminder`."""
    recipient = UpdateRequestRecipient.objects.select_related(
        "request__council", "person__user"
    ).get(pk=pk)
    row = UpdateRequestRecipient.objects.filter(pk=pk)

    def again() -> bool:
        return connection is None and retry(send_request_email, pk, kind, attempt=attempt)

    message = _message(recipient, kind, connection)
    return _send(row, message, attempt, again, sent_at=timezone.now())


def deliver_reminder(pk: int, attempt: int = 1, connection: Any = None) -> str:
    """Send one reminder and record how it went on the reminder's own row, leaving the
    request's email (and what it counted) as it was."""
    reminder = UpdateReminder.objects.select_related(
        "recipient__request__council", "recipient__person__user"
    ).get(pk=pk)

    def again() -> bool:
        return connection is None and retry(send_reminder_email, pk, attempt=attempt)

    message = _message(reminder.recipient, reminder.kind, connection)
    return _send(UpdateReminder.objects.filter(pk=pk), message, attempt, again)


@task()
def send_request_email(pk: int, kind: str = ASKED, attempt: int = 1) -> str:
    """The worker's job: the request's email to one owner (docs/adr/012)."""
    return deliver(pk, kind, attempt)


@task()
def send_reminder_email(pk: int, attempt: int = 1) -> str:
    """The worker's job: one reminder to one owner (docs/adr/012, 045)."""
    return deliver_reminder(pk, attempt)


def _queue(recipient: UpdateRequestRecipient, connection: Any = None) -> bool:
    """Queue the request's email to go once the transaction commits: a failed email
    never rolls back the request, nor repeats the others. A connection given (the
    demo's dummy one) sends in this process after commit, since a connection cannot
    go to a worker."""
    if not recipient.email:
        return False
    UpdateRequestRecipient.objects.filter(pk=recipient.pk).update(
        email_kind=ASKED, email_status=EmailStatus.QUEUED, email_attempts=0, email_error=""
    )
    if connection is None:
        enqueue_after_commit(send_request_email, recipient.pk, ASKED)
    else:
        transaction.on_commit(lambda: deliver(recipient.pk, ASKED, connection=connection))
    return True


def _queue_reminder(
    recipient: UpdateRequestRecipient, kind: str, today: datetime.date, connection: Any = None
) -> UpdateReminder:
    """A reminder of its own, queued to go once this commits, as `_queue`."""
    reminder = UpdateReminder.objects.create(
        recipient=recipient, kind=kind, sent_on=today, email_status=EmailStatus.QUEUED
    )
    if connection is None:
        enqueue_after_commit(send_reminder_email, reminder.pk)
    else:
        transaction.on_commit(lambda: deliver_reminder(reminder.pk, connection=connection))
    return reminder


def check_request(council: Council, data: dict[str, Any], people: Any) -> list[Person]:
    """The owners a request would go to, or the reason it cannot go: asked of the
    question page, so a refusal is named on the field before the check page."""
    chosen = chosen_owners(council, people)
    if not chosen:
        raise ValidationError({"people": "There are no owners of open actions to ask"})
    if data["due_on"] < timezone.localdate():
        raise ValidationError({"due_on": "The due date must be today or in the future"})
    return chosen


@transaction.atomic
def request_updates(
    actor: Any,
    council: Council,
    data: dict[str, Any],
    people: list[Person] | None = None,
    connection: Any = None,
) -> UpdateRequest:
    """Ask owners for updates by a date: those chosen (`people`, or the data's
    "people"), or, when neither is given, every owner of an open action. An empty
    choice is refused, not widened."""
    access.require(actor, "evidence.change", council)
    if people is None:
        people = data.get("people")
    data = {name: value for name, value in data.items() if name != "people"}
    chosen = check_request(council, data, people)
    update_request = create_tracked(
        UpdateRequest(council=council, **data), actor, verb="requested updates"
    )
    for person in chosen:
        recipient = UpdateRequestRecipient.objects.create(
            request=update_request, person=person, email=email_for(person)
        )
        _queue(recipient, connection)
    return update_request


def reminder_due(recipient: UpdateRequestRecipient, today: datetime.date) -> str | None:
    """Which reminder, if any, this owner should get today."""
    request = recipient.request
    replied = getattr(recipient, "replied_at", recipient.responded_at)
    if replied or request.archived_at or not recipient.email:
        return None
    before = request.due_on - datetime.timedelta(days=request.remind_before_days)
    if before <= today <= request.due_on:
        return None if recipient.reminded_before_on else BEFORE
    if today <= request.due_on:
        return None
    if recipient.chased_on is None:
        return AFTER
    since = (today - recipient.chased_on).days
    return AFTER if since >= max(request.chase_every_days, 1) else None


def awaiting_reminder(update_request: UpdateRequest, today: datetime.date) -> list[Any]:
    """The owners a reminder is for: those yet to reply (`request_queries.awaiting_reply`:
    an ordinary update recorded since the request is the reply) to a live request due
    in the last 90 days or later, who still own an open action it asks about. Empty for
    an archived request or one long past due: nobody is reminded of it."""
    # Every action it asked about may since have been closed by an accepted Blue.
    still_owns = request_queries.open_actions(update_request.council).filter(
        owners=OuterRef("person")
    )
    awaiting = (
        UpdateRequestRecipient.objects.awaiting_reply(today)
        .filter(request=update_request)
        .filter(Exists(still_owns))
    )
    return list(request_queries.awaiting_reply(awaiting))


def reminded_on(recipient: UpdateRequestRecipient, today: datetime.date) -> bool:
    return today in (recipient.reminded_before_on, recipient.chased_on)


def reminder_now(recipient: UpdateRequestRecipient, today: datetime.date) -> str | None:
    """The reminder the board manager's button sends this owner today, whatever the
    schedule: the same kind the daily job would send on the day ("before" until the
    due date, "overdue" after it), never a second on the same day, and none without
    an address."""
    if not recipient.email or reminded_on(recipient, today):
        return None
    return BEFORE if today <= recipient.request.due_on else AFTER


def remind_owners(
    actor: Any,
    update_request: UpdateRequest,
    today: datetime.date | None = None,
    connection: Any = None,
    scheduled: bool = False,
) -> int:
    """Remind the owners of one request who have not replied: the one way a reminder
    is made, by the daily job (`scheduled`: only the reminders due today by the
    request's schedule) and by the board manager's "Send the reminder" (everyone
    awaiting a reply with an address, not already reminded today). Each reminder is
    its own `UpdateReminder`, audited, its email sent by the worker after commit.
    Returns how many owners were reminded."""
    require_actor(actor)
    access.require(actor, "evidence.change", update_request.council)
    today = today or timezone.localdate()
    due = reminder_due if scheduled else reminder_now
    sent = 0
    with transaction.atomic():
        # One at a time per request: a second press waits, then finds everyone
        # reminded today (SQLite ignores FOR UPDATE and serialises writers anyway).
        UpdateRequest.objects.select_for_update().filter(pk=update_request.pk).first()
        for recipient in awaiting_reminder(update_request, today):
            kind = due(recipient, today)
            if kind:  # both ask only an owner with an address
                _queue_reminder(recipient, kind, today, connection)
                _mark_reminded(actor, recipient, kind, today)
                sent += 1
    return sent


def send_reminders(
    actor: Any,
    today: datetime.date | None = None,
    connection: Any = None,
    council: Council | None = None,
) -> int:
    """Send today's reminders for every open request (of one council, if given); run
    daily by a scheduler, which names itself as the actor (a `SystemActor`) in the
    audit log. A reminder already sent today is not sent again."""
    require_actor(actor)
    today = today or timezone.localdate()
    awaiting = UpdateRequestRecipient.objects.awaiting_reply(today)
    requests = UpdateRequest.objects.filter(pk__in=awaiting.values("request")).select_related(
        "council"
    )
    if council is not None:
        requests = requests.filter(council=council)
    return sum(
        remind_owners(actor, update_request, today, connection, scheduled=True)
        for update_request in requests.order_by("pk")
    )


def _mark_reminded(
    actor: Any, recipient: UpdateRequestRecipient, kind: str, today: datetime.date
) -> None:
    if kind == BEFORE:
        recipient.reminded_before_on = today
    else:
        recipient.chased_on = today
    recipient.reminders_sent += 1
    recipient.save(update_fields=["reminded_before_on", "chased_on", "reminders_sent"])
    audit.record(actor, f"sent {kind} reminder", recipient.request, council=recipient.council)


@transaction.atomic
def answer_request(
    actor: Any, recipient: UpdateRequestRecipient, answers: list[tuple[Any, dict[str, Any]]]
) -> list[Any]:
    """Record an update on each of the owner's actions, and mark the request answered."""
    access.require(actor, "evidence.answer", recipient)
    own = {action.pk for action in actions_for(recipient.person)}
    updates = []
    for action, data in answers:
        if action.pk not in own:
            raise PermissionDenied("That action is not one of this owner's.")
        updates.append(record_update(actor, action, dict(data)))
    recipient.responded_at = timezone.now()
    recipient.save(update_fields=["responded_at"])
    audit.record(actor, f"answered update request for {recipient.person}", recipient.request)
    return updates

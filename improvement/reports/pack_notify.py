"""Telling a body's members that the meeting's agenda pack is published.

The board manager publishes the pack once the agenda is published (a confirmation
first: email cannot be taken back). Each member's email is its own task, enqueued
once the transaction commits and retried on a refusing mail server; whom it went to
is written on the meeting's audit history as it is queued, so publishing again
emails only members not yet told, and its outcome is audited (docs/adr/012, 030).
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from improvement.accounts.models import Person
from improvement.core import access, audit
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.core.tasks import MAIL_ERRORS, enqueue_after_commit, retry
from improvement.documents.builds import request_build
from improvement.meetings import ports
from improvement.reports import pack

QUEUED = "agenda pack email queued"
PUBLISHED = "agenda pack published"
JOB = SystemActor("send_agenda_pack_email")
NOT_PUBLISHED = "Publish the agenda first: the pack goes to members with the agenda."


@dataclass
class Announcement:
    """Who the publication emails, who was told before, and who has no address."""

    emailed: list[str] = field(default_factory=list)
    told_before: list[str] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)


def told(meeting: Any) -> set[int]:
    """The people already emailed that this meeting's pack is published."""
    entries = audit.history_for(meeting).filter(verb=QUEUED)
    return {entry.after["person"] for entry in entries if entry.after}


def announcement(meeting: Any) -> Announcement:
    """What publishing the pack now would do: for the confirmation page, and the service."""
    before = told(meeting)
    result = Announcement()
    for person, email in ports.pack_recipients(meeting):
        if person.pk in before:
            result.told_before.append(person.name)
        elif not email:
            result.without_email.append(person.name)
        else:
            result.emailed.append(person.name)
    return result


@transaction.atomic
def publish_pack(actor: Any, meeting: Any) -> Announcement:
    """Email each member of the body not yet told that the pack is published, and have
    the worker make the packs now, so the first reader does not wait."""
    access.require(actor, ports.MANAGE, meeting)
    if not meeting.agenda_published_on:
        raise ValidationError(NOT_PUBLISHED)
    result = announcement(meeting)
    before = told(meeting)
    for person, email in ports.pack_recipients(meeting):
        if person.pk in before or not email:
            continue
        audit.record(actor, QUEUED, meeting, None, {"person": person.pk, "to": email})
        enqueue_after_commit(send_pack_email, meeting.council_id, meeting.pk, person.pk, email)
    audit.record(actor, PUBLISHED, meeting, None, {"emailed": len(result.emailed)})
    council = meeting.council
    request_build(actor, council, pack.KIND, pack.parameters(meeting, False), "pdf")
    if pack.has_restricted(meeting):
        request_build(actor, council, pack.KIND, pack.parameters(meeting, True), "pdf")
    return result


def _message(meeting: Any, signs_in: bool) -> tuple[str, str]:
    """The email: a member who signs in to the service is sent to the pack's page (the
    restricted pack is there for those who see exempt items); a member with no account
    to the public pack of a public meeting, which they can open."""
    when = timezone.localtime(meeting.starts_at)
    args = [meeting.council.slug, meeting.pk]
    public = not signs_in and meeting.is_public
    path = (
        reverse("public_reports:meeting_pack", args=args)
        if public
        else reverse("reports:pack", args=args)
    )
    link = settings.SITE_URL.rstrip("/") + path
    context = {"meeting": meeting, "when": when, "link": link, "signs_in": signs_in}
    subject = f"Agenda pack published: {meeting.body.name}, {when:%-d %B %Y}"
    return subject, render_to_string("reports/pack_email.txt", context)


@task()
def send_pack_email(
    council_pk: int, meeting_pk: int, person_pk: int, to: str, attempt: int = 1
) -> str:
    """The worker's job: one member's email, its outcome on the meeting's history."""
    council = Council.objects.get(pk=council_pk)
    meeting = council.meetings.select_related("body", "council").get(pk=meeting_pk)
    signs_in = Person.objects.filter(pk=person_pk, user__isnull=False).exists()
    subject, body = _message(meeting, signs_in)
    try:
        EmailMessage(subject, body, None, [to]).send(fail_silently=False)
    except MAIL_ERRORS as error:
        if retry(send_pack_email, council_pk, meeting_pk, person_pk, to, attempt=attempt):
            return "queued"
        reason = (str(error) or type(error).__name__)[:500]
        outcome = {"person": person_pk, "to": to, "attempts": attempt, "reason": reason}
        audit.record(JOB, "could not email agenda pack", meeting, None, outcome)
        return "failed"
    outcome = {"person": person_pk, "to": to, "attempts": attempt}
    audit.record(JOB, "emailed agenda pack", meeting, None, outcome)
    return "sent"

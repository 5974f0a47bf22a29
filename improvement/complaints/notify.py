"""The monthly overdue report: "a monthly report is sent to senior managers ... to
highlight complaints that are overdue" (seed 003). Only references, teams and stages are
sent, never names, because email leaves the system.

Each recipient's copy is its own task, enqueued once the job's transaction commits
and retried on a refusing mail server; its outcome goes on the council's audit log
(docs/adr/012)."""

from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from improvement.accounts.models import Role
from improvement.complaints.clock import overdue
from improvement.complaints.queries import settings_for
from improvement.core import access, audit
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.core.tasks import MAIL_ERRORS, enqueue_after_commit, retry

JOB = SystemActor("send_overdue_complaints_report")


@dataclass(frozen=True)
class Sent:
    count: int
    recipients: list[str]


def recipients_for(council: Any) -> list[str]:
    managers = council.memberships.filter(role=Role.COMPLAINTS_MANAGER).select_related("user")
    emails = [m.user.email for m in managers if m.user.email]
    extra = settings_for(council).overdue_report_to.split()
    return sorted(set(emails + extra))


def send_overdue_report(actor: Any, council: Any) -> Sent:
    """Email the overdue complaints; the monthly job names itself as the actor."""
    access.require(actor, "complaints.manage", council)
    today = timezone.localdate()
    items = overdue(council.representations.possibly_open(), today)
    recipients = recipients_for(council)
    if recipients:
        body = render_to_string(
            "complaints/overdue_email.txt", {"council": council, "items": items, "today": today}
        )
        subject = f"Overdue complaints, {council.name}: {len(items)} at {today:%-d %B %Y}"
        for address in recipients:
            enqueue_after_commit(send_report_email, council.pk, subject, body, address)
    audit.record(
        actor,
        "sent overdue complaints report",
        council,
        None,
        {"overdue": len(items), "recipients": recipients},
        council=council,
    )
    return Sent(len(items), recipients)


@task()
def send_report_email(council_pk: int, subject: str, body: str, to: str, attempt: int = 1) -> str:
    """The worker's job: one copy of the report to one address, its outcome audited."""
    council = Council.objects.get(pk=council_pk)
    try:
        EmailMessage(subject, body, None, [to]).send(fail_silently=False)
    except MAIL_ERRORS as error:
        if retry(send_report_email, council_pk, subject, body, to, attempt=attempt):
            return "queued"
        reason = (str(error) or type(error).__name__)[:500]
        outcome = {"to": to, "attempts": attempt, "reason": reason}
        audit.record(JOB, "could not email overdue complaints report", council, None, outcome,
                     council=council)  # fmt: skip
        return "failed"
    outcome = {"to": to, "attempts": attempt}
    audit.record(JOB, "emailed overdue complaints report", council, None, outcome, council=council)
    return "sent"

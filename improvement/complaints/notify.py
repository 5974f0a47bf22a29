"""The monthly overdue report: "a monthly report is sent to senior managers ... to
highlight complaints that are overdue" (seed 003). Only references, teams and stages are
sent, never names, because email leaves the system."""

from dataclasses import dataclass
from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from improvement.accounts.models import Role
from improvement.complaints.clock import overdue
from improvement.complaints.queries import settings_for
from improvement.core import access, audit


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
        send_mail(subject, body, None, recipients)
    audit.record(
        actor,
        "sent overdue complaints report",
        council,
        None,
        {"overdue": len(items), "recipients": recipients},
        council=council,
    )
    return Sent(len(items), recipients)

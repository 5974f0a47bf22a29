"""Comments and queries from the public on a decision, routed to its contact.

Spam is kept out without third-party services: a field people do not see
(a honeypot), a signed timestamp refusing forms sent back faster than a person
can write or older than a day, and a limit per address per hour. The sender's
details are personal data: stored for the board manager, never published.
"""

from typing import Any

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.utils import timezone

from improvement.core import audit
from improvement.core.actors import SystemActor
from improvement.forward_plan import queries
from improvement.forward_plan.models import DecisionComment, ForwardDecision

SALT = "decisions.comment-form"
MIN_SECONDS = 3
MAX_SECONDS = 24 * 60 * 60
PER_HOUR = 5
# A comment comes from a member of the public, who does not sign in: the audit log
# names the form it came through.
PUBLIC_FORM = SystemActor("public comment form")


def form_stamp() -> str:
    """A signed token of when the form was shown."""
    return signing.Signer(salt=SALT).sign(str(int(timezone.now().timestamp())))


def check_stamp(stamp: str) -> None:
    """Refuse a form sent back too quickly (a robot) or more than a day after it was shown."""
    try:
        shown = int(signing.Signer(salt=SALT).unsign(stamp))
    except (signing.BadSignature, ValueError) as exc:
        raise ValidationError("Please send your comment using the form") from exc
    age = timezone.now().timestamp() - shown
    if age > MAX_SECONDS:
        raise ValidationError("This form has expired: please send your comment again")
    if age < MIN_SECONDS:
        raise ValidationError("That was sent too quickly: please check it and send it again")


def within_rate_limit(address: str | None) -> bool:
    """At most a few comments an hour from one address, counted in the shared cache
    (settings.CACHES), so every web process and worker holds the same count."""
    key = f"decisions-comment:{address or 'unknown'}"
    if cache.add(key, 1, 60 * 60):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the hour ran out between the two calls
        cache.set(key, 1, 60 * 60)
        return True
    return count <= PER_HOUR


def recipient(decision: ForwardDecision) -> str:
    return decision.contact_email or queries.settings_for(decision.council).comments_email


def _message(decision: ForwardDecision, comment: DecisionComment) -> str:
    lines = [
        f"A comment or query on the forward plan decision {decision}.",
        "",
        comment.comment,
        "",
        "How to respond:",
        f"Name: {comment.name or 'not given'}",
        f"Address: {comment.address or 'not given'}",
        f"Telephone: {comment.telephone or 'not given'}",
        f"Email: {comment.email or 'not given'}",
        f"Who they would like to respond: {comment.respond_by or 'the relevant Cabinet Member'}",
    ]
    return "\n".join(lines)


def submit_comment(decision: ForwardDecision, data: dict[str, Any]) -> DecisionComment:
    """Store a comment from the public and email it to the decision's contact."""
    if not data.get("comment", "").strip():
        raise ValidationError({"comment": "Enter your comment or query"})
    fields = ("comment", "name", "address", "telephone", "email", "respond_by")
    comment = DecisionComment(
        decision=decision,
        received_at=timezone.now(),
        sent_to=recipient(decision),
        **{name: data.get(name, "") for name in fields},
    )
    comment.save()
    # Audited without a snapshot: the sender's details stay out of the audit log.
    audit.record(PUBLIC_FORM, "comment received", comment, council=decision.council)
    if comment.sent_to:
        send_mail(
            f"Forward plan comment: {decision}"[:200],
            _message(decision, comment),
            None,
            [comment.sent_to],
        )
    return comment

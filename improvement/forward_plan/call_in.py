"""Executive decisions published for call-in, and their call-in by scrutiny members.

A decision taken from the forward plan is published as a `meetings.Decision` (the
council's record of decisions, reached through `meetings.ports`); it may be
implemented once the council's call-in period has passed, unless enough current
members of its scrutiny committee call it in first. A member requests the call-in
with reasons and others join it (one request a decision); the board manager may
instead record a call-in made on paper. Either way only the members the constitution
counts are counted (`ForwardPlanSettings.call_in_counts`: voting members by default),
up to the council's number. Each verb checks permission first.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from improvement.core import access, audit
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.core.tasks import MAIL_ERRORS, enqueue_after_commit, retry
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.working_days import add_working_days
from improvement.forward_plan import queries
from improvement.forward_plan.models import CallInRequest, CallInSupporter, ForwardPlanSettings
from improvement.meetings.ports import (
    SCRUTINY,
    Decision,
    DecisionAsSeen,
    call_in_seats,
    secretariat_emails,
)

CALL_IN = "forward_plan.call_in"
REQUEST_CALL_IN = "forward_plan.request_call_in"
SIGN_CALL_IN = "forward_plan.sign_call_in"
JOB = SystemActor("send_call_in_email")
Count = ForwardPlanSettings.CallInCount


@transaction.atomic
def publish_executive_decision(
    actor: Any,
    council: Council,
    text: str,
    decided_on: datetime.date,
    decision_maker: str,
    published_on: datetime.date | None = None,
    scrutiny: Any = None,
) -> Decision:
    """Publish an executive decision: it may be implemented once the call-in period,
    the council's working days after publication (not counting that day), has expired."""
    access.require(actor, CALL_IN, council)
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


def counts(seat: Any, rule: str) -> bool:
    """Whether the constitution counts a member in this seat towards a call-in."""
    if rule == Count.ALL:
        return True
    if not seat.voting:
        return False
    return rule == Count.VOTING or not seat.co_opted


def _not_counted(seat: Any, rule: str, committee: Any) -> str:
    if not seat.voting:
        return (
            f"You are a non-voting member of {committee.name}: the constitution counts "
            "only voting members towards a call-in"
        )
    return (
        f"You are a co-opted member of {committee.name}: the constitution counts only "
        "elected members towards a call-in"
    )


def counted_people(committee: Any, settings: ForwardPlanSettings, on: datetime.date) -> set[int]:
    """The people whose current seat on the committee the constitution counts."""
    rule = settings.call_in_counts
    return {seat.person_id for seat in call_in_seats(committee, on) if counts(seat, rule)}


def _open_or_refuse(decision: Decision, on: datetime.date) -> Any:
    """The decision's scrutiny committee, if the decision may still be called in on `on`."""
    if decision.kind != Decision.Kind.EXECUTIVE or not decision.call_in_ends_on:
        raise ValidationError("Only a published executive decision can be called in")
    if decision.called_in_on:
        raise ValidationError(f"This decision was called in on {decision.called_in_on:%-d %B %Y}")
    if on > decision.call_in_ends_on:
        raise ValidationError(f"The call-in period ended on {decision.call_in_ends_on:%-d %B %Y}")
    if decision.published_on and on < decision.published_on:
        raise ValidationError(f"The decision is published on {decision.published_on:%-d %B %Y}")
    committee = decision.scrutiny
    if committee is None or committee.kind != SCRUTINY:
        raise ValidationError("The decision names no scrutiny committee to call it in")
    return committee


def _seat_of(user: Any, decision: Decision, on: datetime.date) -> Any:
    """The user's own counted seat on the decision's committee, or the reason they have none."""
    committee = _open_or_refuse(decision, on)
    seats = [seat for seat in call_in_seats(committee, on) if seat.person.user_id == user.pk]
    if not seats:
        raise ValidationError(f"You are not a current member of {committee.name}")
    rule = queries.settings_for(decision.council).call_in_counts
    counted = [seat for seat in seats if counts(seat, rule)]
    if not counted:
        raise ValidationError(_not_counted(seats[0], rule, committee))
    return counted[0]


def request_of(decision: Decision) -> CallInRequest | None:
    return CallInRequest.objects.filter(decision=decision).first()


def refusal(user: Any, decision: Decision, on: datetime.date | None = None) -> str:
    """Why the user may not request (or join) a call-in of the decision today; "" if they may."""
    on = on or timezone.localdate()
    if not access.allowed(user, SIGN_CALL_IN, decision):
        return "Only a councillor on the scrutiny committee can ask for a call-in"
    try:
        seat = _seat_of(user, decision, on)
    except ValidationError as error:
        return error.messages[0]
    request = request_of(decision)
    if request and request.supporters.filter(person=seat.person).exists():
        return "You have already joined this call-in"
    return ""


@dataclass(frozen=True)
class Progress:
    """Who has asked for a call-in, how many of them count, and how many more are needed."""

    request: CallInRequest | None
    supporters: list[tuple[Any, bool]]  # (CallInSupporter, counted)
    counted: int
    needed: int
    rule: str

    @property
    def more_needed(self) -> int:
        return max(self.needed - self.counted, 0)


def progress(decision: Decision, on: datetime.date | None = None) -> Progress:
    """The call-in's count as the constitution makes it on `on`."""
    on = on or timezone.localdate()
    settings = queries.settings_for(decision.council)
    request = request_of(decision)
    supporters: list[tuple[Any, bool]] = []
    if request is not None:
        counted = counted_people(decision.scrutiny, settings, on) if decision.scrutiny else set()
        supporters = [
            (s, s.person_id in counted) for s in request.supporters.select_related("person")
        ]
    return Progress(
        request,
        supporters,
        sum(1 for _, c in supporters if c),
        settings.call_in_members_needed,
        settings.get_call_in_counts_display(),
    )


def _lock(decision: Decision) -> Decision:
    """The decision re-read under a row lock, so two members joining at once count once each."""
    return type(decision).objects.select_for_update().get(pk=decision.pk)


@transaction.atomic
def start_call_in(
    actor: Any, decision: Decision, reasons: str, on: datetime.date | None = None
) -> CallInRequest:
    """A member of the scrutiny committee asks for the decision to be called in, with
    reasons; they are its first supporter. One request a decision: others join it."""
    access.require(actor, SIGN_CALL_IN, decision)
    on = on or timezone.localdate()
    decision = _lock(decision)
    seat = _seat_of(actor, decision, on)
    if request_of(decision) is not None:
        raise ValidationError("A call-in of this decision has already been requested: join it")
    if not reasons.strip():
        raise ValidationError({"reasons": "Enter your reasons for calling the decision in"})
    request = CallInRequest(
        council=decision.council, decision=decision, reasons=reasons, requested_by=seat.person
    )
    create_tracked(request, actor, verb="call-in requested")
    CallInSupporter.objects.create(request=request, person=seat.person, joined_at=timezone.now())
    _call_in_if_met(actor, decision, request, on)
    return request


@transaction.atomic
def join_call_in(actor: Any, decision: Decision, on: datetime.date | None = None) -> Decision:
    """Another member of the scrutiny committee joins the request; the decision is
    called in once the members counted reach the council's number."""
    access.require(actor, SIGN_CALL_IN, decision)
    on = on or timezone.localdate()
    decision = _lock(decision)
    seat = _seat_of(actor, decision, on)
    request = request_of(decision)
    if request is None:
        raise ValidationError("No call-in of this decision has been requested yet")
    if request.supporters.filter(person=seat.person).exists():
        raise ValidationError("You have already joined this call-in")
    CallInSupporter.objects.create(request=request, person=seat.person, joined_at=timezone.now())
    audit.record(actor, "joined call-in", request, None, {"person": seat.person_id})
    _call_in_if_met(actor, decision, request, on)
    return decision


def _call_in_if_met(
    actor: Any, decision: Decision, request: CallInRequest, on: datetime.date
) -> None:
    settings = queries.settings_for(decision.council)
    counted = counted_people(decision.scrutiny, settings, on)
    supporters = request.supporters.values_list("person_id", flat=True)
    valid = [pk for pk in supporters if pk in counted]
    if len(valid) < settings.call_in_members_needed:
        return
    _call_in(actor, decision, valid, on, None)


def _call_in(
    actor: Any, decision: Decision, people: Any, on: datetime.date, expected_version: int | None
) -> Decision:
    """Suspend the decision (audited) and tell the scrutiny officer once this commits."""

    def apply() -> None:
        decision.called_in_on = on
        decision.called_in_by.set(people)

    saved = save_tracked(
        decision, actor, expected_version=expected_version, verb="called in", apply=apply
    )
    for address in officer_emails(decision):
        enqueue_after_commit(send_call_in_email, decision.pk, address)
    return saved


def officer_emails(decision: Decision) -> list[str]:
    """The scrutiny officer: the council's call-in address, else the committee's secretariat."""
    address = queries.settings_for(decision.council).call_in_email
    if address:
        return [address]
    return secretariat_emails(decision.scrutiny) if decision.scrutiny else []


def _message(decision: Decision) -> tuple[str, str]:
    """The officer's email. It leaves the system, to an address no permission can be
    asked of, so a decision taken under an exempt item is named by its paragraph only."""
    people = ", ".join(person.name for person in decision.called_in_by.all())
    request = request_of(decision)
    text = DecisionAsSeen(decision, withheld=decision.is_exempt).text
    lines = [
        f"The executive decision below was called in on {decision.called_in_on:%-d %B %Y} "
        f"by {people}. Its implementation is suspended until {decision.scrutiny} considers it.",
        "",
        f"Decision: {text}",
        f"Made by: {decision.decision_maker}",
        f"Published: {decision.published_on:%-d %B %Y}",
    ]
    if request is not None:
        lines += ["", "Reasons given:", request.reasons]
    return f"Call-in: {text}"[:200], "\n".join(lines)


@task()
def send_call_in_email(decision_pk: int, to: str, attempt: int = 1) -> str:
    """The worker's job: tell one address of a call-in, its outcome audited."""
    decision = Decision.objects.select_related("council", "scrutiny", "item").get(pk=decision_pk)
    subject, body = _message(decision)
    try:
        EmailMessage(subject, body, None, [to]).send(fail_silently=False)
    except MAIL_ERRORS as error:
        if retry(send_call_in_email, decision_pk, to, attempt=attempt):
            return "queued"
        outcome = {"to": to, "attempts": attempt, "reason": (str(error) or "refused")[:500]}
        audit.record(JOB, "could not email call-in", decision, None, outcome)
        return "failed"
    audit.record(JOB, "emailed call-in", decision, None, {"to": to, "attempts": attempt})
    return "sent"


def request_call_in(
    actor: Any,
    decision: Decision,
    members: list[Any],
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Decision:
    """Record a call-in made on paper: the members given who the constitution counts
    must reach the council's number (the same rule as a request made here)."""
    access.require(actor, REQUEST_CALL_IN, decision)
    on = on or timezone.localdate()
    committee = _open_or_refuse(decision, on)
    settings = queries.settings_for(decision.council)
    counted = counted_people(committee, settings, on)
    valid = {member.pk for member in members if member.pk in counted}
    needed = settings.call_in_members_needed
    if len(valid) < needed:
        raise ValidationError(
            f"A call-in needs {needed} members of {committee.name} "
            f"({settings.get_call_in_counts_display().lower()}); {len(valid)} given"
        )
    return _call_in(actor, decision, valid, on, expected_version)

"""Executive decisions published for call-in, and their call-in by scrutiny members.

A decision taken from the forward plan is published as a `meetings.Decision` (the
council's record of decisions, reached through `meetings.ports`); it may be
implemented once the council's call-in period has passed, unless enough current
members of a scrutiny committee call it in first. Each verb checks permission first.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.working_days import add_working_days
from improvement.meetings.ports import SCRUTINY, Decision

CALL_IN = "forward_plan.call_in"
REQUEST_CALL_IN = "forward_plan.request_call_in"


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


def _callers(committee: Any, members: list[Any], on: datetime.date) -> set[int]:
    """Those of `members` who sit on the committee on `on` (substitutes do not count)."""
    current = set(
        committee.memberships.filter(substitute=False)
        .exclude(ends_on__lt=on)
        .values_list("person_id", flat=True)
    )
    return {member.pk for member in members if member.pk in current}


@transaction.atomic
def request_call_in(
    actor: Any,
    decision: Decision,
    members: list[Any],
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Decision:
    """Call a decision in: needs the set number of current members of one scrutiny committee.
    A councillor asks for it; the board manager records a call-in made on paper."""
    access.require(actor, REQUEST_CALL_IN, decision)
    on = on or timezone.localdate()
    if decision.kind != Decision.Kind.EXECUTIVE or decision.called_in_on:
        raise ValidationError("Only a published executive decision not yet called in")
    if on > decision.call_in_ends_on:
        raise ValidationError(f"The call-in period ended on {decision.call_in_ends_on:%-d %B %Y}")
    committee = decision.scrutiny
    if committee is None or committee.kind != SCRUTINY:
        raise ValidationError("Name the scrutiny committee the decision goes to")
    valid = _callers(committee, members, on)
    if len(valid) < committee.call_in_members:
        raise ValidationError(
            f"A call-in needs {committee.call_in_members} members of {committee.name}; "
            f"{len(valid)} given"
        )

    def apply() -> None:
        decision.called_in_on = on
        decision.called_in_by.set(valid)

    return save_tracked(
        decision, actor, expected_version=expected_version, verb="called in", apply=apply
    )

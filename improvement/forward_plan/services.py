"""Every change to the forward plan's decisions: a named verb, permission-checked and audited.

Editions and their publication are in `improvement.forward_plan.editions`; executive
decisions and their call-in in `improvement.forward_plan.call_in`; the public's
comments in `improvement.forward_plan.comments`. Each verb checks permission first.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.models import Council
from improvement.core.text import reads_as_empty
from improvement.core.tracking import create_tracked, save_tracked
from improvement.forward_plan import call_in, editions, notice, queries
from improvement.forward_plan.models import ForwardDecision, ForwardPlanSettings
from improvement.meetings.ports import SCRUTINY, add_work_programme_item

MANAGE = "forward_plan.manage"

FIELDS = {field.name for field in ForwardDecision._meta.concrete_fields}
EDITABLE = FIELDS - {
    "id",
    "council",
    "status",
    "first_notice_on",
    "private_notice_on",
    "urgency_route",
    "urgency_reason",
    "urgency_chair",
    "urgency_informed_on",
    "urgency_agreed_on",
    "urgency_notice_on",
    "urgency_recorded_on",
    "taken_on",
    "outcome",
    "record",
    "work_programme_item",
    "created_at",
    "created_by",
    "modified_at",
    "modified_by",
    "version",
}


def _check(decision: ForwardDecision) -> None:
    """The key-decision test, and what a private decision must say."""
    settings = queries.settings_for(decision.council)
    reasons = notice.key_decision_reasons(
        decision.amount, decision.wards_affected, settings.key_threshold, settings.key_ward_count
    )
    if reasons and not decision.is_key:
        raise ValidationError({"is_key": f"This is a key decision: {' and '.join(reasons)}"})
    if decision.is_private and not decision.exempt_paragraph:
        raise ValidationError(
            {"exempt_paragraph": "Give the paragraph of Schedule 12A that makes it exempt"}
        )
    if decision.scrutiny_id and decision.scrutiny.council_id != decision.council_id:
        raise ValidationError({"scrutiny": "Choose a committee of this council"})
    if decision.expected_month:
        decision.expected_month = decision.expected_month.replace(day=1)


@transaction.atomic
def add_decision(actor: Any, council: Council, data: dict[str, Any]) -> ForwardDecision:
    """Add a decision to the register and to the draft edition of the plan.
    A key decision without a reference is given the next one of that edition."""
    access.require(actor, MANAGE, council)
    unknown = set(data) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    decision = ForwardDecision(council=council, **data)
    _check(decision)
    edition = editions.draft_or_new(actor, council)
    if decision.is_key and not decision.reference:
        decision.reference = editions.next_reference(edition)
    if not decision.position:
        decision.position = council.forward_decisions.count() + 1
    create_tracked(decision, actor, verb="decision added")
    editions.place(edition, decision)
    return decision


@transaction.atomic
def change_decision(
    actor: Any, decision: ForwardDecision, data: dict[str, Any], expected_version: int
) -> ForwardDecision:
    """Change a planned decision; published editions keep what they printed."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if decision.status != ForwardDecision.Status.PLANNED:
        raise ValidationError("Only a decision still to be taken can be changed")

    def apply() -> None:
        for name, value in data.items():
            if name not in EDITABLE:
                raise ValueError(f"not editable: {name}")
            setattr(decision, name, value)
        _check(decision)

    save_tracked(decision, actor, expected_version=expected_version, apply=apply)
    draft = queries.draft_edition(decision.council)
    if draft and draft.entries.filter(decision=decision).exists():
        editions.place(draft, decision)
    return decision


@transaction.atomic
def record_earlier_notice(
    actor: Any,
    decision: ForwardDecision,
    first_notice_on: datetime.date,
    private_notice_on: datetime.date | None = None,
) -> ForwardDecision:
    """When a decision was first advertised in a plan published before this register was
    kept: the 28 clear days are counted from then."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if decision.first_notice_on and decision.first_notice_on <= first_notice_on:
        raise ValidationError("The decision was already advertised on or before that date")

    def apply() -> None:
        decision.first_notice_on = first_notice_on
        decision.private_notice_on = private_notice_on or decision.private_notice_on

    return save_tracked(decision, actor, verb="earlier notice recorded", apply=apply)


@transaction.atomic
def withdraw_decision(actor: Any, decision: ForwardDecision, reason: str) -> ForwardDecision:
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if decision.status != ForwardDecision.Status.PLANNED:
        raise ValidationError("Only a decision still to be taken can be withdrawn")
    decision.status = ForwardDecision.Status.WITHDRAWN
    decision.outcome = reason
    save_tracked(decision, actor, verb="decision withdrawn")
    draft = queries.draft_edition(decision.council)
    if draft:
        editions.remove(draft, decision)
    return decision


def _record_route(
    actor: Any, decision: ForwardDecision, fields: dict[str, Any], expected_version: int | None
) -> ForwardDecision:
    if reads_as_empty(fields["urgency_reason"]):
        raise ValidationError({"reason": "Give the reason the decision cannot wait"})
    if decision.status != ForwardDecision.Status.PLANNED:
        raise ValidationError("The decision has already been taken or withdrawn")
    fields = {
        "urgency_informed_on": None,
        "urgency_agreed_on": None,
        "urgency_recorded_on": timezone.localdate(),
        **fields,
    }

    def apply() -> None:
        for name, value in fields.items():
            setattr(decision, name, value)

    return save_tracked(
        decision, actor, expected_version=expected_version, verb="urgency recorded", apply=apply
    )


@transaction.atomic
def record_general_exception(
    actor: Any,
    decision: ForwardDecision,
    reason: str,
    chair: str,
    informed_on: datetime.date,
    notice_on: datetime.date,
    expected_version: int | None = None,
) -> ForwardDecision:
    """The general exception (reg 10): the chair of the relevant scrutiny committee has
    been informed in writing, and a public notice published; the decision may be taken
    five clear days after that notice. The chair's agreement is not needed."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if not chair.strip() or informed_on is None:
        raise ValidationError({"chair": "Name the scrutiny chair informed in writing, and when"})
    if notice_on is None:
        raise ValidationError({"notice_on": "Give the date the public notice was published"})
    fields = {
        "urgency_route": notice.GENERAL_EXCEPTION,
        "urgency_reason": reason,
        "urgency_chair": chair,
        "urgency_informed_on": informed_on,
        "urgency_notice_on": notice_on,
    }
    return _record_route(actor, decision, fields, expected_version)


@transaction.atomic
def record_special_urgency(
    actor: Any,
    decision: ForwardDecision,
    reason: str,
    chair: str,
    agreed_on: datetime.date,
    notice_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> ForwardDecision:
    """Special urgency (reg 11): the chair of the relevant scrutiny committee agreed that
    the decision is urgent and cannot reasonably be deferred; a notice of the reasons is
    published once agreed (on the day of agreement unless another date is given)."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if not chair.strip() or agreed_on is None:
        raise ValidationError({"chair": "Name the scrutiny chair who agreed, and when"})
    notice_on = notice_on or agreed_on
    if notice_on < agreed_on:
        raise ValidationError({"notice_on": "The notice of reasons follows the chair's agreement"})
    fields = {
        "urgency_route": notice.SPECIAL_URGENCY,
        "urgency_reason": reason,
        "urgency_chair": chair,
        "urgency_agreed_on": agreed_on,
        "urgency_notice_on": notice_on,
    }
    return _record_route(actor, decision, fields, expected_version)


def _settle_in_draft(actor: Any, decision: ForwardDecision) -> None:
    """A decision taken leaves the plan, unless taken under urgency: then it is
    notified in Part 4 of the next edition."""
    if decision.urgency_route in notice.URGENT_ROUTES:
        editions.place(editions.draft_or_new(actor, decision.council), decision, previously=False)
        return
    draft = queries.draft_edition(decision.council)
    if draft:
        editions.remove(draft, decision)


@transaction.atomic
def take_decision(
    actor: Any,
    decision: ForwardDecision,
    taken_on: datetime.date,
    outcome: str,
    published_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> ForwardDecision:
    """Record a decision as taken, refusing with the reason when the 28 clear days rule
    is not met and no urgency route covers it; then publish it for call-in."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if taken_on > timezone.localdate():
        raise ValidationError({"taken_on": "A decision is recorded once it has been taken"})
    refusal = notice.refusal(decision, taken_on, queries.settings_for(decision.council))
    if refusal:
        raise ValidationError(refusal)
    if reads_as_empty(outcome):
        raise ValidationError({"outcome": "Record what was decided"})

    def apply() -> None:
        decision.status = ForwardDecision.Status.TAKEN
        decision.taken_on = taken_on
        decision.outcome = outcome

    save_tracked(
        decision, actor, expected_version=expected_version, verb="decision taken", apply=apply
    )
    _settle_in_draft(actor, decision)
    return publish_decision(actor, decision, published_on or taken_on)


@transaction.atomic
def publish_decision(
    actor: Any, decision: ForwardDecision, published_on: datetime.date
) -> ForwardDecision:
    """Publish the decision notice through meetings, which sets the call-in window."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    if decision.status != ForwardDecision.Status.TAKEN or decision.record_id:
        raise ValidationError("Only a decision taken and not yet published")
    text = f"{decision}: {decision.outcome}"
    record = call_in.publish_executive_decision(
        actor,
        decision.council,
        text,
        decision.taken_on,
        decision.decision_maker,
        published_on=published_on,
        scrutiny=decision.scrutiny,
    )
    decision.record = record
    return save_tracked(decision, actor, verb="decision published")


@transaction.atomic
def add_to_work_programme(
    actor: Any,
    decision: ForwardDecision,
    body: Any = None,
    meeting_on: Any = None,
    expected_version: int | None = None,
) -> Any:
    """Put a decision on a scrutiny committee's work programme, once."""
    access.require(actor, MANAGE, decision)
    decision.refresh_from_db()
    body = body or decision.scrutiny
    if body is None or body.kind != SCRUTINY or body.council_id != decision.council_id:
        raise ValidationError({"body": "Choose one of this council's scrutiny committees"})
    if decision.work_programme_item_id:
        raise ValidationError("This decision is already on a work programme")
    item = add_work_programme_item(
        actor,
        body,
        f"Forward plan: {decision}",
        meeting_on=meeting_on,
        contact_officer=decision.contact.split(",")[0][:200],
        comments=f"From the forward plan; decision expected {decision.expected}.",
    )
    decision.work_programme_item = item
    save_tracked(decision, actor, expected_version=expected_version, verb="added to work programme")
    return item


SETTINGS_FIELDS = (
    "key_threshold",
    "key_ward_count",
    "notice_clear_days",
    "clear_days_counting",
    "general_exception_clear_days",
    "edition_interval_days",
    "comments_email",
    "enquiries_contact",
    "documents_contact",
    "decisions_web_address",
    "cabinet_members",
    "directorates",
    "call_in_members_needed",
    "call_in_counts",
    "call_in_email",
)


@transaction.atomic
def change_settings(
    actor: Any, council: Council, data: dict[str, Any], expected_version: int | None
) -> ForwardPlanSettings:
    """Change the council's key-decision test and publication rhythm. The defaults are
    saved as the council's own the first time they are changed."""
    access.require(actor, MANAGE, council)
    current = queries.settings_for(council)
    unknown = set(data) - set(SETTINGS_FIELDS) - {"version"}
    if unknown:
        raise ValueError(f"not settings: {sorted(unknown)}")

    def apply() -> None:
        for name in SETTINGS_FIELDS:
            if name in data:
                setattr(current, name, data[name])

    if current.pk is None:
        apply()
        saved = create_tracked(current, actor, verb="settings saved")
    else:
        saved = save_tracked(
            current, actor, expected_version=expected_version, verb="settings changed", apply=apply
        )
    editions.keep_draft_heading_lawful(actor, council)
    return saved

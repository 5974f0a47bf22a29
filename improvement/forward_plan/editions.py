"""Editions of the plan: drafted, published (and so frozen), superseded by the next.

A decision is placed in the draft edition when it is added; publishing freezes
each row as printed, records when each decision was first advertised, and
carries every decision still to be taken into the next draft edition.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access, audit
from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.core.working_days import is_working_day
from improvement.forward_plan import notice, queries
from improvement.forward_plan.models import Edition, EditionEntry, ForwardDecision
from improvement.forward_plan.presenters import row_for
from improvement.forward_plan.statutory_notes import notes_for

MANAGE = "forward_plan.manage"


def require_draft(edition: Edition) -> None:
    if edition.is_published:
        raise ValidationError(
            f"The edition published on {edition.published_on:%-d %B %Y} is frozen: "
            "make changes in the next edition"
        )


def reference_stem(edition: Edition) -> str:
    """`KEY/20NOV23/`: the date new key decisions in the edition may be taken from,
    written as Peterborough writes it (day without a leading zero)."""
    day = edition.decisions_from
    return f"KEY/{day.day}{day:%b%y}/".upper()


def next_reference(edition: Edition) -> str:
    stem = reference_stem(edition)
    taken = edition.council.forward_decisions.filter(reference__startswith=stem).count()
    return f"{stem}{taken + 1:02d}"


def heading_problem(edition: Edition) -> str:
    """Why the edition's "key decisions from" date is one the notice rule would refuse
    for a key decision first advertised in it; empty when the rule accepts it."""
    earliest = notice.earliest_key_decision(
        edition.published_on, queries.settings_for(edition.council)
    )
    if edition.decisions_from >= earliest:
        return ""
    return (
        f"A key decision first advertised on {edition.published_on:%-d %B %Y} may be taken "
        f"from {earliest:%-d %B %Y}: the edition cannot print an earlier date"
    )


@transaction.atomic
def create_edition(
    actor: Any,
    council: Council,
    published_on: datetime.date,
    decisions_from: datetime.date | None = None,
) -> Edition:
    """A draft edition; new key decisions in it may be taken 28 clear days after publication
    (counted as the council's settings say), and its heading never says sooner."""
    access.require(actor, MANAGE, council)
    if queries.editions(council).filter(published_on=published_on).exists():
        raise ValidationError({"published_on": "There is already an edition of that date"})
    current = queries.current_edition(council)
    if current and published_on <= current.published_on:
        raise ValidationError(
            {"published_on": f"The edition must follow the one of {current.published_on:%-d %B %Y}"}
        )
    settings = queries.settings_for(council)
    decisions_from = decisions_from or notice.earliest_key_decision(published_on, settings)
    edition = Edition(council=council, published_on=published_on, decisions_from=decisions_from)
    problem = heading_problem(edition)
    if problem:
        raise ValidationError({"decisions_from": problem})
    return create_tracked(edition, actor, verb="edition drafted")


def keep_draft_heading_lawful(actor: Any, council: Council) -> Edition | None:
    """After the council changes how clear days are counted, move the draft edition's
    "key decisions from" date on if the rule would now refuse it."""
    access.require(actor, MANAGE, council)
    draft = queries.draft_edition(council)
    if draft is None or not heading_problem(draft):
        return draft
    before = audit.snapshot(draft)
    draft.decisions_from = notice.earliest_key_decision(
        draft.published_on, queries.settings_for(council)
    )
    return save_tracked(draft, actor, verb="edition heading moved", before=before)


def on_a_working_day(day: datetime.date) -> datetime.date:
    """The date itself, or the next working day: a plan is never published on a
    weekend or a bank holiday."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def draft_or_new(actor: Any, council: Council) -> Edition:
    """The draft edition, or a new one a publication interval after the current edition."""
    access.require(actor, MANAGE, council)
    draft = queries.draft_edition(council)
    if draft:
        return draft
    current = queries.current_edition(council)
    interval = queries.settings_for(council).edition_interval_days
    today = timezone.localdate()
    if current is None:
        return create_edition(actor, council, today)
    next_on = max(current.published_on + datetime.timedelta(days=interval), today)
    return create_edition(actor, council, on_a_working_day(next_on))


def place(edition: Edition, decision: ForwardDecision, previously: bool | None = None) -> Any:
    """Put a decision in the part of a draft edition it now belongs in (once)."""
    require_draft(edition)
    if previously is None:
        previously = decision.first_notice_on is not None
    entry, _ = EditionEntry.objects.update_or_create(
        edition=edition,
        decision=decision,
        defaults={"part": notice.part_for(decision), "previously_advertised": previously},
    )
    return entry


def remove(edition: Edition, decision: ForwardDecision) -> None:
    """Take a decision off a draft edition. Only drafts change, and only as a consequence
    of the decision's own audited change (taken or withdrawn); a published edition is
    frozen and never loses an entry."""
    require_draft(edition)
    edition.entries.filter(decision=decision).delete()


def _freeze(entry: EditionEntry, edition: Edition, actor: Any) -> None:
    decision = entry.decision
    entry.part = notice.part_for(decision)
    entry.previously_advertised = bool(
        decision.first_notice_on and decision.first_notice_on < edition.published_on
    )
    entry.row = row_for(decision, entry.part)
    entry.save()
    changed = False
    if decision.first_notice_on is None:
        decision.first_notice_on = edition.published_on
        changed = True
    if entry.part == 2 and decision.private_notice_on is None:
        decision.private_notice_on = edition.published_on
        changed = True
    if changed:
        save_tracked(decision, actor, verb="advertised")


def _carry_forward(actor: Any, edition: Edition) -> Edition:
    interval = queries.settings_for(edition.council).edition_interval_days
    on = on_a_working_day(edition.published_on + datetime.timedelta(days=interval))
    following = queries.draft_edition(edition.council) or create_edition(actor, edition.council, on)
    for entry in edition.entries.select_related("decision"):
        decision = entry.decision
        if decision.status == ForwardDecision.Status.PLANNED:
            place(following, decision, previously=True)
    return following


@transaction.atomic
def publish_edition(actor: Any, edition: Edition, expected_version: int | None = None) -> Edition:
    """Publish and freeze an edition; it supersedes the last, and the decisions still
    to be taken are carried into the next draft edition."""
    access.require(actor, MANAGE, edition)
    edition.refresh_from_db()
    require_draft(edition)
    current = queries.current_edition(edition.council)
    if current and edition.published_on <= current.published_on:
        raise ValidationError("An edition must be dated after the current one")
    problem = heading_problem(edition)
    if problem:
        raise ValidationError(problem)
    before = audit.snapshot(edition)
    for entry in edition.entries.select_related("decision", "decision__scrutiny"):
        _freeze(entry, edition, actor)
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.notes = notes_for(edition.council, queries.settings_for(edition.council))
    save_tracked(
        edition, actor, expected_version=expected_version, verb="edition published", before=before
    )
    _carry_forward(actor, edition)
    return edition


def edition_notes(edition: Edition) -> dict[str, Any]:
    """The statutory notes the edition prints: frozen with it once published, the
    council's settings as they are now while it is a draft (or for an edition published
    before editions kept their notes)."""
    if edition.is_published and edition.notes:
        return edition.notes
    return notes_for(edition.council, queries.settings_for(edition.council))

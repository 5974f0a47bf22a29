"""Shaping an agenda before it goes out: withdraw an item, move one up or down.

Both are refused once the agenda is published: from then the public, the members and
the pack hold the agenda as it was sent, and a change is made at the meeting. Every
change is saved through `save_tracked`, so each is audited; a withdrawn item is archived,
never deleted, and the items after it close up so the agenda reads 1, 2, 3.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.actors import person_or_none
from improvement.core.tracking import save_tracked
from improvement.meetings.models import AgendaItem, Meeting
from improvement.meetings.services import MANAGE

UP = "up"
DOWN = "down"


def _refuse_if_published(meeting: Meeting) -> None:
    if meeting.agenda_published_on is not None:
        raise ValidationError(
            f"The agenda was published on {meeting.agenda_published_on:%-d %B %Y}: "
            "it can no longer be changed here"
        )


def _renumber(actor: Any, meeting: Meeting) -> None:
    """Number the live items 1, 2, 3 in their order, saving only those that move."""
    for number, item in enumerate(meeting.items.order_by("number", "id"), start=1):
        if item.number != number:
            item.number = number
            save_tracked(item, actor, verb="renumbered")


@transaction.atomic
def withdraw_item(
    actor: Any, item: AgendaItem, reason: str, expected_version: int | None = None
) -> AgendaItem:
    """Take an item off an agenda not yet published, saying why."""
    access.require(actor, MANAGE, item)
    _refuse_if_published(item.meeting)

    def apply() -> None:
        item.archived_at = timezone.now()
        item.archived_by = person_or_none(actor)
        item.archive_reason = reason

    save_tracked(
        item,
        actor,
        expected_version=expected_version,
        verb="withdrawn from the agenda",
        apply=apply,
    )
    _renumber(actor, item.meeting)
    return item


@transaction.atomic
def move_item(
    actor: Any, item: AgendaItem, direction: str, expected_version: int | None = None
) -> AgendaItem:
    """Swap an item with the one above or below it; at either end nothing moves."""
    access.require(actor, MANAGE, item)
    _refuse_if_published(item.meeting)
    if direction not in (UP, DOWN):
        raise ValidationError("Move an item up or down")
    items = list(item.meeting.items.order_by("number", "id"))
    at = next(i for i, other in enumerate(items) if other.pk == item.pk)
    to = at - 1 if direction == UP else at + 1
    if not 0 <= to < len(items):
        return item
    other = items[to]
    other.number, number = item.number, other.number

    def apply() -> None:
        item.number = number

    save_tracked(item, actor, expected_version=expected_version, verb="moved", apply=apply)
    save_tracked(other, actor, verb="moved")
    _renumber(actor, item.meeting)
    return item

"""Shaping a meeting and its agenda before the agenda goes out: change the meeting's
date, time and venue, change an item, withdraw one, move one up or down; and a body's
standard agenda, the items a new meeting's agenda may start from.

Every change to a meeting or its items is refused once the agenda is published: from
then the public, the members and the pack hold the agenda as it was sent, and a change
is made at the meeting. Every change is saved through `save_tracked` against the
version it was read at, so each is audited and none overwrites another unseen; a
withdrawn item is archived, never deleted, and the items after it close up so the
agenda reads 1, 2, 3.
"""

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.actors import person_or_none
from improvement.core.text import plural
from improvement.core.tracking import save_tracked
from improvement.meetings.models import AgendaItem, Body, Meeting
from improvement.meetings.services import (
    MANAGE,
    agenda_deadline,
    clear_days,
    meeting_day,
    not_a_working_day,
)

UP = "up"
DOWN = "down"


def why_fixed(meeting: Meeting) -> str:
    """Why a meeting and its agenda can no longer be changed here, or "" while they
    can: once its agenda is published (members and the public hold it as sent), once it
    is cancelled or held, once it has begun, or once its minutes are begun (an item's
    minute and resolutions hang on it)."""
    if meeting.agenda_published_on is not None:
        return (
            f"The agenda was published on {meeting.agenda_published_on:%-d %B %Y}. From "
            "then members and the public hold the agenda as it was sent: raise any change "
            "at the meeting."
        )
    if meeting.status != Meeting.Status.SCHEDULED:
        return f"This meeting is {meeting.get_status_display().lower()}."
    if meeting.minutes_status != Meeting.Minutes.NONE:
        return "Its minutes have been started: the agenda they record stays as it was."
    if meeting.starts_at <= timezone.now():
        return f"The meeting took place on {meeting_day(meeting):%-d %B %Y}."
    return ""


def _refuse_if_fixed(meeting: Meeting) -> None:
    """Refuse a change to a meeting or its agenda once `why_fixed`, reading the meeting
    afresh under a lock, so a change cannot pass while the agenda is being published."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    reason = why_fixed(current)
    if reason:
        raise ValidationError(f"{reason} It can no longer be changed here.")


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
    _refuse_if_fixed(item.meeting)

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
    _refuse_if_fixed(item.meeting)
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


@transaction.atomic
def change_meeting(
    actor: Any,
    meeting: Meeting,
    *,
    starts_at: datetime.datetime,
    location: str,
    is_public: bool,
    held_in_public: bool,
    expected_version: int | None = None,
) -> Meeting:
    """Move a meeting to another working day or time, or change where it is held and
    whether it is open, until its agenda is published. Work programme items planned for
    its day move with it, so every list and calendar reads the new date."""
    access.require(actor, MANAGE, meeting)
    _refuse_if_fixed(meeting)
    old_day, new_day = meeting_day(meeting), timezone.localtime(starts_at).date()
    # Only a new day is checked: a meeting set before on a day off (a bank holiday
    # added since) may still have its venue or time changed.
    problem = not_a_working_day(new_day) if new_day != old_day else ""
    if problem:
        raise ValidationError(
            {"date": f"{problem}: meetings are held on working days. Choose another date"}
        )

    def apply() -> None:
        meeting.starts_at = starts_at
        meeting.location = location
        meeting.is_public = is_public
        meeting.held_in_public = held_in_public

    save_tracked(meeting, actor, expected_version=expected_version, apply=apply)
    if new_day != old_day:
        for planned in meeting.forward_items.filter(meeting_on=old_day):
            planned.meeting_on = new_day
            save_tracked(planned, actor, verb="moved with its meeting")
    return meeting


def lateness(meeting: Meeting, today: datetime.date) -> str:
    """Words for an officer when an unpublished agenda can no longer be published with
    the council's clear working days' notice of the meeting; empty when it still can."""
    if meeting.agenda_published_on is not None or agenda_deadline(meeting) >= today:
        return ""
    needed = meeting.council.agenda_clear_days
    remaining = max(clear_days(today, meeting_day(meeting)), 0)
    remain = "remains" if remaining == 1 else "remain"
    return (
        f"The agenda is now late: to give {needed} clear working days' notice of the "
        f"meeting it had to be published by {agenda_deadline(meeting):%A %-d %B %Y}, "
        f"and only {plural(remaining, 'clear working day')} {remain}."
    )


ITEM_FIELDS = ("title", "description", "report_author", "exempt_paragraph")


@transaction.atomic
def change_item(
    actor: Any, item: AgendaItem, data: dict[str, Any], expected_version: int | None = None
) -> AgendaItem:
    """Change an item of an agenda not yet published: its title, what it is about, who
    presents its report, whether it is exempt (paragraphs 1 to 7 of Schedule 12A) and
    the plan actions it reports on."""
    access.require(actor, MANAGE, item)
    meeting = item.meeting
    _refuse_if_fixed(meeting)
    unknown = set(data) - {*ITEM_FIELDS, "actions"}
    if unknown:
        raise ValidationError(f"An agenda item has no field called {sorted(unknown)[0]}")
    paragraph = data.get("exempt_paragraph")
    if paragraph is not None and paragraph not in range(1, 8):
        raise ValidationError({"exempt_paragraph": "Choose a paragraph from 1 to 7"})
    actions = data.get("actions")

    def apply() -> None:
        for name in ITEM_FIELDS:
            if name in data:
                setattr(item, name, data[name])
        if actions is not None:
            item.actions.set([a for a in actions if a.council_id == meeting.council_id])

    return save_tracked(item, actor, expected_version=expected_version, apply=apply)


STANDARD_ITEMS_MAX = 30
TITLE_MAX = AgendaItem._meta.get_field("title").max_length
# "1. Apologies", "2) Minutes", "- Any other business": the number or bullet a person
# types is the list's, not the item's; the agenda numbers its items itself.
LEADING_MARK = re.compile(r"^(?:\d{1,2}[.)]|[-*\u2022])\s+")


def standard_items(text: str) -> list[str]:
    """The items of a standard agenda typed one a line: blank lines dropped, a leading
    number or bullet taken off, each title trimmed."""
    lines = (LEADING_MARK.sub("", line.strip()).strip() for line in text.splitlines())
    return [line for line in lines if line]


@transaction.atomic
def set_standard_agenda(
    actor: Any, body: Body, text: str, expected_version: int | None = None
) -> Body:
    """Set the items every agenda of a body may start from, one a line in their order;
    empty text leaves the body with no standard agenda."""
    access.require(actor, MANAGE, body)
    items = standard_items(text)
    if len(items) > STANDARD_ITEMS_MAX:
        raise ValidationError(
            {"items": f"A standard agenda has at most {STANDARD_ITEMS_MAX} items"}
        )
    for number, title in enumerate(items, start=1):
        if len(title) > TITLE_MAX:
            raise ValidationError(
                {"items": f"Item {number} must be {TITLE_MAX} characters or fewer"}
            )

    def apply() -> None:
        body.standard_agenda = "\n".join(items)

    return save_tracked(
        body, actor, expected_version=expected_version, verb="standard agenda set", apply=apply
    )

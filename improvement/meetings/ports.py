"""What other domain apps may use of meetings, and nothing else.

Domain apps (plans, evidence, annex_a, forward_plan, complaints) do not import each
other; where one needs another, it goes through that app's `ports.py`, so every
such dependency is listed here and can be reviewed in one place.

Used by:
- plans: `last_board_meeting_before`, the board meeting a plan's progress is reported to.
- forward_plan: the bodies and decision records its decisions point at, the exempt
  paragraphs, and `add_work_programme_item` to put a decision on scrutiny's programme.
- reports (the agenda pack): `meeting_for_pack`, `public_meeting_for_pack`,
  `pack_recipients` and `meeting_day`, and the permission names it checks.
"""

import datetime
from typing import Any

from improvement.core.models import Council
from improvement.meetings.models import EXEMPT_PARAGRAPHS, Body, Decision, Meeting
from improvement.meetings.queries import last_board_meeting_on_or_before, meeting_with_items
from improvement.meetings.services import add_work_programme_item, meeting_day

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "SCRUTINY",
    "Decision",
    "add_work_programme_item",
    "last_board_meeting_before",
    "meeting_day",
]

SCRUTINY = Body.Kind.SCRUTINY
# The permissions of meetings.permissions a page of another app asks by name.
MANAGE = "meetings.manage"
SEE_EXEMPT = "meetings.see_exempt"


def last_board_meeting_before(council: Council, day: datetime.date) -> datetime.date | None:
    """The date of the latest improvement-board meeting on or before `day`, if any."""
    meeting = last_board_meeting_on_or_before(council, day)
    return meeting_day(meeting) if meeting else None


def meeting_for_pack(council: Council, pk: int) -> Meeting | None:
    """A live meeting of the council with its agenda items and papers, or None."""
    return meeting_with_items(council, pk)


def public_meeting_for_pack(council: Council, pk: int) -> Meeting | None:
    """A meeting whose agenda is published and whose papers the public may read."""
    meeting = council.meetings.published().with_items().filter(pk=pk).first()
    return meeting if meeting is not None and meeting.is_public else None


def pack_recipients(meeting: Meeting) -> list[tuple[Any, str]]:
    """Whom the published pack is emailed to: each person with a current seat on the
    body (not the secretariat, who publishes it), once, with the address to use ("" for
    a person with none, so the officer is told who was not emailed)."""
    seats = (
        meeting.body.memberships.current(meeting_day(meeting))
        .exclude(person=None)
        .exclude(position="secretariat")
        .select_related("person", "person__user")
    )
    people: dict[int, tuple[Any, str]] = {}
    for seat in seats:
        person = seat.person
        email = person.email or (person.user.email if person.user_id else "")
        people.setdefault(person.pk, (person, email))
    return list(people.values())


def secretariat(meeting: Meeting) -> list[Any]:
    """The body's secretariat seats: the contacts a pack's cover names."""
    return list(
        meeting.body.memberships.filter(position="secretariat")
        .exclude(person=None)
        .select_related("person", "person__user")
    )

"""What other domain apps may use of meetings, and nothing else.

Domain apps (plans, evidence, annex_a, forward_plan, complaints) do not import each
other; where one needs another, it goes through that app's `ports.py`, so every
such dependency is listed here and can be reviewed in one place.

Used by:
- plans: `last_board_meeting_before`, the board meeting a plan's progress is reported to.
- forward_plan: the bodies and decision records its decisions point at, the exempt
  paragraphs, and `add_work_programme_item` to put a decision on scrutiny's programme.
"""

import datetime

from improvement.core.models import Council
from improvement.meetings.models import EXEMPT_PARAGRAPHS, Body, Decision
from improvement.meetings.queries import last_board_meeting_on_or_before
from improvement.meetings.services import add_work_programme_item, meeting_day

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "SCRUTINY",
    "Decision",
    "add_work_programme_item",
    "last_board_meeting_before",
]

SCRUTINY = Body.Kind.SCRUTINY


def last_board_meeting_before(council: Council, day: datetime.date) -> datetime.date | None:
    """The date of the latest improvement-board meeting on or before `day`, if any."""
    meeting = last_board_meeting_on_or_before(council, day)
    return meeting_day(meeting) if meeting else None

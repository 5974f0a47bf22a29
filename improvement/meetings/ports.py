"""What other apps may ask of meetings. Domain apps call each other only through
their `ports.py`, so these few functions are the whole of what they rely on."""

import datetime
from typing import Any

from django.utils import timezone

from improvement.meetings.models import Body, Meeting


def last_board_meeting_before(council: Any, day: datetime.date) -> datetime.date | None:
    """The date of the improvement board's last meeting on or before `day` (not a
    cancelled or archived one), or None when the board has not met by then."""
    meeting = (
        Meeting.objects.filter(
            council=council,
            body__kind=Body.Kind.IMPROVEMENT_BOARD,
            archived_at__isnull=True,
            starts_at__date__lte=day,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    return timezone.localdate(meeting.starts_at) if meeting else None

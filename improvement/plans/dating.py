"""How far back an update may be dated.

An owner may date an update back to the board's last meeting (or, where the council
has set it, a number of days), so that nobody can quietly change what a past board
was shown. The board manager may go further, giving the reason.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from improvement.core.access import allowed
from improvement.core.actors import require_actor
from improvement.meetings.ports import last_board_meeting_before


def owners_earliest(council: Any, today: datetime.date | None = None) -> datetime.date:
    """The earliest date an owner may give an update: the council's setting, else the
    board's last meeting, else one board cycle back when the board has not yet met."""
    today = today or timezone.localdate()
    settings = getattr(council, "plan_settings", None)
    if settings is not None and settings.owner_backdate_days is not None:
        return today - datetime.timedelta(days=settings.owner_backdate_days)
    met = last_board_meeting_before(council, today)
    if met is not None:
        return met
    return today - datetime.timedelta(days=council.board_cycle_days)


def check_date(actor: Any, council: Any, as_of: datetime.date | None, reason: str) -> None:
    """Refuse an update dated in the future, or before the owners' limit unless the
    actor may backdate and says why."""
    require_actor(actor)
    if as_of is None:
        return
    today = timezone.localdate()
    if as_of > today:
        raise ValidationError({"as_of": "Date of this update must be today or in the past"})
    earliest = owners_earliest(council, today)
    if as_of >= earliest:
        return
    if not allowed(actor, "plans.backdate_update", council):
        raise ValidationError(
            {"as_of": f"Date of this update must be on or after {earliest:%-d %B %Y}"}
        )
    if not (reason or "").strip():
        raise ValidationError(
            {
                "backdate_reason": "Enter why this update is dated before "
                f"{earliest:%-d %B %Y}, the earliest date an owner may give"
            }
        )

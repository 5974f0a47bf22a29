"""Ratings, completion and the "slow to progress" rules of the design.

An action is flagged, with every reason, when it is past its due date and not
complete; is Red; has been Amber on two consecutive updates; has had no
update for longer than one board cycle; or is due within the council's
warning window and is not Green or Blue. An objective is flagged when any of
its actions is.
"""

import datetime
from typing import Any

from improvement.plans.models import Rating
from improvement.plans.presenters import NOT_RATED, ActionProgress, ActionRow

__all__ = ["NOT_RATED", "assess", "assess_row", "slow_reasons"]


def slow_reasons(
    rating: str,
    previous_rating: str | None,
    due_on: datetime.date | None,
    last_update_on: datetime.date | None,
    created_on: datetime.date,
    as_at: datetime.date,
    cycle_days: int,
    due_soon_days: int,
) -> list[str]:
    if rating == Rating.BLUE:
        return []
    reasons = []
    if due_on and due_on < as_at:
        reasons.append(f"Past its due date of {due_on:%-d %B %Y} and not complete")
    if rating == Rating.RED:
        reasons.append("Rated Red")
    if rating == Rating.AMBER and previous_rating == Rating.AMBER:
        reasons.append("Amber on two consecutive updates")
    since = last_update_on or created_on
    if (as_at - since).days > cycle_days:
        what = f"since {last_update_on:%-d %B %Y}" if last_update_on else "since it was added"
        reasons.append(f"No update for more than {cycle_days} days ({what})")
    if due_on and as_at <= due_on <= as_at + datetime.timedelta(days=due_soon_days):
        if rating != Rating.GREEN:
            reasons.append(f"Due within {due_soon_days} days and not Green or Blue")
    return reasons


def assess_row(
    action: tuple, due_on: datetime.date | None, as_at: datetime.date, council: Any
) -> ActionRow:
    """The standing of one action from its lean row of `ActionQuerySet.standing`, and
    its due date as it stood then."""
    pk, objective_id, organisation_id, _, created_on, latest, latest_as_of, previous = action
    rating = latest or NOT_RATED
    reasons = slow_reasons(
        rating,
        previous,
        due_on,
        latest_as_of,
        created_on,
        as_at,
        council.board_cycle_days,
        council.due_soon_days,
    )
    return ActionRow(pk, objective_id, organisation_id, rating, due_on, reasons, latest_as_of)


def assess(action: Any, as_at: datetime.date, latest_update: Any = None) -> ActionProgress:
    """The progress of one action annotated by `ActionQuerySet.with_progress`."""
    council = action.council
    rating = action.latest_rating or NOT_RATED
    due_on = action.due_on_as_at(as_at)
    reasons = slow_reasons(
        rating,
        action.previous_rating,
        due_on,
        action.latest_as_of,
        action.created_at.date(),
        as_at,
        council.board_cycle_days,
        council.due_soon_days,
    )
    return ActionProgress(action, rating, due_on, latest_update, reasons)

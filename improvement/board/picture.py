"""The plan's picture as the board sees it: the plan's own progress, with the
objectives its measures flag (from the evidence app)."""

import datetime
from dataclasses import replace
from typing import Any

from django.utils import timezone

from improvement.core.figures import reuse_figures
from improvement.core.models import Council
from improvement.evidence.queries import objective_measure_flags
from improvement.plans.picture import PlanPicture, plan_picture, plan_summary

# The kept summary's name: a new one whenever `ActionRow` gains a field (pickled rows
# of the old shape would lack it).
SUMMARY_FIGURES = "board-summary-2"


def _day(as_at: datetime.date | None) -> datetime.date:
    today = timezone.localdate()
    return min(as_at or today, today)


def board_picture(council: Council, as_at: datetime.date | None = None) -> PlanPicture:
    """The plan on a date (today by default, never later), objectives flagged by their
    measures included, every action with its details: what the board's reports print."""
    day = _day(as_at)
    return plan_picture(council, day, measure_flags=objective_measure_flags(council, day))


def board_summary(
    council: Council, as_at: datetime.date | None = None, objective: Any = None
) -> PlanPicture:
    """The same figures as `board_picture`, each action a lean row: what the dashboard
    and the plan's lists count, fetching details only for the rows they show. Given an
    objective, that objective alone: its page's figures. Reused until the council's
    record changes or the day turns (docs/adr/024)."""
    day = _day(as_at)

    def compute() -> PlanPicture:
        flags = objective_measure_flags(council, day)
        return plan_summary(council, day, measure_flags=flags, objective=objective)

    part = objective.pk if objective is not None else "plan"
    # The name changes with the rows' shape, so no figures kept in the old one are read.
    kept = reuse_figures(council, SUMMARY_FIGURES, compute, day, part)
    return _with_live_council(kept, council)


def _with_live_council(picture: PlanPicture, council: Council) -> PlanPicture:
    """The kept picture with the request's own council, so its rating scale and
    settings are those of now, not of a copy pickled with the figures."""
    if picture.notice is not None:
        picture.notice.notice.council = council
    return replace(picture, council=council)

"""The plan's picture as the board sees it: the plan's own progress, with the
objectives its measures flag (from the evidence app)."""

import datetime

from django.utils import timezone

from improvement.core.models import Council
from improvement.evidence.queries import objective_measure_flags
from improvement.plans.picture import PlanPicture, plan_picture


def board_picture(council: Council, as_at: datetime.date | None = None) -> PlanPicture:
    """The plan on a date (today by default, never later), objectives flagged by their
    measures included: what the dashboard and the board's reports show."""
    today = timezone.localdate()
    day = min(as_at or today, today)
    return plan_picture(council, day, measure_flags=objective_measure_flags(council, day))

"""The picture of the plan as it stood on a date: what the plan's pages and the
board's reports show. Built in a fixed number of queries, from what had been
recorded by that date."""

import datetime
from collections.abc import Mapping
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from improvement.core.models import Council
from improvement.plans.models import Action, Objective, Update
from improvement.plans.presenters import (
    ActionProgress,
    NoticeSummary,
    ObjectiveProgress,
    PlanPicture,
)
from improvement.plans.progress import assess

__all__ = ["PlanPicture", "actions_as_at", "notice_summary", "plan_picture"]


def notice_summary(council: Council, as_at: datetime.date) -> NoticeSummary | None:
    notice = council.notices.live().filter(issued_on__lte=as_at).prefetch_related("reviews").first()
    if notice is None:
        return None
    held = [review.held_on for review in notice.reviews.all() if review.held_on <= as_at]
    last = max(held) if held else None
    interval = relativedelta(months=notice.review_interval_months)
    return NoticeSummary(notice, last, (last or notice.issued_on) + interval)


def actions_as_at(actions: Any, council: Council, as_at: datetime.date) -> list[ActionProgress]:
    """Assess annotated actions, fetching their latest updates in one query."""
    rows = list(actions)
    latest = Update.objects.latest_of(rows)
    result = []
    for action in rows:
        action.council = council
        result.append(assess(action, as_at, latest.get(action.latest_update_id)))
    return result


def plan_picture(
    council: Council,
    as_at: datetime.date | None = None,
    measure_flags: Mapping[int, list[str]] | None = None,
) -> PlanPicture:
    """The plan on a date (today by default, never later). `measure_flags` are the
    reasons, by objective id, that objectives' measures flag them: the evidence app
    knows them, so the board's pages pass them in (see `board.picture`)."""
    today = timezone.localdate()
    as_at = min(as_at or today, today)
    flags = measure_flags or {}
    objectives = list(Objective.objects.filter(council=council).existing_at(as_at))
    actions = (
        Action.objects.filter(council=council)
        .existing_at(as_at)
        .with_progress(as_at)
        .for_lists()
        .in_plan_order()
    )
    by_objective: dict[int, list[ActionProgress]] = {o.pk: [] for o in objectives}
    for item in actions_as_at(actions, council, as_at):
        by_objective.setdefault(item.action.objective_id, []).append(item)
    return PlanPicture(
        council=council,
        as_at=as_at,
        notice=notice_summary(council, as_at),
        objectives=[
            ObjectiveProgress(o, by_objective.get(o.pk, []), list(flags.get(o.pk, [])))
            for o in objectives
        ],
    )

"""The picture of the plan as it stood on a date: what the plan's pages and the
board's reports show. Built in a fixed number of queries, from what had been
recorded by that date.

`plan_summary` counts from lean rows (one query, no model object per action), so
the pages cost the same for a plan of forty actions or two thousand; `with_details`
fetches the actions a page shows, and `plan_picture`, for the reports, fetches them
all (docs/adr/017)."""

import datetime
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from improvement.core.models import Council
from improvement.plans.models import Action, Objective, Update, due_as_at
from improvement.plans.presenters import (
    ActionProgress,
    ActionRow,
    NoticeSummary,
    ObjectiveProgress,
    PlanPicture,
)
from improvement.plans.progress import assess, assess_row
from improvement.plans.review_schedule import held_reviews, scheduled_review

__all__ = [
    "PlanPicture",
    "actions_as_at",
    "notice_summary",
    "plan_picture",
    "plan_summary",
    "with_details",
]


def notice_summary(council: Council, as_at: datetime.date) -> NoticeSummary | None:
    """The notice as at a date: its last review, the next as the DfE scheduled it, and
    the latest day the notice allows for it (docs/adr/028)."""
    notice = council.notices.live().filter(issued_on__lte=as_at).prefetch_related("reviews").first()
    if notice is None:
        return None
    reviews = list(notice.reviews.all())
    held = held_reviews(notice, reviews, as_at)
    last = held[-1].review.held_on if held else None
    due_by = (last or notice.issued_on) + relativedelta(months=notice.review_interval_months)
    scheduled = scheduled_review(notice, reviews, as_at)
    return NoticeSummary(
        notice, last, scheduled or due_by, scheduled, due_by, as_at=as_at, held=held
    )


def actions_as_at(actions: Any, council: Council, as_at: datetime.date) -> list[ActionProgress]:
    """Assess annotated actions, fetching their latest updates in one query."""
    rows = list(actions)
    latest = Update.objects.latest_of(rows)
    result = []
    for action in rows:
        action.council = council
        result.append(assess(action, as_at, latest.get(action.latest_update_id)))
    return result


def _day(as_at: datetime.date | None) -> datetime.date:
    today = timezone.localdate()
    return min(as_at or today, today)


def _reprofiles(actions: Any, as_at: datetime.date) -> dict[int, list[tuple]]:
    """The re-profiles after the date, by action: few, and none when it is today."""
    found: dict[int, list[tuple]] = {}
    for pk, changed_on, change, old_due_on in actions.reprofiled_after(as_at):
        found.setdefault(pk, []).append((changed_on, change, old_due_on))
    return found


def plan_summary(
    council: Council,
    as_at: datetime.date | None = None,
    measure_flags: Mapping[int, list[str]] | None = None,
    objective: Objective | None = None,
) -> PlanPicture:
    """The plan's figures on a date (today by default, never later), each action an
    `ActionRow`. `measure_flags` are the reasons, by objective id, that objectives'
    measures flag them: the evidence app knows them, so the board passes them in.
    Given an `objective`, the picture holds it alone: its page's figures, counted as
    the plan list counts them, from its own actions only."""
    as_at = _day(as_at)
    flags = measure_flags or {}
    objectives = Objective.objects.filter(council=council).existing_at(as_at)
    actions = Action.objects.filter(council=council).existing_at(as_at)
    if objective is not None:
        objectives = objectives.filter(pk=objective.pk)
        actions = actions.filter(objective=objective)
    objectives = list(objectives)
    reprofiles = _reprofiles(actions, as_at)
    by_objective: dict[int, list[ActionRow]] = {o.pk: [] for o in objectives}
    for action in actions.standing(as_at):
        pk, objective_id, _, due_on = action[:4]
        row = assess_row(action, due_as_at(due_on, reprofiles.get(pk, []), as_at), as_at, council)
        by_objective.setdefault(objective_id, []).append(row)
    return PlanPicture(
        council=council,
        as_at=as_at,
        notice=notice_summary(council, as_at),
        objectives=[
            ObjectiveProgress(o, by_objective.get(o.pk, []), list(flags.get(o.pk, [])))
            for o in objectives
        ],
    )


def with_details(
    council: Council, as_at: datetime.date, rows: list[ActionRow]
) -> list[ActionProgress]:
    """The rows a page shows as `ActionProgress`: their actions with objective,
    organisation and owners, and their latest updates as at the date, in three queries."""
    actions = (
        Action.objects.filter(council=council)
        .with_progress(as_at)
        .select_related("objective", "organisation")
        .prefetch_related("owners")
        .in_bulk([row.action_id for row in rows])
    )
    updates = Update.objects.latest_of(list(actions.values()))
    result = []
    for row in rows:
        action = actions[row.action_id]
        action.council = council
        latest = updates.get(action.latest_update_id)
        result.append(ActionProgress(action, row.rating, row.due_on, latest, row.reasons))
    return result


def plan_picture(
    council: Council,
    as_at: datetime.date | None = None,
    measure_flags: Mapping[int, list[str]] | None = None,
) -> PlanPicture:
    """The plan on a date with every action's details: what the reports print.
    The pages use `plan_summary`, and details only for the rows they show."""
    summary = plan_summary(council, as_at, measure_flags)
    detailed = iter(with_details(council, summary.as_at, summary.actions))
    objectives = [
        replace(objective, actions=[next(detailed) for _ in objective.actions])
        for objective in summary.objectives
    ]
    return replace(summary, objectives=objectives)

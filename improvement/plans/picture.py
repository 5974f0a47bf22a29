"""The picture of the plan as it stood on a date: what the dashboard and the
board's reports show. Built in a fixed number of queries."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from improvement.core.models import Council
from improvement.core.numbers import percentage
from improvement.plans.models import Action, Notice, Objective, Update
from improvement.plans.progress import ActionProgress, ObjectiveProgress, assess
from improvement.plans.queries import latest_updates_by_id


@dataclass
class NoticeSummary:
    notice: Notice
    last_review_on: datetime.date | None
    next_review_due: datetime.date


@dataclass
class PlanPicture:
    council: Council
    as_at: datetime.date
    notice: NoticeSummary | None
    objectives: list[ObjectiveProgress] = field(default_factory=list)

    @property
    def actions(self) -> list[ActionProgress]:
        return [item for objective in self.objectives for item in objective.actions]

    @property
    def rating_counts(self) -> Counter:
        return Counter(item.rating for item in self.actions)

    @property
    def complete(self) -> int:
        return sum(item.complete for item in self.actions)

    @property
    def complete_pct(self) -> Any:
        return percentage(self.complete, len(self.actions))

    @property
    def slow(self) -> list[ActionProgress]:
        return [item for item in self.actions if item.slow]

    @property
    def slow_objectives(self) -> list[ObjectiveProgress]:
        return [objective for objective in self.objectives if objective.flagged]

    @property
    def measure_flagged(self) -> list[ObjectiveProgress]:
        return [objective for objective in self.objectives if objective.measure_reasons]

    @property
    def due_after_deadline(self) -> list[ActionProgress]:
        if self.notice is None:
            return []
        deadline = self.notice.notice.deadline
        return [
            item
            for item in self.actions
            if item.due_on and item.due_on > deadline and not item.complete
        ]


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
    latest = latest_updates_by_id(Update, rows)
    result = []
    for action in rows:
        action.council = council
        result.append(assess(action, as_at, latest.get(action.latest_update_id)))
    return result


def plan_picture(council: Council, as_at: datetime.date | None = None) -> PlanPicture:
    today = timezone.localdate()
    as_at = min(as_at or today, today)
    objectives = list(Objective.objects.filter(council=council).existing_at(as_at))
    actions = (
        Action.objects.filter(council=council)
        .existing_at(as_at)
        .with_progress(as_at)
        .for_lists()
        .order_by("objective__position", "objective_id", "position", "id")
    )
    by_objective: dict[int, list[ActionProgress]] = {o.pk: [] for o in objectives}
    for item in actions_as_at(actions, council, as_at):
        by_objective.setdefault(item.action.objective_id, []).append(item)
    flags = measure_flags(council, as_at)
    return PlanPicture(
        council=council,
        as_at=as_at,
        notice=notice_summary(council, as_at),
        objectives=[
            ObjectiveProgress(o, by_objective.get(o.pk, []), flags.get(o.pk, []))
            for o in objectives
        ],
    )


def measure_flags(council: Council, as_at: datetime.date) -> dict[int, list[str]]:
    """Objectives flagged by their measures. Imported here, not at the top, because
    the evidence app builds on the plan and reads it."""
    from improvement.evidence.queries import objective_measure_flags

    return objective_measure_flags(council, as_at)

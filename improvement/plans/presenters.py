"""What the plan's pages and the board's reports show: progress of actions and
objectives, and the picture of the plan on a date. Built by `plans.picture`; no
queries here, only arithmetic on what was fetched."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from improvement.core.models import Council
from improvement.core.numbers import percentage
from improvement.plans.models import Notice, Rating


@dataclass
class ActionProgress:
    action: Any
    rating: str
    due_on: datetime.date | None
    latest_update: Any = None
    reasons: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.rating == Rating.BLUE

    @property
    def slow(self) -> bool:
        return bool(self.reasons)


class Tally:
    """The figures of a set of actions: one home for an objective's and the plan's."""

    actions: Any

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


@dataclass
class ObjectiveProgress(Tally):
    objective: Any
    actions: list[ActionProgress]
    measure_reasons: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """Slow to progress: an action is, or a linked measure is off target and not improving."""
        return bool(self.slow or self.measure_reasons)


@dataclass
class NoticeSummary:
    notice: Notice
    last_review_on: datetime.date | None
    next_review_due: datetime.date


@dataclass
class PlanPicture(Tally):
    council: Council
    as_at: datetime.date
    notice: NoticeSummary | None
    objectives: list[ObjectiveProgress] = field(default_factory=list)

    @property
    def actions(self) -> list[ActionProgress]:  # type: ignore[override]
        return [item for objective in self.objectives for item in objective.actions]

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

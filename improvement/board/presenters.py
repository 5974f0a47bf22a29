"""Display objects for the board's pages."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from improvement.core.numbers import percentage
from improvement.plans.presenters import ActionProgress


def by_objective(items: list[ActionProgress]) -> list[tuple[Any, list[ActionProgress]]]:
    """A page of actions in plan order, grouped under their objectives."""
    groups: list[tuple[Any, list[ActionProgress]]] = []
    for item in items:
        if not groups or groups[-1][0].pk != item.action.objective_id:
            groups.append((item.action.objective, []))
        groups[-1][1].append(item)
    return groups


def _share(numerator: int, denominator: int) -> str:
    """'3 of 12 (25.0%)': a percentage always with what it divides."""
    found = percentage(numerator, denominator)
    shown = "none" if found is None else f"{found:.1f}%"
    return f"{numerator} of {denominator} ({shown})"


def _percent(numerator: int, denominator: int) -> float | None:
    found = percentage(numerator, denominator)
    return None if found is None else float(found)


@dataclass
class TrendPoint:
    """The share of actions complete as the plan stood on a board meeting's day."""

    on: datetime.date
    complete: int
    actions: int

    @property
    def shown(self) -> str:
        return _share(self.complete, self.actions)

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "complete": self.complete,
            "actions": self.actions,
            "percent": _percent(self.complete, self.actions),
        }


@dataclass
class KpiFigure:
    """One front-door KPI of a council's latest Annex A import, with the England
    figure published by its reference date when one is held."""

    key: str
    label: str
    numerator: int
    denominator: int
    value: float | None
    count: bool
    england: float | None = None
    england_year: str = ""

    @property
    def shown(self) -> str:
        if self.count:
            return str(self.numerator)
        if self.value is None:
            return "No data"
        return f"{self.value:.1f}% ({self.numerator} of {self.denominator})"

    @property
    def england_shown(self) -> str:
        if self.england is None:
            return "Not held"
        return f"{self.england:.1f}% ({self.england_year})"

    def as_dict(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for name in ("key", "label", "numerator", "denominator", "value", "count")
        } | {"england": self.england, "england_year": self.england_year or None}


@dataclass
class CouncilPortfolio:
    """One council as a person with roles in several sees it beside the others: counts
    and KPIs only, never an action's title or owner, so nothing exempt or personal."""

    slug: str
    name: str
    as_at: datetime.date
    complete: int
    actions: int
    slow: int
    trend: list[TrendPoint]
    deadline: datetime.date | None = None
    due_after_deadline: int = 0
    last_review: datetime.date | None = None
    next_review: datetime.date | None = None
    # Scheduled later than the notice allows, or not scheduled and past its limit.
    review_late: bool = False
    kpis_as_at: datetime.date | None = None
    kpis: list[KpiFigure] = field(default_factory=list)

    @property
    def complete_shown(self) -> str:
        return _share(self.complete, self.actions)

    @property
    def has_notice(self) -> bool:
        return self.deadline is not None

    @property
    def review_overdue(self) -> bool:
        return self.next_review is not None and self.next_review < self.as_at

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON values, for the API's `/portfolio`."""

        def day(value: datetime.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "council": self.slug,
            "name": self.name,
            "as_at": day(self.as_at),
            "actions": self.actions,
            "complete": self.complete,
            "complete_percent": _percent(self.complete, self.actions),
            "slow_to_progress": self.slow,
            "trend": [point.as_dict() for point in self.trend],
            "notice": {
                "deadline": day(self.deadline),
                "due_after_deadline": self.due_after_deadline,
                "last_review": day(self.last_review),
                "next_review": day(self.next_review),
                "review_overdue": self.review_overdue,
            }
            if self.has_notice
            else None,
            "kpis_as_at": day(self.kpis_as_at),
            "kpis": [kpi.as_dict() for kpi in self.kpis],
        }

"""What the plan's pages and the board's reports show: progress of actions and
objectives, and the picture of the plan on a date. Built by `plans.picture`; no
queries here, only arithmetic on what was fetched."""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import QueryDict

from improvement.core.models import Council
from improvement.core.numbers import percentage
from improvement.plans.models import Notice, Rating

NOT_RATED = "not_rated"


class Standing:
    """Complete and slow, from an action's rating and the reasons it is flagged."""

    __slots__ = ()
    rating: str
    reasons: list[str]

    @property
    def complete(self) -> bool:
        return self.rating == Rating.BLUE

    @property
    def slow(self) -> bool:
        return bool(self.reasons)


@dataclass
class ActionProgress(Standing):
    action: Any
    rating: str
    due_on: datetime.date | None
    latest_update: Any = None
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActionRow(Standing):
    """One action's standing on a date, and no more: what the plan's figures and the
    lists of exceptions need. `plans.picture.with_details` makes the rows a page shows
    into `ActionProgress`, so a plan of thousands costs no more than the page."""

    action_id: int
    objective_id: int
    organisation_id: int
    rating: str
    due_on: datetime.date | None
    reasons: list[str]
    last_update_on: datetime.date | None = None


class Tally:
    """The figures of a set of actions: one home for an objective's and the plan's.
    Counted once per picture (a page asks for each rating of each objective), so a
    picture is not changed once made: `dataclasses.replace` makes another."""

    actions: Any

    @cached_property
    def rating_counts(self) -> Counter:
        return Counter(item.rating for item in self.actions)

    @property
    def complete(self) -> int:
        return self.rating_counts[Rating.BLUE]

    @property
    def complete_pct(self) -> Any:
        return percentage(self.complete, len(self.actions))

    @cached_property
    def slow(self) -> list[Any]:
        return [item for item in self.actions if item.slow]


@dataclass
class ObjectiveProgress(Tally):
    objective: Any
    actions: list[Any]  # ActionProgress, or ActionRow in a summary
    measure_reasons: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """Slow to progress: an action is, or a linked measure is off target and not improving."""
        return bool(self.slow or self.measure_reasons)


@dataclass
class NoticeSummary:
    """The notice as at a date, with its reviews' timing (`plans.review_schedule`).

    `next_review_due` is the review the DfE scheduled; while none is, the latest day
    the notice allows (`due_by`), so readers that print one date still print a true
    one. `scheduled_on` is None until a date is set."""

    notice: Notice
    last_review_on: datetime.date | None
    next_review_due: datetime.date
    scheduled_on: datetime.date | None = None
    due_by: datetime.date | None = None
    as_at: datetime.date | None = None
    held: list[Any] = field(default_factory=list)  # review_schedule.HeldReview

    @property
    def late_reviews(self) -> list[Any]:
        return [review for review in self.held if review.late]

    @property
    def next_review_late(self) -> bool:
        """The next review is scheduled after the notice's limit, or, with none
        scheduled, the limit has passed."""
        if self.due_by is None:
            return False
        if self.scheduled_on is not None:
            return self.scheduled_on > self.due_by
        return self.as_at is not None and self.as_at > self.due_by

    @property
    def next_review_text(self) -> str:
        """The next review in words, flagged when it is later than the notice allows."""
        due_by = f"{self.due_by:%-d %B %Y}" if self.due_by else ""
        if self.scheduled_on is None:
            text = f"Not yet scheduled; the notice requires one by {due_by}"
            if self.next_review_late:
                return f"{text}, and that date has passed"
            return text
        text = f"Scheduled for {self.scheduled_on:%-d %B %Y}"
        if self.next_review_late:
            return (
                f"{text}: later than the notice allows (at least every "
                f"{self.notice.review_interval_months} months, so by {due_by})"
            )
        return text

    @property
    def next_review_sentence(self) -> str:
        """'The next DfE review is scheduled for ...', for a report's running text."""
        text = self.next_review_text
        return f"The next DfE review is {text[0].lower()}{text[1:]}."

    @property
    def flags(self) -> list[str]:
        """Every review held or scheduled later than the notice allows, in words."""
        found = [review.timing for review in self.late_reviews]
        if self.next_review_late:
            found.append(self.next_review_sentence)
        return found


@dataclass
class PlanPicture(Tally):
    council: Council
    as_at: datetime.date
    notice: NoticeSummary | None
    objectives: list[ObjectiveProgress] = field(default_factory=list)

    @cached_property
    def actions(self) -> list[Any]:  # type: ignore[override]
        return [item for objective in self.objectives for item in objective.actions]

    @cached_property
    def objective_rows(self) -> list[tuple[ObjectiveProgress, list[int]]]:
        """Each objective with its counts in the order of the council's rating scale,
        then not yet rated: the table of the dashboard and the plan list, worked out
        here since a template would redo each lookup for each cell."""
        codes = [row["code"] for row in self.council.rating_scale] + [NOT_RATED]
        return [
            (objective, [objective.rating_counts.get(code, 0) for code in codes])
            for objective in self.objectives
        ]

    @property
    def slow_objectives(self) -> list[ObjectiveProgress]:
        return [objective for objective in self.objectives if objective.flagged]

    @property
    def measure_flagged(self) -> list[ObjectiveProgress]:
        return [objective for objective in self.objectives if objective.measure_reasons]

    @property
    def due_after_deadline(self) -> list[Any]:
        if self.notice is None:
            return []
        deadline = self.notice.notice.deadline
        return [
            item
            for item in self.actions
            if item.due_on and item.due_on > deadline and not item.complete
        ]


PAGE_SIZE = 25
SHORT_PAGE_SIZE = 10  # one list among several on a page, as on the dashboard


@dataclass
class Paged:
    """One page of a long list, with links to its neighbours that keep the rest of the
    page's query (the date it is as at, the other lists' pages)."""

    page: Page
    query: QueryDict
    param: str
    anchor: str = ""

    @property
    def items(self) -> list[Any]:
        return list(self.page.object_list)

    def _href(self, number: int) -> str:
        query = self.query.copy()
        query[self.param] = str(number)
        return f"?{query.urlencode()}" + (f"#{self.anchor}" if self.anchor else "")

    @property
    def previous_href(self) -> str:
        return self._href(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_href(self) -> str:
        return self._href(self.page.next_page_number()) if self.page.has_next() else ""


def paged(
    items: Any,
    query: QueryDict,
    param: str = "page",
    detail: Callable[[list[Any]], list[Any]] | None = None,
    anchor: str = "",
    size: int = PAGE_SIZE,
) -> Paged:
    """The page of `items` that `query[param]` asks for; `detail` turns the lean rows of
    that page alone into what the page shows."""
    page = Paginator(items, size).get_page(query.get(param))
    if detail is not None:
        page.object_list = detail(list(page.object_list))
    return Paged(page, query, param, anchor)

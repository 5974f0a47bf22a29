"""The plan's actions as one long list (core.listing, docs/adr/037): filtered by the
facets people ask about, sorted, a page at a time, and as a CSV of every action the
filters keep. The plan list and an objective's page both show it.

A rating and a flag are worked out by the rules, not stored, so the rows are the plan
summary's lean rows (`plans.presenters.ActionRow`) with what the filters and sorts
need besides: who owns each action (one query for the whole plan) and where it comes
in the plan. Only the page's rows (or the CSV's, a chunk at a time) are fetched whole.
"""

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

import django_filters
from django import forms
from django.http import QueryDict

from improvement.core.listing import Column, ListFilterSet, ListSpec, Rows, Sort, choice_filter
from improvement.core.models import Council
from improvement.core.templatetags.ib import rating_label
from improvement.meetings.ports import cycle_end
from improvement.plans.models import Rating
from improvement.plans.picture import PlanPicture, with_details
from improvement.plans.presenters import NOT_RATED, Standing
from improvement.plans.queries import organisations_in_plan, owners_in_plan

# The query parameters of the date a page shows the plan as at (plans.forms.AsAtForm):
# they travel with the filters, the sort and the pages.
AS_AT_FIELDS = ("as_at_day", "as_at_month", "as_at_year")
PLAN_ORDER = "plan"
# Ratings most serious first, for the sort by rating: off track, at risk, not started,
# on track, complete (not yet rated goes last, as empty values do).
SEVERITY = (Rating.RED, Rating.AMBER, Rating.GREY, Rating.GREEN, Rating.BLUE)
DUE_THIS_CYCLE, OVERDUE = "cycle", "overdue"


@dataclass(slots=True)
class PlanRow(Standing):
    """One action's standing on a date (an `ActionRow`), where it comes in the plan,
    who owns it and how its rating ranks: what the filters and sorts read."""

    action_id: int
    objective_id: int
    organisation_id: int
    rating: str
    due_on: datetime.date | None
    reasons: list[str]
    last_update_on: datetime.date | None
    plan_index: int
    owner_ids: frozenset[int]
    # Its place in SEVERITY; None if not yet rated.
    rating_rank: int | None


@dataclass(frozen=True)
class Cycle:
    """The board cycle a filter asks about: up to the next board meeting after the date
    the plan is shown as at or, with none scheduled, six weeks from that date."""

    starts_on: datetime.date
    ends_on: datetime.date
    meeting: bool

    @property
    def hint(self) -> str:
        if self.meeting:
            return f"Due by the next board meeting, on {self.ends_on:%-d %B %Y}"
        return (
            f"No board meeting is scheduled after {self.starts_on:%-d %B %Y}, so due in "
            f"the next six weeks, by {self.ends_on:%-d %B %Y}"
        )


def cycle_from(council: Council, day: datetime.date) -> Cycle:
    """The cycle that runs from `day`: to the next improvement board meeting after it
    (meetings' `cycle_end`, the one rule of "this cycle"), else six weeks."""
    ends_on, by_meeting = cycle_end(council, None, day)
    return Cycle(day, ends_on, by_meeting)


def plan_rows(picture: PlanPicture, owners: dict[int, frozenset[int]]) -> list[PlanRow]:
    """The picture's lean rows, in plan order, with their owners and ranks."""
    ranks = {code: rank for rank, code in enumerate(SEVERITY)}
    return [
        PlanRow(
            row.action_id,
            row.objective_id,
            row.organisation_id,
            row.rating,
            row.due_on,
            row.reasons,
            row.last_update_on,
            index,
            owners.get(row.action_id, frozenset()),
            ranks.get(row.rating),
        )
        for index, row in enumerate(picture.actions)
    ]


class TickField(forms.BooleanField):
    """A checkbox that narrows the list when ticked and is no filter when not."""

    def to_python(self, value: Any) -> bool | None:
        return True if super().to_python(value) else None


class TickFilter(django_filters.Filter):
    field_class = TickField


def _choice(label: str, empty: str, error: str, **kwargs: Any) -> django_filters.ChoiceFilter:
    return choice_filter(label, error, empty=empty, **kwargs)


class PlanActionFilters(ListFilterSet):
    """The facets of the plan's actions. Each filters the rows in Python, since a
    rating and a flag are worked out by the rules."""

    owner = _choice("Owner", "Anyone", "Select an owner from the list", method="by_owner")
    organisation = _choice(
        "Owner organisation",
        "Any organisation",
        "Select an owner organisation from the list",
        method="by_organisation",
    )
    rating = _choice("Rating", "Any rating", "Select a rating from the list", method="by_rating")
    due = _choice("Due", "Any time", "Select when it is due from the list", method="by_due")
    slow = TickFilter(label="Only actions slow to progress", method="only_slow")

    def __init__(
        self,
        data: QueryDict | None = None,
        queryset: Any = None,
        *,
        council: Council,
        cycle: Cycle,
        people: Iterable[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(data, queryset, **kwargs)
        self.cycle = cycle
        scale = [(row["code"], row["label"]) for row in council.rating_scale]
        self.filters["rating"].extra["choices"] = [*scale, (NOT_RATED, "Not yet rated")]
        self.filters["owner"].extra["choices"] = list(people)
        self.filters["organisation"].extra["choices"] = organisations_in_plan(council)
        self.filters["due"].extra.update(
            choices=[(DUE_THIS_CYCLE, "This cycle"), (OVERDUE, "Overdue")],
            help_text=f"This cycle: {cycle.hint[0].lower()}{cycle.hint[1:]}. "
            "Overdue: past its due date and not complete.",
        )

    def by_owner(self, rows: list[PlanRow], name: str, value: str) -> list[PlanRow]:
        return [row for row in rows if int(value) in row.owner_ids]

    def by_organisation(self, rows: list[PlanRow], name: str, value: str) -> list[PlanRow]:
        return [row for row in rows if row.organisation_id == int(value)]

    def by_rating(self, rows: list[PlanRow], name: str, value: str) -> list[PlanRow]:
        return [row for row in rows if row.rating == value]

    def by_due(self, rows: list[PlanRow], name: str, value: str) -> list[PlanRow]:
        start, end = self.cycle.starts_on, self.cycle.ends_on
        if value == OVERDUE:
            return [row for row in rows if row.due_on and row.due_on < start and not row.complete]
        return [row for row in rows if row.due_on and start <= row.due_on <= end]

    def only_slow(self, rows: list[PlanRow], name: str, value: bool) -> list[PlanRow]:
        return [row for row in rows if row.slow]


def _owners(item: Any) -> str:
    return "; ".join(owner.name for owner in item.action.owners.all())


def _update(item: Any, name: str) -> Any:
    return getattr(item.latest_update, name) if item.latest_update is not None else None


SPEC = ListSpec(
    noun="action",
    filterset=PlanActionFilters,
    sorts=(
        Sort(PLAN_ORDER, "Plan order", ("plan_index",)),
        Sort("due", "Due date, soonest first", ("due_on",), "Due date, latest first"),
        Sort("rating", "Rating, most serious first", ("rating_rank",)),
        Sort(
            "updated", "Last update, oldest first", ("last_update_on",), "Last update, newest first"
        ),
    ),
    default_sort=PLAN_ORDER,
    columns=(
        Column("Reference", lambda item: item.action.ref),
        Column("Objective", lambda item: str(item.action.objective)),
        Column("Action", lambda item: item.action.title),
        Column("Organisation", lambda item: item.action.organisation.name),
        Column("Owners", _owners),
        Column("Due", lambda item: item.due_on or item.action.due_text),
        Column("Rating", lambda item: rating_label(item.action.council, item.rating)),
        Column("Reason for rating (latest update)", lambda item: _update(item, "reason")),
        Column("Last update", lambda item: _update(item, "as_of")),
        Column("Slow to progress", lambda item: item.slow),
    ),
)


def plan_list(picture: PlanPicture) -> tuple[ListSpec, list[PlanRow], dict[str, Any]]:
    """The spec of the picture's list (detailing rows as at its date), its rows, and
    the FilterSet's arguments: what `core.listing.list_page` takes."""
    council = picture.council
    people, owners = owners_in_plan(council, picture.as_at)
    spec = dataclasses.replace(SPEC, detail=partial(with_details, council, picture.as_at))
    arguments = {"council": council, "cycle": cycle_from(council, picture.as_at), "people": people}
    return spec, Rows(plan_rows(picture, owners)), arguments


def as_at_query(query: QueryDict) -> list[tuple[str, str]]:
    """The query's date the plan is shown as at, for links that open as at it too."""
    return [(name, query[name]) for name in AS_AT_FIELDS if query.get(name)]

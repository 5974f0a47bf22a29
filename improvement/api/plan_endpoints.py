"""The plan and its evidence: objectives, actions with their latest rating, the dated
updates, and measures with their values, targets and benchmarks."""

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from improvement.api.params import ListParams, changed
from improvement.api.permissions import council_for
from improvement.api.schemas import ActionOut, MeasureOut, ObjectiveOut, Page, UpdateOut
from improvement.core.paging import cursor_page
from improvement.plans import queries as plan_queries
from improvement.plans.picture import actions_as_at

router = Router(tags=["Plan"])

VIEW_PLAN = "plans.view_plan"
Rating = Literal["blue", "green", "amber", "red", "grey"]
VIEW_EVIDENCE = "evidence.view"


@router.get("/councils/{slug}/objectives", response=Page[ObjectiveOut])
def objectives(request: HttpRequest, slug: str, params: Query[ListParams]) -> dict[str, Any]:
    council = council_for(request, slug, VIEW_PLAN)
    rows = changed(council.objectives.all(), params.updated_since)
    return cursor_page(rows, params.cursor, params.limit)


@router.get("/councils/{slug}/actions", response=Page[ActionOut])
def actions(
    request: HttpRequest,
    slug: str,
    params: Query[ListParams],
    objective: int | None = None,
    organisation: int | None = None,
    owner: int | None = None,
    rating: Rating | None = None,
) -> dict[str, Any]:
    """Actions with the latest rating that counts, its reason, and why the action is
    slow to progress, if it is (the rules of the pages). An action counts as changed
    when it, or any of its updates, was saved since `updated_since`."""
    council = council_for(request, slug, VIEW_PLAN)
    rows = changed(council.actions.all(), params.updated_since).with_progress()
    facets = {"objective_id": objective, "organisation_id": organisation, "owners": owner}
    rows = rows.filter(**{key: value for key, value in facets.items() if value is not None})
    if rating is not None:
        rows = rows.filter(latest_rating=rating)
    result = cursor_page(
        rows.select_related("organisation").prefetch_related("owners", "due_changes"),
        params.cursor,
        params.limit,
    )
    # The pages' own assessment: the latest update and every slow-to-progress reason.
    progress = actions_as_at(result["items"], council, timezone.localdate())
    for action, assessed in zip(result["items"], progress, strict=True):
        action.latest_update, action.slow_reasons = assessed.latest_update, assessed.reasons
    return result


@router.get("/councils/{slug}/updates", response=Page[UpdateOut])
def updates(
    request: HttpRequest, slug: str, params: Query[ListParams], action: int | None = None
) -> dict[str, Any]:
    """Every dated update, each with its rating, reason and approval: the plan's history."""
    council = council_for(request, slug, VIEW_PLAN)
    rows = changed(plan_queries.updates_of(council), params.updated_since, live=False)
    if params.updated_since is None:  # a full read: the history of the plan's live actions
        rows = rows.filter(action__archived_at__isnull=True)
    if action is not None:
        rows = rows.filter(action_id=action)
    return cursor_page(rows, params.cursor, params.limit)


@router.get("/councils/{slug}/measures", response=Page[MeasureOut])
def measures(request: HttpRequest, slug: str, params: Query[ListParams]) -> dict[str, Any]:
    """Measures with every value, the target and the dated benchmarks."""
    council = council_for(request, slug, VIEW_EVIDENCE)
    rows = changed(council.measures.all(), params.updated_since).with_figures()
    return cursor_page(rows, params.cursor, params.limit)

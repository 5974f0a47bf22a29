"""The plan's records found by their words, for the board's search page (docs/adr/043):
objectives, actions and owners' updates, live ones only, for a reader who may see
the plan (`plans.view_plan`, as the plan's pages ask)."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from improvement.core.access import allowed
from improvement.core.models import Council
from improvement.core.search import (
    PER_KIND,
    Found,
    Hit,
    found,
    matching,
    searchable,
    snippet,
)
from improvement.plans.models import Action, Objective, Update

# (kind, label) in the order the search page shows them.
KINDS = [("objectives", "Objectives"), ("actions", "Actions"), ("updates", "Updates")]

# What each kind is searched by, declared once for the query and its index (a plan
# holds tens of objectives, so they have none). Change one and add a migration that
# removes and adds its index (docs/adr/043).
OBJECTIVES = searchable(Objective, "ref", "title", "theme", "description")
ACTIONS = searchable(
    Action, "ref", "title", "success_measure", "evidence_planned", index="plans_action_search"
)
UPDATES = searchable(Update, "narrative", "reason", "support_needed", index="plans_update_search")


def search(
    council: Council, user: Any, terms: str, limit: int = PER_KIND, kind: str | None = None
) -> list[Found]:
    """The plan's matches of `terms`, a `Found` for each kind asked for (every kind
    when `kind` is None); nothing for a reader who may not see the plan."""
    if kind is not None and kind not in dict(KINDS):
        return []
    if not terms or not allowed(user, "plans.view_plan", council):
        return []
    slug = council.slug
    results = []
    if kind in (None, "objectives"):
        objectives = council.objectives.live()

        def objective_hit(objective: Any) -> Hit:
            return Hit(
                title=str(objective),
                url=reverse("board:objective_detail", args=[slug, objective.pk]),
                snippet=snippet(terms, objective.description, objective.theme),
                meta="Objective",
            )

        results.append(
            found("objectives", "Objectives", matching(objectives, OBJECTIVES, terms), limit,
                  objective_hit)
        )  # fmt: skip
    if kind in (None, "actions"):
        actions = council.actions.live().filter(objective__archived_at__isnull=True)

        def action_hit(action: Any) -> Hit:
            return Hit(
                title=str(action),
                url=reverse("board:action_detail", args=[slug, action.pk]),
                snippet=snippet(terms, action.title, action.success_measure),
                date=action.due_on,
                meta="Due",
            )

        results.append(
            found("actions", "Actions", matching(actions, ACTIONS, terms), limit, action_hit)
        )
    if kind in (None, "updates"):
        updates = (
            Update.objects.filter(
                action__council=council,
                action__archived_at__isnull=True,
                action__objective__archived_at__isnull=True,
            )
            .recorded_by(timezone.localdate())
            .select_related("action")
        )

        def update_hit(update: Any) -> Hit:
            return Hit(
                title=f"Update on {update.action}",
                url=reverse("board:action_detail", args=[slug, update.action_id]),
                snippet=snippet(terms, update.narrative, update.reason, update.support_needed),
                date=update.as_of,
                meta="As of",
            )

        results.append(
            found("updates", "Updates", matching(updates, UPDATES, terms), limit, update_hit)
        )
    return results

"""Display objects for the board's pages."""

from typing import Any

from improvement.plans.presenters import ActionProgress


def by_objective(items: list[ActionProgress]) -> list[tuple[Any, list[ActionProgress]]]:
    """A page of actions in plan order, grouped under their objectives."""
    groups: list[tuple[Any, list[ActionProgress]]] = []
    for item in items:
        if not groups or groups[-1][0].pk != item.action.objective_id:
            groups.append((item.action.objective, []))
        groups[-1][1].append(item)
    return groups

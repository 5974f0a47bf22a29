"""Reads that start from the council, for views: nothing is fetched from a table
except through the council it belongs to."""

import datetime
from typing import Any

from improvement.plans.managers import EvidenceFileQuerySet, UpdateQuerySet
from improvement.plans.models import Action, EvidenceFile, Update


def updates_of(council: Any) -> UpdateQuerySet:
    """Every update in a council's plan."""
    return Update.objects.of_council(council)


def evidence_of(council: Any) -> EvidenceFileQuerySet:
    """Every evidence file attached to an update in a council's plan."""
    return EvidenceFile.objects.of_council(council)


def organisations_in_plan(council: Any) -> list[tuple[int, str]]:
    """(id, name) of the organisations that own the council's live actions, by name."""
    return list(
        council.actions.live()
        .order_by("organisation__name", "organisation_id")
        .values_list("organisation_id", "organisation__name")
        .distinct()
    )


def owners_in_plan(
    council: Any, as_at: datetime.date | None = None
) -> tuple[list[tuple[int, str]], dict[int, frozenset[int]]]:
    """(id, name) of the people who own the council's actions as the plan stood on
    `as_at` (its live actions when None; never one archived by then), by name, and the
    ids of each such action's owners: in one query, whatever the plan's size."""
    people: dict[int, str] = {}
    owners: dict[int, set[int]] = {}
    actions = Action.objects.filter(council=council).existing_at(as_at)
    pairs = Action.owners.through.objects.filter(action__in=actions)
    for action_id, person_id, name in pairs.values_list("action_id", "person_id", "person__name"):
        people[person_id] = name
        owners.setdefault(action_id, set()).add(person_id)
    named = sorted(people.items(), key=lambda person: (person[1].casefold(), person[0]))
    return named, {action_id: frozenset(ids) for action_id, ids in owners.items()}

"""Reads that start from the council, for views: nothing is fetched from a table
except through the council it belongs to."""

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


def owners_in_plan(council: Any) -> tuple[list[tuple[int, str]], dict[int, frozenset[int]]]:
    """(id, name) of the people who own the council's actions, by name, and the ids of
    each action's owners: in one query, whatever the plan's size."""
    people: dict[int, str] = {}
    owners: dict[int, set[int]] = {}
    pairs = Action.owners.through.objects.filter(action__council=council)
    for action_id, person_id, name in pairs.values_list("action_id", "person_id", "person__name"):
        people[person_id] = name
        owners.setdefault(action_id, set()).add(person_id)
    named = sorted(people.items(), key=lambda person: (person[1].casefold(), person[0]))
    return named, {action_id: frozenset(ids) for action_id, ids in owners.items()}

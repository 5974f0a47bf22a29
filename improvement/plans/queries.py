"""Reads that start from the council, for views: nothing is fetched from a table
except through the council it belongs to."""

from typing import Any

from improvement.plans.managers import EvidenceFileQuerySet, UpdateQuerySet
from improvement.plans.models import EvidenceFile, Update


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

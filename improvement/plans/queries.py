"""Reads of the plan, named for what they are for.

The latest rating of every action is found with subqueries, so a list page
costs the same number of queries for ten actions or two thousand.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import OuterRef, Q, Subquery

from improvement.core.models import LiveQuerySet

BLUE = "blue"
PENDING_APPROVALS = ("proposed", "returned")


class UpdateQuerySet(models.QuerySet):
    def effective(self, as_at: datetime.date | None = None) -> "UpdateQuerySet":
        """Updates that count: a Blue counts only once accepted (as at the date given)."""
        qs = self.exclude(rating=BLUE, approval__in=PENDING_APPROVALS)
        if as_at is not None:
            qs = qs.filter(as_of__lte=as_at).exclude(
                Q(rating=BLUE) & Q(reviewed_at__date__gt=as_at)
            )
        return qs

    def awaiting_acceptance(self) -> "UpdateQuerySet":
        return self.filter(rating=BLUE, approval="proposed").select_related(
            "action", "action__objective", "created_by"
        )


class ActionQuerySet(LiveQuerySet):
    def existing_at(self, as_at: datetime.date | None) -> "ActionQuerySet":
        """Actions as the plan stood on a date: created by then, not yet archived."""
        qs = self
        if as_at is None:
            return qs.filter(archived_at__isnull=True)
        return qs.filter(created_at__date__lte=as_at).filter(
            Q(archived_at__isnull=True) | Q(archived_at__date__gt=as_at)
        )

    def with_progress(self, as_at: datetime.date | None = None) -> "ActionQuerySet":
        """Annotate each action with its latest and previous effective ratings."""
        update_model = self.model._meta.get_field("updates").related_model
        latest = (
            update_model.objects.effective(as_at)
            .filter(action=OuterRef("pk"))
            .order_by("-as_of", "-id")
        )
        return self.annotate(
            latest_update_id=Subquery(latest.values("pk")[:1]),
            latest_rating=Subquery(latest.values("rating")[:1]),
            latest_as_of=Subquery(latest.values("as_of")[:1]),
            previous_rating=Subquery(latest.values("rating")[1:2]),
        )

    def for_lists(self) -> "ActionQuerySet":
        return self.select_related("objective", "organisation").prefetch_related(
            "owners", "due_changes"
        )


class ObjectiveQuerySet(LiveQuerySet):
    def existing_at(self, as_at: datetime.date | None) -> "ObjectiveQuerySet":
        if as_at is None:
            return self.filter(archived_at__isnull=True)
        return self.filter(created_at__date__lte=as_at).filter(
            Q(archived_at__isnull=True) | Q(archived_at__date__gt=as_at)
        )


def latest_updates_by_id(update_model: Any, actions: list[Any]) -> dict[int, Any]:
    """The latest updates of the given annotated actions, in one query."""
    ids = [a.latest_update_id for a in actions if a.latest_update_id]
    return {u.pk: u for u in update_model.objects.filter(pk__in=ids)}


def updates_of(council: Any) -> Any:
    """Every update in a council's plan."""
    from improvement.plans.models import Update

    return Update.objects.filter(action__council=council)


def evidence_of(council: Any) -> Any:
    from improvement.plans.models import EvidenceFile

    return EvidenceFile.objects.filter(update__action__council=council)

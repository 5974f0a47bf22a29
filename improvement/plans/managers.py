"""Reads of the plan, named for what they are for. Models import these; this module
never imports the plan's models (it reaches related models through `self.model`).

The latest rating of every action is found with subqueries, so a list page
costs the same number of queries for ten actions or two thousand.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from improvement.core.changes import changed_since
from improvement.core.models import LiveQuerySet

BLUE = "blue"
PENDING_APPROVALS = ("proposed", "returned")


def _end_of(day: datetime.date) -> datetime.datetime:
    """The first moment after a day, local time. "Recorded by the day" compares the
    timestamp with it rather than taking each row's local date, so the latest-update
    probes test index entries without converting them (docs/adr/017)."""
    next_day = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))


class UpdateQuerySet(models.QuerySet):
    def of_council(self, council: Any) -> "UpdateQuerySet":
        """Every update in a council's plan."""
        return self.filter(action__council=council)

    def recorded_by(self, as_at: datetime.date) -> "UpdateQuerySet":
        """Updates the plan held on a date: describing it or earlier, and already
        recorded then, so an update backdated later never rewrites a past picture."""
        return self.filter(as_of__lte=as_at, created_at__lt=_end_of(as_at))

    def effective(self, as_at: datetime.date | None = None) -> "UpdateQuerySet":
        """Updates that count: a Blue counts only once accepted (as at the date given)."""
        qs = self.exclude(rating=BLUE, approval__in=PENDING_APPROVALS)
        if as_at is not None:
            qs = qs.recorded_by(as_at).exclude(Q(rating=BLUE) & Q(reviewed_at__gte=_end_of(as_at)))
        return qs

    def changed_since(self, since: datetime.datetime) -> "UpdateQuerySet":
        return changed_since(self, since)

    def awaiting_acceptance(self) -> "UpdateQuerySet":
        return self.filter(rating=BLUE, approval="proposed").select_related(
            "action", "action__objective", "created_by"
        )

    def for_record(self) -> "UpdateQuerySet":
        """With who recorded and reviewed each, and its evidence, for an action's page."""
        return self.select_related("created_by", "reviewed_by").prefetch_related("evidence")

    def latest_of(self, actions: list[Any]) -> dict[int, Any]:
        """The latest updates of actions annotated by `with_progress`, in one query."""
        ids = [a.latest_update_id for a in actions if a.latest_update_id]
        return {u.pk: u for u in self.filter(pk__in=ids)}


class EvidenceFileQuerySet(models.QuerySet):
    def of_council(self, council: Any) -> "EvidenceFileQuerySet":
        return self.filter(update__action__council=council)


class _AsAtMixin:
    def existing_at(self, as_at: datetime.date | None) -> Any:
        """Records as the plan stood on a date: created by then, not yet archived."""
        if as_at is None:
            return self.filter(archived_at__isnull=True)  # type: ignore[attr-defined]
        return self.filter(created_at__date__lte=as_at).filter(  # type: ignore[attr-defined]
            Q(archived_at__isnull=True) | Q(archived_at__date__gt=as_at)
        )


class ActionQuerySet(_AsAtMixin, LiveQuerySet):
    def _latest_updates(self, as_at: datetime.date | None) -> Any:
        """Each action's effective updates, newest first: with the index on (action,
        as_of desc, id desc) a probe of one or two index entries per action."""
        update_model = self.model._meta.get_field("updates").related_model
        return (
            update_model.objects.effective(as_at)
            .filter(action=OuterRef("pk"))
            .order_by("-as_of", "-id")
        )

    def with_ratings(self, as_at: datetime.date | None = None) -> "ActionQuerySet":
        """Annotate each action with its latest and previous effective ratings, and the
        date of its latest update: what the slow-to-progress rules need."""
        latest = self._latest_updates(as_at)
        return self.annotate(
            latest_rating=Subquery(latest.values("rating")[:1]),
            latest_as_of=Subquery(latest.values("as_of")[:1]),
            previous_rating=Subquery(latest.values("rating")[1:2]),
        )

    def with_progress(self, as_at: datetime.date | None = None) -> "ActionQuerySet":
        """`with_ratings`, and the latest update's id to fetch it by."""
        latest = self._latest_updates(as_at)
        return self.with_ratings(as_at).annotate(latest_update_id=Subquery(latest.values("pk")[:1]))

    def for_lists(self) -> "ActionQuerySet":
        return self.select_related("objective", "organisation").prefetch_related(
            "owners", "due_changes"
        )

    def changed_since(self, since: datetime.datetime) -> "ActionQuerySet":
        """Actions saved since a moment, or given an update then: a new rating is a
        change to the action for anyone reading the plan."""
        return changed_since(self, since, ("updates",))

    def in_plan_order(self) -> "ActionQuerySet":
        return self.order_by("objective__position", "objective_id", "position", "id")

    def standing(self, as_at: datetime.date) -> "ActionQuerySet":
        """What the plan's figures need of each action as at a date, as lean rows (no
        model objects) in plan order: see `plans.progress.assess_row`."""
        return (
            self.with_ratings(as_at)
            # The day it was added as `created_at.date()` gives it (in UTC), read as a
            # date: the rules need no more, and a date is cheaper to load.
            .annotate(created_on=TruncDate("created_at", tzinfo=datetime.UTC))
            .in_plan_order()
            .values_list(
                "id",
                "objective_id",
                "organisation_id",
                "due_on",
                "created_on",
                "latest_rating",
                "latest_as_of",
                "previous_rating",
            )
        )

    def reprofiled_after(self, day: datetime.date) -> "ActionQuerySet":
        """(action, changed on, change, old due date) of every re-profile after a day:
        what undoes them to give the due date as it stood then."""
        return self.filter(due_changes__changed_on__gt=day).values_list(
            "id", "due_changes__changed_on", "due_changes__id", "due_changes__old_due_on"
        )


class ObjectiveQuerySet(_AsAtMixin, LiveQuerySet):
    def in_plan_order(self) -> "ObjectiveQuerySet":
        """As the plan lists them: by the order the board gave them (see Action's)."""
        return self.order_by("position", "id")

    def changed_since(self, since: datetime.datetime) -> "ObjectiveQuerySet":
        return changed_since(self, since)

"""Reads of the evidence named for intent. The models import these; this module never
imports the models (nor the plan's: a council's objectives and actions come through
the council)."""

import datetime
from typing import Any

from django.db import models
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber

from improvement.core.changes import changed_since
from improvement.core.models import LiveQuerySet


class MeasureQuerySet(LiveQuerySet):
    def rated(self, council: Any) -> "MeasureQuerySet":
        """With what a rated list shows: the owner and the live objectives."""
        return self.select_related("owner").prefetch_related(
            Prefetch("objectives", queryset=council.objectives.live())
        )

    def for_pages(self, council: Any) -> "MeasureQuerySet":
        """With the owner and the live objectives and actions a measure's page links to."""
        return self.select_related("owner").prefetch_related(
            Prefetch("objectives", queryset=council.objectives.live()),
            Prefetch("actions", queryset=council.actions.live()),
        )

    def with_figures(self) -> "MeasureQuerySet":
        """With every value (oldest first, as the model orders them) and benchmark."""
        return self.select_related("owner").prefetch_related(
            "values",
            "benchmarks",
            "objectives",
            "actions",
        )

    def changed_since(self, since: datetime.datetime) -> "MeasureQuerySet":
        """Measures saved since a moment, or given a value or benchmark then."""
        return changed_since(self, since, ("values", "benchmarks"))


class MeasureValueQuerySet(models.QuerySet):
    def last_of_each(
        self, measure_ids: list[int], as_at: datetime.date, count: int
    ) -> "MeasureValueQuerySet":
        """The last `count` values of each measure up to a date, oldest first."""
        return (
            self.filter(measure_id__in=measure_ids, period__lte=as_at)
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("measure_id")], order_by=F("period").desc()
                )
            )
            .filter(rank__lte=count)
            .order_by("measure_id", "period")
        )


class BenchmarkQuerySet(models.QuerySet):
    def of_measures(
        self, measure_ids: list[int], as_at: datetime.date | None = None
    ) -> "BenchmarkQuerySet":
        """The benchmarks of some measures; as at a date, only those published by then."""
        found = self.filter(measure_id__in=measure_ids)
        if as_at is not None:
            found = found.published_by(as_at)
        return found.order_by("kind", "year")

    def published_by(self, as_at: datetime.date) -> "BenchmarkQuerySet":
        """Published on or before a date; one with no publication date is never assumed known."""
        return self.filter(published_on__lte=as_at)


class CaseAuditQuerySet(LiveQuerySet):
    def with_objectives(self) -> "CaseAuditQuerySet":
        return self.live().prefetch_related("objectives")


class VoiceEventQuerySet(LiveQuerySet):
    def with_themes(self) -> "VoiceEventQuerySet":
        return self.live().prefetch_related("themes__objectives")


class VoiceThemeQuerySet(models.QuerySet):
    def bearing_on(self, objective: Any, as_at: datetime.date) -> "VoiceThemeQuerySet":
        """Themes linked to an objective, from live events held by a date, newest first."""
        return (
            self.filter(
                objectives=objective,
                event__council=objective.council,
                event__archived_at__isnull=True,
                event__held_on__lte=as_at,
            )
            .select_related("event")
            .order_by("-event__held_on", "id")
        )


class UpdateRequestQuerySet(LiveQuerySet):
    def with_recipients(self) -> "UpdateRequestQuerySet":
        return self.live().prefetch_related("recipients__person")


class RecipientQuerySet(models.QuerySet):
    def of_council(self, council: Any) -> "RecipientQuerySet":
        return self.filter(request__council=council).select_related(
            "request__council", "person__user"
        )

    def awaiting_reply(self, today: datetime.date) -> "RecipientQuerySet":
        """Owners yet to answer a live request due in the last 90 days or later."""
        return self.filter(
            responded_at__isnull=True,
            request__archived_at__isnull=True,
            request__due_on__gte=today - datetime.timedelta(days=90),
        ).select_related("request__council", "person__user")

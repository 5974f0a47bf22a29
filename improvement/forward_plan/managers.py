"""QuerySets of the forward plan, named for what they are for. The models import
these; nothing here imports the models."""

import datetime

from django.db import models

from improvement.core.changes import changed_since


class EditionQuerySet(models.QuerySet):
    def published(self) -> "EditionQuerySet":
        return self.filter(status="published")

    def drafts(self) -> "EditionQuerySet":
        return self.filter(status="draft")


class ForwardDecisionQuerySet(models.QuerySet):
    def register(self) -> "ForwardDecisionQuerySet":
        """The register's order: planned first, then as the plan lists them."""
        return self.select_related("scrutiny").order_by("status", "position", "id")

    def changed_since(self, since: datetime.datetime) -> "ForwardDecisionQuerySet":
        return changed_since(self, since)

    def publicly_listed(self) -> "ForwardDecisionQuerySet":
        """Decisions printed in a published edition: the ones the public may comment on."""
        return self.filter(entries__edition__status="published").distinct()

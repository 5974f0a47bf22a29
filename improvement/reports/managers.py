"""Reads of reports and their frozen versions, named for what they are for."""

from django.db import models


class ReportQuerySet(models.QuerySet):
    def for_lists(self) -> "ReportQuerySet":
        return self.select_related("meeting", "meeting__body", "body", "author")

    def published(self) -> "ReportQuerySet":
        """What the public may read: published at least once, and never an exempt report."""
        return (
            self.for_lists()
            .filter(versions__published_at__isnull=False, exempt_paragraph__isnull=True)
            .distinct()
        )


class ReportVersionQuerySet(models.QuerySet):
    def newest_first(self) -> "ReportVersionQuerySet":
        return self.select_related("finalised_by").order_by("-number")

    def listed(self) -> "ReportVersionQuerySet":
        """Newest first, without the frozen HTML and data: a report's page lists its
        versions and shows its stored build, so it never needs them."""
        return self.newest_first().defer("html", "document", "figures")

    def latest_version(self):  # noqa: ANN201 (a ReportVersion, or None)
        return self.order_by("-number").first()

    def latest_published(self):  # noqa: ANN201 (a ReportVersion, or None)
        return self.filter(published_at__isnull=False).order_by("-number").first()

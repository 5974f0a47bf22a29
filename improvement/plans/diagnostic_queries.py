"""Reads of diagnostic reviews, each taking the council (or an objective of it), in
a fixed number of queries however many reviews and findings there are."""

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet

from improvement.core.models import Council
from improvement.plans.models import DiagnosticFinding, DiagnosticReview, Objective


def _live_findings() -> Prefetch:
    findings = DiagnosticFinding.objects.live().prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.live())
    )
    return Prefetch("findings", queryset=findings, to_attr="live_findings")


def diagnostics_of(council: Council) -> QuerySet:
    """The council's live diagnostic reviews, newest first, with their live findings
    (`live_findings`) and the live objectives each links to."""
    return council.diagnostic_reviews.live().prefetch_related(_live_findings())


def diagnostics_until(council: Council, as_at: datetime.date) -> list[DiagnosticReview]:
    """The diagnostic reviews started by a date, oldest first: what a report as at that
    date may say."""
    return list(diagnostics_of(council).filter(started_on__lte=as_at).order_by("started_on", "id"))


def finding_of(council: Council, pk: int) -> Any:
    """A live finding of one of the council's live diagnostic reviews, or None."""
    return (
        DiagnosticFinding.objects.live()
        .filter(review__council=council, review__archived_at__isnull=True, pk=pk)
        .select_related("review")
        .first()
    )

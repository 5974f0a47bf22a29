"""Reads of complaints named for intent. The models import these; this module never
imports the models."""

from django.db import models
from django.db.models import Q

from improvement.complaints.years import year_bounds

STATUTORY = "statutory"
CORPORATE = "corporate"
NOT_LOGGED = "not_logged"


class RepresentationQuerySet(models.QuerySet):
    def live(self) -> "RepresentationQuerySet":
        return self.filter(archived_at__isnull=True)

    def complaints(self) -> "RepresentationQuerySet":
        return self.live().filter(kind="complaint")

    def compliments(self) -> "RepresentationQuerySet":
        return self.live().filter(kind="compliment")

    def complaints_and_compliments(self) -> "RepresentationQuerySet":
        """Live records that can be the annual report's examples (not those not logged)."""
        return self.live().exclude(process=NOT_LOGGED)

    def chosen_for_report(self, year: int) -> "RepresentationQuerySet":
        """The examples chosen for the annual report of the year they were received in."""
        return (
            self.complaints_and_compliments()
            .dated_in("received_on", year)
            .filter(in_annual_report=True)
            .exclude(report_text="")
            .order_by("received_on", "reference")
        )

    def statutory(self) -> "RepresentationQuerySet":
        return self.complaints().filter(process=STATUTORY)

    def corporate(self) -> "RepresentationQuerySet":
        return self.complaints().filter(process=CORPORATE)

    def not_logged(self) -> "RepresentationQuerySet":
        return self.complaints().filter(process=NOT_LOGGED)

    def dated_in(self, field: str, year: int) -> "RepresentationQuerySet":
        start, end = year_bounds(year)
        return self.filter(**{f"{field}__gte": start, f"{field}__lte": end})

    def statutory_or_corporate(self) -> "RepresentationQuerySet":
        return self.complaints().filter(process__in=[STATUTORY, CORPORATE])

    def possibly_open(self) -> "RepresentationQuerySet":
        """Logged complaints with a stage that may still be running; the clock decides."""
        stage1 = Q(stage1_responded_on__isnull=True) & ~Q(stage1_route="withdrawn")
        stage2 = Q(stage2_requested_on__isnull=False, stage2_completed_on__isnull=True)
        stage3 = Q(stage3_requested_on__isnull=False, stage3_response_on__isnull=True)
        return (
            self.complaints()
            .filter(process__in=[STATUTORY, CORPORATE], anonymised_at__isnull=True)
            .filter(stage1 | stage2 | stage3)
        )

    def naming(self, name: str) -> "RepresentationQuerySet":
        """A subject access request: every record naming the person, as complainant or
        child (none for a blank name)."""
        name = name.strip()
        if not name:
            return self.none()
        return self.filter(
            Q(complainant_name__iexact=name) | Q(on_behalf_of__iexact=name)
        ).order_by("received_on", "reference")


class CaseAccessGrantQuerySet(models.QuerySet):
    def active(self) -> "CaseAccessGrantQuerySet":
        return self.filter(archived_at__isnull=True).select_related("user")


class OmbudsmanDecisionQuerySet(models.QuerySet):
    def live(self) -> "OmbudsmanDecisionQuerySet":
        return self.filter(archived_at__isnull=True)

    def decided_in(self, year: int) -> "OmbudsmanDecisionQuerySet":
        """The live decisions made in the financial year from 1 April `year`."""
        start, end = year_bounds(year)
        return self.live().filter(decided_on__gte=start, decided_on__lte=end)

"""Reads of complaints and compliments, named for what they are for; each takes the council."""

import datetime
from typing import Any

from django.db import models
from django.db.models import Q

STATUTORY = "statutory"
CORPORATE = "corporate"
NOT_LOGGED = "not_logged"


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """The financial year starting 1 April `year`: its first and last days."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def year_label(year: int) -> str:
    return f"{year}-{str(year + 1)[-2:]}"


def financial_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


class RepresentationQuerySet(models.QuerySet):
    def live(self) -> "RepresentationQuerySet":
        return self.filter(archived_at__isnull=True)

    def complaints(self) -> "RepresentationQuerySet":
        return self.live().filter(kind="complaint")

    def compliments(self) -> "RepresentationQuerySet":
        return self.live().filter(kind="compliment")

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


def representations_of(council: Any) -> RepresentationQuerySet:
    return council.representations.all()


def representation_for(council: Any, pk: int) -> Any:
    return council.representations.live().get(pk=pk)


def records_for_person(council: Any, name: str) -> RepresentationQuerySet:
    """A subject access request: every record naming the person, as complainant or child."""
    name = name.strip()
    if not name:
        return council.representations.none()
    return council.representations.filter(
        Q(complainant_name__iexact=name) | Q(on_behalf_of__iexact=name)
    ).order_by("received_on", "reference")


def council_people(council: Any) -> list[Any]:
    """Everyone with a role in the council, for choosing whom to give case access."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(memberships__council=council).distinct()
    return list(users.order_by("first_name", "last_name", "username"))


def active_grants(council: Any) -> models.QuerySet:
    return council.complaint_access_grants.filter(archived_at__isnull=True).select_related("user")


def settings_for(council: Any) -> Any:
    """The council's complaints settings, made with the defaults the first time."""
    from improvement.complaints.models import ComplaintsSettings

    found = ComplaintsSettings.objects.filter(council=council).first()
    return found or ComplaintsSettings(council=council)


def find_council(slug: str) -> Any:
    """The council with this slug, for commands; LookupError when there is none."""
    from improvement.core.models import Council

    council = Council.objects.filter(slug=slug).first()
    if council is None:
        raise LookupError(f"No council with the slug {slug!r}")
    return council

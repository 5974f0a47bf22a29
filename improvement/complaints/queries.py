"""Reads of complaints that need more than one QuerySet method; each takes the council."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from improvement.complaints.models import ComplaintsSettings
from improvement.core.models import Council


def records_for_person(council: Council, name: str) -> models.QuerySet:
    """A subject access request: every record naming the person, as complainant or child."""
    return council.representations.naming(name)


def council_people(council: Council) -> list[Any]:
    """Everyone with a role in the council, for choosing whom to give case access."""
    users = get_user_model().objects.filter(memberships__council=council).distinct()
    return list(users.order_by("first_name", "last_name", "username"))


def active_grants(council: Council) -> models.QuerySet:
    return council.complaint_access_grants.active()


def settings_for(council: Council) -> ComplaintsSettings:
    """The council's complaints settings, made with the defaults the first time."""
    found = ComplaintsSettings.objects.filter(council=council).first()
    return found or ComplaintsSettings(council=council)


def ombudsman_decisions(council: Council) -> models.QuerySet:
    """The council's live Ombudsman decisions, newest first, with the case of each."""
    return (
        council.ombudsman_decisions.live()
        .select_related("representation")
        .order_by("-decided_on", "reference")
    )

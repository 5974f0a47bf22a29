"""Who may see what of complaints. Every complaints view asks here.

Complaints hold personal data about children and families, so only the complaints
manager, and those the manager grants access, see case details; everyone else with a
role in the council sees the figures only; an officer of another council gets a 404
from `council_for`, as everywhere.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from improvement.accounts import access
from improvement.accounts.models import Role
from improvement.core.models import Council


def is_complaints_manager(user: Any, council: Council) -> bool:
    return Role.COMPLAINTS_MANAGER in access.roles_in(user, council)


def can_see_cases(user: Any, council: Council) -> bool:
    if is_complaints_manager(user, council):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return council.complaint_access_grants.filter(user=user, archived_at__isnull=True).exists()


def can_record(user: Any, council: Council) -> bool:
    return is_complaints_manager(user, council)


def require_manager(actor: Any, council: Council) -> None:
    if not is_complaints_manager(actor, council):
        raise PermissionDenied("Only the complaints manager can do this.")


def figures_council(request: HttpRequest, slug: str) -> Council:
    """Anyone with a role in the council may read the figures."""
    return access.council_for(request, slug)


def cases_council(request: HttpRequest, slug: str) -> Council:
    council = access.council_for(request, slug)
    if not can_see_cases(request.user, council):
        raise PermissionDenied("Only the complaints manager and those they allow see cases.")
    return council


def manager_council(request: HttpRequest, slug: str) -> Council:
    council = access.council_for(request, slug)
    if not can_record(request.user, council):
        raise PermissionDenied("Only the complaints manager can record complaints.")
    return council

"""Who may import Annex A data and see its child-level rows. Every Annex A view asks here.

The board manager and the performance and data officer may upload workbooks and
see child-level rows. Everyone with a role in the council reads
the KPIs and the import report (aggregates only); an officer of another council
is told the council does not exist (404); nothing here is ever public.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from improvement.accounts import access
from improvement.accounts.models import Role
from improvement.core.models import Council

CASE_LEVEL_ROLES = {Role.BOARD_MANAGER, Role.PERFORMANCE_OFFICER}


def can_import(user: Any, council: Council) -> bool:
    return bool(access.roles_in(user, council) & CASE_LEVEL_ROLES)


def can_see_child_rows(user: Any, council: Council) -> bool:
    return bool(access.roles_in(user, council) & CASE_LEVEL_ROLES)


def reader_council(request: HttpRequest, slug: str) -> Council:
    """The council, for anyone with a role in it; 404 for everyone else."""
    return access.council_for(request, slug)


def importer_council(request: HttpRequest, slug: str) -> Council:
    """The council, if the signed-in person may import and see child-level rows; else 403."""
    council = reader_council(request, slug)
    if not can_import(request.user, council):
        raise PermissionDenied(
            "Only the board manager or a performance officer can import Annex A or see its rows."
        )
    return council


def require_importer(actor: Any, council: Council) -> None:
    """For services: a person must be permitted; None is the system (commands)."""
    if actor is not None and not can_import(actor, council):
        raise PermissionDenied(
            "Only the board manager or a performance officer can import Annex A data."
        )

"""Who may see and do what. Every view asks here; nothing else decides.

A person with no role in a council is told the council does not exist (404),
so nothing about another council leaks, not even its name.
"""

from typing import Any

from django.http import HttpRequest

from improvement.accounts.models import Role
from improvement.accounts.permissions import roles_in
from improvement.core import access as core_access
from improvement.core.models import Council

__all__ = ["roles_in"]

EDITORS = {Role.BOARD_MANAGER}
BLUE_ACCEPTORS = {Role.BOARD_MANAGER, Role.CHAIR}
PLAN_READERS = {
    Role.BOARD_MANAGER,
    Role.ACTION_OWNER,
    Role.CHAIR,
    Role.BOARD_MEMBER,
    Role.COUNCILLOR,
    Role.COMPLAINTS_MANAGER,
    Role.PERFORMANCE_OFFICER,
}


def councils_for(user: Any) -> Any:
    if not getattr(user, "is_authenticated", False):
        return Council.objects.none()
    return Council.objects.filter(memberships__user=user).distinct()


def council_for(request: HttpRequest, slug: str) -> Council:
    """The council in the URL, if the signed-in person has a role there; else 404."""
    return core_access.council_for(request, slug)


def can_edit_plan(user: Any, council: Council) -> bool:
    return bool(roles_in(user, council) & EDITORS)


def can_accept_blue(user: Any, council: Council) -> bool:
    return bool(roles_in(user, council) & BLUE_ACCEPTORS)


def can_update_action(user: Any, action: Any) -> bool:
    """The board manager, or a named owner of this action who holds a role here."""
    if can_edit_plan(user, action.council):
        return True
    if Role.ACTION_OWNER not in roles_in(user, action.council):
        return False
    return any(owner.user_id == user.pk for owner in action.owners.all())

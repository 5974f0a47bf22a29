"""The one access helper. Permissions are declared once, as `rules` predicates in each
app's `permissions.py`, with the sentence a refused person reads; views and services
check them here, and templates ask `has_perm`.

A person with no role in a council is told the council does not exist (404), so
nothing about another council leaks, not even its name; a member without the
permission is refused (403). Every check fails closed: no actor, no access.
"""

from collections.abc import Callable
from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from improvement.core.actors import is_person, is_system, require_actor
from improvement.core.models import Council

# Declared by accounts.permissions: the person holds a role in the council.
MEMBER = "council.member"

_REFUSALS: dict[str, str] = {}


def declare(perm: str, predicate: Callable[..., bool], refusal: str) -> None:
    """Declare a permission with the sentence shown to a person who lacks it."""
    rules.set_perm(perm, predicate)
    _REFUSALS[perm] = refusal


def refusal(perm: str) -> str:
    return _REFUSALS.get(perm, "You do not have permission to do this.")


def allowed(actor: Any, perm: str, obj: Any = None) -> bool:
    """May this actor do `perm` to `obj`? A system job may; nobody else but a permitted
    person. `rules`' own registry is asked, so a superuser gets no object rights."""
    if is_system(actor):
        return True
    if not is_person(actor) or not getattr(actor, "is_active", False):
        return False
    if not rules.perm_exists(perm):
        raise LookupError(f"No permission is declared as {perm!r}")
    return rules.has_perm(perm, actor, obj)


def require(actor: Any, perm: str, obj: Any = None) -> None:
    """For services: refuse a missing actor, and a person without the permission."""
    require_actor(actor)
    if not allowed(actor, perm, obj):
        raise PermissionDenied(refusal(perm))


def council_for(
    request: HttpRequest, slug: str, perm: str | None = None, obj: Any = None
) -> Council:
    """The council in the URL, if the signed-in person may do `perm` there (or to `obj`).

    404 for a stranger to the council; 403 for a member without the permission.
    """
    council = Council.objects.filter(slug=slug).first()
    if council is None or not allowed(request.user, MEMBER, council):
        raise Http404("No such council")
    if perm is not None and not allowed(request.user, perm, council if obj is None else obj):
        raise PermissionDenied(refusal(perm))
    request.council = council  # type: ignore[attr-defined]
    return council


def check(request: HttpRequest, perm: str, obj: Any) -> Any:
    """For a view that has fetched a record within the council: 403 unless permitted."""
    if not allowed(request.user, perm, obj):
        raise PermissionDenied(refusal(perm))
    return obj

"""Roles as `rules` predicates, for every app's `permissions.py` to build on.

A predicate takes the person and a council, or a record that belongs to one (it has
`.council`), so the same rule answers "may she edit the plan?" and "may she edit
this action?".
"""

from typing import Any

import rules

from improvement.accounts.models import Role
from improvement.core.access import MEMBER, declare
from improvement.core.models import Council


def council_of(obj: Any) -> Council | None:
    if isinstance(obj, Council):
        return obj
    return getattr(obj, "council", None)


def _roles_by_council(user: Any) -> dict[int, set[str]]:
    """Every role a person holds, by council id: read once per request, kept on the user."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cache = getattr(user, "_ib_roles", None)
    if cache is None:
        cache = {}
        for council_id, role in user.memberships.values_list("council_id", "role"):
            cache.setdefault(council_id, set()).add(role)
        user._ib_roles = cache
    return cache


def roles_in(user: Any, council: Council | None) -> set[str]:
    """The roles a person holds in a council."""
    if council is None:
        return set()
    return _roles_by_council(user).get(council.pk, set())


def council_count(user: Any) -> int:
    """How many councils a person holds a role in, from the same read as their roles."""
    return len(_roles_by_council(user))


def has_role(*roles: str) -> rules.Predicate:
    """A predicate: the person holds one of `roles` in the council of the object."""
    wanted = set(roles)
    names = "_".join(sorted(wanted))

    def check(user: Any, obj: Any) -> bool:
        return bool(roles_in(user, council_of(obj)) & wanted)

    return rules.predicate(check, name=f"has_role:{names}")


@rules.predicate
def is_member(user: Any, obj: Any) -> bool:
    """The person holds any role in the council of the object."""
    return bool(roles_in(user, council_of(obj)))


is_board_manager = has_role(Role.BOARD_MANAGER)
is_chair = has_role(Role.CHAIR)
is_councillor_only = rules.predicate(
    lambda user, obj: roles_in(user, council_of(obj)) == {Role.COUNCILLOR},
    name="is_councillor_only",
)

declare(MEMBER, is_member, "You do not hold a role in this council.")

is_council_admin = has_role(Role.COUNCIL_ADMIN)

declare(
    "accounts.manage_people",
    is_council_admin,
    "Only the council administrator can add people and change their roles.",
)

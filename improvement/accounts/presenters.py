"""The people page's rows: one per person, with the roles they hold in the council."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PersonRow:
    user: Any
    memberships: list[Any] = field(default_factory=list)
    invited: bool = False
    locked: bool = False

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def status(self) -> str:
        if not self.user.is_active:
            return "Deactivated"
        if self.locked:
            return "Locked"
        if self.invited:
            return "Invited"
        return "Active"

    @property
    def status_colour(self) -> str:
        return {"Deactivated": "grey", "Locked": "red", "Invited": "blue"}.get(self.status, "green")


def people_rows(
    memberships: Iterable[Any], invited_ids: set[int], locked: set[str]
) -> list[PersonRow]:
    rows: dict[int, PersonRow] = {}
    for membership in memberships:
        user = membership.user
        row = rows.get(user.pk)
        if row is None:
            row = rows[user.pk] = PersonRow(
                user, invited=user.pk in invited_ids, locked=user.username in locked
            )
        row.memberships.append(membership)
    return list(rows.values())

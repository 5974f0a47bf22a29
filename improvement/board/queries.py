"""Reads for the board's pages."""

from typing import Any

from improvement.core.models import Council


def councils_of(user: Any) -> Any:
    """The councils in which a signed-in person holds a role."""
    if not getattr(user, "is_authenticated", False):
        return Council.objects.none()
    return Council.objects.filter(memberships__user=user).distinct()

"""Kept only until core/views.py asks `core.access.allowed(user, "complaints.view_cases",
council)` itself (core must not import a domain app); delete it then."""

from typing import Any

from improvement.core import access


def can_see_cases(user: Any, council: Any) -> bool:
    return access.allowed(user, "complaints.view_cases", council)

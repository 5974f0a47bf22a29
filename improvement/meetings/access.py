"""Kept only for `reports.access`, which imports `can_see_exempt` from here: the
meetings permissions are declared in `permissions.py`. Delete this module once
reports asks `core.access.allowed(user, "meetings.see_exempt", body)` instead."""

from typing import Any

from improvement.core import access


def can_see_exempt(user: Any, body: Any) -> bool:
    return access.allowed(user, "meetings.see_exempt", body)

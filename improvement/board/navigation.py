"""The main navigation: one list, so every page in it can be checked alike."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from improvement.core.access import allowed
from improvement.core.navigation import navigation

# (label, url name, the permission needed to be offered it); every entry takes the
# council slug. Pages only the board manager can use are not offered to anyone else.
COUNCIL_NAVIGATION: list[tuple[str, str, str | None]] = [
    ("Dashboard", "board:dashboard", None),
    ("Plan", "plans:objective_list", None),
    ("Inspections", "plans:inspection_list", None),
    ("Notice", "plans:notice_detail", None),
    ("Evidence", "evidence:index", None),
    ("KPIs", "annex_a:kpis", None),
    ("Meetings", "meetings:index", None),
    ("Forward plan", "forward_plan:register", None),
    ("Reports", "reports:report_list", None),
    ("Complaints", "complaints:index", None),
    ("Import", "plans:import_upload", "plans.edit_plan"),
    ("Activity", "board:activity", "board.see_activity"),
]


def navigation_for(request: HttpRequest, council: Any) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    entries = []
    if council is not None:
        entries = [
            (label, reverse(name, args=[council.slug]))
            for label, name, perm in COUNCIL_NAVIGATION
            if perm is None or allowed(user, perm, council)
        ]
    return navigation(request, entries)

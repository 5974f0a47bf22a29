"""The main navigation: one list, so every page in it can be checked alike."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from improvement.accounts.permissions import council_count
from improvement.core.access import allowed
from improvement.core.navigation import navigation

# (label, url name); every entry takes the council slug.
COUNCIL_NAVIGATION: list[tuple[str, str]] = [
    ("Dashboard", "board:dashboard"),
    ("Plan", "board:objective_list"),
    ("Inspections", "plans:inspection_list"),
    ("Notice", "plans:notice_detail"),
    ("Evidence", "evidence:index"),
    ("KPIs", "annex_a:kpis"),
    ("Meetings", "meetings:index"),
    ("Forward plan", "forward_plan:register"),
    ("Reports", "reports:report_list"),
    ("Complaints", "complaints:index"),
    ("Import", "plans:import_upload"),
    ("Activity", "board:activity"),
]

# Pages offered only to those with the permission they need: the board manager's.
NEEDS = {"plans:import_upload": "plans.edit_plan", "board:activity": "board.see_activity"}

# The council administrator's pages, after the board's: (label, url name, permission).
ADMIN_NAVIGATION: list[tuple[str, str, str]] = [
    ("People", "accounts:people", "accounts.manage_people"),
]


def navigation_for(request: HttpRequest, council: Any) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    entries = []
    # The portfolio is the way between councils, so only those with two or more are
    # offered it; with one, the dashboard is already home (docs/adr/023).
    if council_count(user) > 1:
        entries.append(("Portfolio", reverse("portfolio")))
    if council is not None:
        entries += [
            (label, reverse(name, args=[council.slug]))
            for label, name in COUNCIL_NAVIGATION
            if name not in NEEDS or allowed(user, NEEDS[name], council)
        ]
        entries += [
            (label, reverse(name, args=[council.slug]))
            for label, name, perm in ADMIN_NAVIGATION
            if allowed(user, perm, council)
        ]
    return navigation(request, entries)

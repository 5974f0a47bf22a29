"""The main navigation: one list, so every page in it can be checked alike."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from improvement.accounts.access import can_edit_plan

# (label, url name); every entry takes the council slug.
COUNCIL_NAVIGATION: list[tuple[str, str]] = [
    ("Dashboard", "plans:dashboard"),
    ("Plan", "plans:objective_list"),
    ("Inspections", "plans:inspection_list"),
    ("Notice", "plans:notice_detail"),
    ("Evidence", "evidence:index"),
    ("KPIs", "annex_a:kpis"),
    ("Meetings", "meetings:index"),
    ("Forward plan", "forward_plan:register"),
    ("Reports", "reports:report_list"),
    ("Complaints", "complaints:index"),
    ("Import", "plans:import_upload"),
    ("Activity", "core:activity"),
]


# Pages only the board manager can use are not offered to anyone else.
MANAGER_ONLY = {"plans:import_upload", "core:activity"}


def navigation_for(request: HttpRequest, council: Any) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    items: list[dict[str, Any]] = []
    if council is not None:
        manager = can_edit_plan(user, council)
        urls = [
            (label, reverse(name, args=[council.slug]))
            for label, name in COUNCIL_NAVIGATION
            if manager or name not in MANAGER_ONLY
        ]
        # The deepest matching entry is the current one: /plan/import/ is Import, not Plan.
        matches = [url for _, url in urls if request.path.startswith(url)]
        current = max(matches, key=len) if matches else None
        items += [{"label": label, "url": url, "active": url == current} for label, url in urls]
    if user is not None and user.is_authenticated:
        items.append({"label": "Sign out", "url": reverse("logout_confirm"), "active": False})
    else:
        items.append({"label": "Sign in", "url": reverse("login"), "active": False})
    return items

"""The main navigation: a few sections that fit one line, each opening its first page,
and the pages of the current section beneath. A person is offered only the pages
their roles let them use, and a section of one page is named for that page."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from improvement.accounts.permissions import council_count
from improvement.core.access import MEMBER, allowed
from improvement.core.navigation import navigation

# The council administrator's pages: in the navigation, but tested with accounts.
ADMIN_PAGES: list[tuple[str, str, str | None]] = [
    ("People", "accounts:people", "accounts.manage_people"),
]

# (section, [(label, url name, permission or None for every member)]); every entry
# takes the council slug. The start page is the council's home (docs/adr/031).
SECTIONS: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Home", [("Home", "board:start", None)]),
    (
        "Plan",
        [
            ("Plan", "board:objective_list", "plans.view_plan"),
            ("Dashboard", "board:dashboard", "plans.view_plan"),
            ("Inspections", "plans:inspection_list", "plans.view_plan"),
            ("Notice", "plans:notice_detail", "plans.view_plan"),
            ("Import", "plans:import_upload", "plans.edit_plan"),
        ],
    ),
    (
        "Evidence",
        [("Evidence", "evidence:index", "evidence.view"), ("KPIs", "annex_a:kpis", "annex_a.view")],
    ),
    (
        "Meetings",
        [
            ("Meetings", "meetings:index", None),
            ("Forward plan", "forward_plan:register", None),
            ("Reports", "reports:report_list", None),
        ],
    ),
    ("Complaints", [("Complaints", "complaints:index", "complaints.view_figures")]),
    (
        "Admin",
        [
            ("Activity", "board:activity", "board.see_activity"),
            *ADMIN_PAGES,
        ],
    ),
]

# Every page the navigation offers the board's people: (label, url name).
COUNCIL_NAVIGATION: list[tuple[str, str]] = [
    (label, name)
    for _, pages in SECTIONS
    for label, name, perm in pages
    if (label, name, perm) not in ADMIN_PAGES
]


def _pages(user: Any, council: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section with the pages this person may use, as (label, url); empty ones go."""
    sections = []
    for section, pages in SECTIONS:
        usable = [
            (label, reverse(name, args=[council.slug]))
            for label, name, perm in pages
            if allowed(user, perm or MEMBER, council)
        ]
        if usable:
            sections.append((usable[0][0] if len(usable) == 1 else section, usable))
    return sections


def navigation_for(request: HttpRequest, council: Any) -> list[dict[str, Any]]:
    """The sections, each `{"label", "url", "active", "pages"}`, its pages marked as
    `core.navigation.navigation` marks them."""
    user = getattr(request, "user", None)
    sections: list[dict[str, Any]] = []
    # The portfolio is the way between councils, so only those with two or more are
    # offered it; with one, the start page is already home (docs/adr/023).
    if council_count(user) > 1:
        sections.append(_section(request, "Portfolio", [("Portfolio", reverse("portfolio"))]))
    if council is not None:
        home = reverse("board:start", args=[council.slug])
        usable = _pages(user, council)
        flat = [page for _, pages in usable for page in pages]
        marked = {item["url"]: item for item in navigation(request, flat, frozenset({home}))}
        for label, pages in usable:
            items = [marked[url] for _, url in pages]
            sections.append(
                {
                    "label": label,
                    "url": items[0]["url"],
                    "active": any(item["active"] for item in items),
                    "pages": items,
                }
            )
    return sections


def _section(request: HttpRequest, label: str, pages: list[tuple[str, str]]) -> dict[str, Any]:
    items = navigation(request, pages)
    return {"label": label, "url": items[0]["url"], "active": items[0]["active"], "pages": items}


def subnavigation(sections: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The current section, when it holds more than one page: shown beneath the bar."""
    for section in sections:
        if section["active"] and len(section["pages"]) > 1:
            return section
    return None

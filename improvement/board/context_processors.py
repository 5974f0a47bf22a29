from typing import Any

from django.http import HttpRequest

from improvement.accounts.permissions import council_count
from improvement.board.navigation import navigation_for, subnavigation
from improvement.board.queries import councils_of
from improvement.core.navigation import account_links


def service(request: HttpRequest) -> dict[str, Any]:
    """The header and navigation of every page: who is signed in, in which council, the
    other councils they may switch to, and the sections they may use."""
    council = getattr(request, "council", None)
    sections = navigation_for(request, council)
    user = getattr(request, "user", None)
    # Only a person with roles in two or more councils pays the query for their names.
    others = []
    if council_count(user) > 1:
        others = [c for c in councils_of(user).order_by("name") if c != council]
    return {
        "service_name": "Improvement Board",
        "council": council,
        "navigation": sections,
        "subnavigation": subnavigation(sections),
        "account_links": account_links(request),
        "other_councils": others,
    }

from typing import Any

from django.http import HttpRequest

from improvement.board.navigation import navigation_for


def service(request: HttpRequest) -> dict[str, Any]:
    council = getattr(request, "council", None)
    return {
        "service_name": "Improvement Board",
        "council": council,
        "navigation": navigation_for(request, council),
    }

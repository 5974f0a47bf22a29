"""The service navigation, built from a list of entries: which is current, and the
signed-in person's own links. The entries themselves are the board's (board.navigation)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def navigation(
    request: HttpRequest, entries: list[tuple[str, str]], exact: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Navigation items for `(label, url)` entries. The deepest entry the page's path
    falls under is the current one: /plan/import/ is Import, not Plan. A url in
    `exact` is current only on its own page (a home every path falls under)."""
    matches = [
        url
        for _, url in entries
        if request.path == url or (url not in exact and request.path.startswith(url))
    ]
    current = max(matches, key=len) if matches else None
    return [{"label": label, "url": url, "active": url == current} for label, url in entries]


def account_links(request: HttpRequest) -> list[dict[str, Any]]:
    """The header's links for the person: their account and sign-out, or sign-in."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        account = reverse("otp_overview")
        return [
            {"label": "Your account", "url": account, "active": request.path == account},
            {"label": "Sign out", "url": reverse("logout_confirm"), "active": False},
        ]
    return [{"label": "Sign in", "url": reverse("login"), "active": False}]

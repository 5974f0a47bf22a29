"""The service navigation, built from a list of entries: which is current, and the
sign-in or sign-out link. The entries themselves are the board's (board.navigation)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def navigation(request: HttpRequest, entries: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Navigation items for `(label, url)` entries. The deepest entry the page's path
    falls under is the current one: /plan/import/ is Import, not Plan."""
    matches = [url for _, url in entries if request.path.startswith(url)]
    current = max(matches, key=len) if matches else None
    items = [{"label": label, "url": url, "active": url == current} for label, url in entries]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        account = reverse("otp_overview")
        items.append({"label": "Your account", "url": account, "active": request.path == account})
        items.append({"label": "Sign out", "url": reverse("logout_confirm"), "active": False})
    else:
        items.append({"label": "Sign in", "url": reverse("login"), "active": False})
    return items

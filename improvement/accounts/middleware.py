"""Where a request comes from, and how long a signed-in session may last."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

# Kept importable from here; the one reading of the address lives in core.
from improvement.core.clients import client_address  # noqa: F401

STARTED = "ib_session_started"
LAST_SEEN = "ib_session_last_seen"
WRITE_EVERY_SECONDS = 60


class SessionLimitsMiddleware:
    """Signs a person out after `SESSION_IDLE_MINUTES` without a request, and after
    `SESSION_MAX_HOURS` from sign-in however busy, so an unattended or stolen session
    on a shared council machine does not stay open."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        now = timezone.now().timestamp()
        session = request.session
        started = session.get(STARTED, now)
        last_seen = session.get(LAST_SEEN, now)
        idle = now - last_seen > settings.SESSION_IDLE_MINUTES * 60
        too_long = now - started > settings.SESSION_MAX_HOURS * 3600
        if idle or too_long:
            logout(request)
            messages.info(request, "You were signed out to keep your account secure.")
            return
        if STARTED not in session or now - last_seen >= WRITE_EVERY_SECONDS:
            # Not on every request: a session write per page would be a database write.
            session[STARTED] = started
            session[LAST_SEEN] = now

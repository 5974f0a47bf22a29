"""Where a request comes from, how long a signed-in session may last, and the second
factor a person gives before any council page."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from improvement.accounts import second_factor

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


# Pages a person may reach between their password and their code: signing in and
# out, and what anyone may read without signing in.
OPEN_BEFORE_SECOND_FACTOR = ("/sign-in/", "/sign-out/", "/static/", "/public/", "/accessibility/")
SET_UP_PAGES = "/two-factor/"
NO_APP = "ib_otp_no_app"
# Set when the person signed in with their council account and the provider's ID token
# says it checked a second factor (`amr` holds "mfa"): ours is not asked (docs/adr/016).
IDP_MFA = "ib_sso_provider_mfa"


class SecondFactorMiddleware:
    """After the password: a person with an authenticator app gives a code from it; a
    person whose role requires one and has none sets one up, before any other page.
    Runs after django-otp's OTPMiddleware, which marks a session verified."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect_to = self._redirect_for(request)
        if redirect_to is not None:
            return redirect(
                f"{reverse(redirect_to)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    def _redirect_for(self, request: HttpRequest) -> str | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.session.get(IDP_MFA) == user.pk:
            return None
        path = request.path
        if path.startswith(OPEN_BEFORE_SECOND_FACTOR):
            return None
        if request.session.get(NO_APP) != user.pk:
            if second_factor.has_second_factor(user):
                return "otp_verify"
            # Remembered for the session, so pages cost no query for it: an app set up
            # here verifies this session, and one set up elsewhere asks from next sign-in.
            request.session[NO_APP] = user.pk
        if path.startswith(SET_UP_PAGES):
            return None
        if second_factor.required_for(user):
            return "otp_setup"
        return None

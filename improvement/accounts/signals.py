"""At sign-in: the session's clock starts (middleware.SessionLimitsMiddleware), and
whether the person has an authenticator app is noted (middleware.SecondFactorMiddleware)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from improvement.accounts import second_factor
from improvement.accounts.middleware import IDP_MFA, LAST_SEEN, NO_APP, STARTED


@receiver(user_logged_in)
def start_session_clock(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # Set here, with the sign-in's own session write, so no later page pays for it.
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[STARTED] = now
        request.session[LAST_SEEN] = now
        # Only a sign-in with the council account sets it again, after this (sso.finish).
        request.session.pop(IDP_MFA, None)


@receiver(user_logged_in)
def note_second_factor(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # Looked up once here, with the sign-in's own session write, not on every page.
    if request is not None and hasattr(request, "session"):
        if second_factor.has_second_factor(user):
            request.session.pop(NO_APP, None)
        else:
            request.session[NO_APP] = user.pk

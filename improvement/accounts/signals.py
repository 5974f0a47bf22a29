"""The session's clock starts at sign-in (see middleware.SessionLimitsMiddleware)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from improvement.accounts.middleware import LAST_SEEN, STARTED


@receiver(user_logged_in)
def start_session_clock(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # Set here, with the sign-in's own session write, so no later page pays for it.
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[STARTED] = now
        request.session[LAST_SEEN] = now

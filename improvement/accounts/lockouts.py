"""Sign-in lockouts, as django-axes keeps them (in the database, shared by all workers)."""

from collections.abc import Iterable

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.utils import timezone


def locked_usernames(usernames: Iterable[str]) -> set[str]:
    """Which of these usernames are locked out now, from any address."""
    attempts = AccessAttempt.objects.filter(
        username__in=list(usernames), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return set(attempts.values_list("username", flat=True))


def unlock(username: str) -> int:
    """Clear every failed attempt for the username; returns how many records went."""
    return reset(username=username)

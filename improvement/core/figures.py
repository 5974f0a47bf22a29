"""Figures worked out from a council's record, reused until the record changes
(docs/adr/024): the plan's summary and complaints' year cost tens of milliseconds on
every view of a large council, yet change only when something is recorded."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.utils import timezone

from improvement.core.audit import last_change
from improvement.core.models import Council

T = TypeVar("T")

# A backstop only: a change the audit record misses (a bulk load, a shell session)
# shows within this long, and the cache holds no figures nobody asks for.
TIMEOUT_SECONDS = 10 * 60
_MISSING = object()


def figures_key(council: Council, name: str, *parts: Any) -> str:
    """The figures' name, the council, its latest audit entry and today: a change to
    the record, or the day turning (ratings go slow with time alone), makes a new key."""
    stamp = [name, council.pk, last_change(council), timezone.localdate(), *parts]
    return "figures:" + ":".join(str(part) for part in stamp)


def reuse_figures(council: Council, name: str, compute: Callable[[], T], *parts: Any) -> T:
    """`compute()`'s value as last worked out for the council's record as it stands
    today, or worked out now and kept. The value must pickle and hold nothing of the
    request; `parts` are whatever else it depends on (a date, an objective's id)."""
    key = figures_key(council, name, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
    return value

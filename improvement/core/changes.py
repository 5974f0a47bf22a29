"""What changed since a moment: the one reading of "updated since" (docs/adr/021).

A record counts as changed when it, or a record that hangs off it (an action's
updates, a measure's values), was saved since then; each app names what hangs off
its records in its managers, so a reader asking "what changed?" gets the same answer
whichever list it reads.
"""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def as_aware(since: datetime.datetime) -> datetime.datetime:
    """An `updated_since` given with no time zone, read as the council's clock reads it."""
    return timezone.make_aware(since) if timezone.is_naive(since) else since


def changed_since(
    queryset: models.QuerySet, since: datetime.datetime, related: tuple[str, ...] = ()
) -> models.QuerySet:
    """Records of `queryset` saved at or after `since`, or with a related record (by
    the reverse names in `related`) saved then, in one query with no duplicates."""
    condition = Q(modified_at__gte=since)
    for name in related:
        field = queryset.model._meta.get_field(name)
        rows = field.related_model._base_manager.filter(
            **{field.field.name: OuterRef("pk"), "modified_at__gte": since}
        )
        condition |= Q(Exists(rows))
    return queryset.filter(condition)

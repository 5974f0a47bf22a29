"""Cursor paging for every list: keyset on the id, so a page costs the same whatever
its depth, and a row added or changed mid-refresh neither repeats nor skips one
already read (docs/adr/021).

Not `core.paging.keyset_page`, the pages' newest-first paging: it finds its edge by
looking the cursor's row up in the list, so a row archived between two pages of a
full read would end the read there, silently, and a BI refresh would drop the rest.
Here the cursor is the id itself, which stays a valid edge whatever becomes of its row.
"""

import base64
import binascii
import datetime
import json
from typing import Any

from django.db import models
from django.utils import timezone
from ninja.errors import HttpError

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


def encode(after: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": after}).encode()).decode()


def decode(cursor: str) -> int:
    """The id a cursor continues after; a cursor we did not make is refused (400)."""
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor.encode()))["after"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        after = None
    if not isinstance(after, int) or isinstance(after, bool) or after < 0:
        raise HttpError(400, "The cursor is not one this API gave: start again without it.")
    return after


def page(queryset: models.QuerySet, cursor: str | None, limit: int) -> dict[str, Any]:
    """The next `limit` rows after the cursor, in id order, and the cursor after them.
    One row more than asked is read to know whether another page follows."""
    generated_at = timezone.now()
    if cursor:
        queryset = queryset.filter(pk__gt=decode(cursor))
    rows = list(queryset.order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "items": rows,
        "next_cursor": encode(rows[-1].pk) if more else None,
        "generated_at": generated_at,
    }


def changed(queryset: Any, updated_since: datetime.datetime | None, live: bool = True) -> Any:
    """The rows a list serves: live ones on a full read; with `updated_since`, every row
    changed since then, archived ones included, so a refresh learns of an archiving."""
    if updated_since is None:
        return queryset.live() if live else queryset
    if timezone.is_naive(updated_since):  # read as the council's clock reads it
        updated_since = timezone.make_aware(updated_since)
    return queryset.changed_since(updated_since)

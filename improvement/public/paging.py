"""Cursor paging for the public API: keyset on (when changed, id), oldest first, by
`core.paging.beyond`, so a page costs the same however deep it is and a record
changed while a client pages through is met again later rather than skipped.

Unlike the activity pages' links (`core.paging.keyset_page`, which read the edge's
time from its row), the cursor carries the edge's time itself: a record at the edge
that changes between two pages moves to the end, and reading its new time would
skip every record in between."""

import base64
import binascii
import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from improvement.core.paging import beyond

MAX_PAGE = 200
DEFAULT_PAGE = 50


class BadCursor(ValueError):
    """A cursor this API did not hand out."""


def encode(updated: datetime.datetime, pk: int) -> str:
    raw = f"{updated.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime.datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        stamp, pk = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        updated = datetime.datetime.fromisoformat(stamp)
        return updated, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadCursor("That cursor is not one this API gave: start again without it") from exc


@dataclass
class Page:
    rows: list[Any]
    next_cursor: str | None


def page(
    queryset: Any,
    cursor: str | None,
    limit: int,
    updated_since: datetime.datetime | None,
) -> Page:
    """One page of a queryset annotated with `updated`: rows changed at or after
    `updated_since`, oldest change first, ids breaking ties; then where to go on."""
    rows = queryset.order_by("updated", "pk")
    if updated_since is not None and timezone.is_naive(updated_since):
        updated_since = timezone.make_aware(updated_since)  # as the council's clock reads it
    if updated_since is not None:
        rows = rows.filter(updated__gte=updated_since)
    if cursor:
        at, pk = decode(cursor)
        rows = beyond(rows, "updated", at, pk, older=False)
    found = list(rows[: limit + 1])
    if len(found) <= limit:
        return Page(found, None)
    last = found[limit - 1]
    return Page(found[:limit], encode(last.updated, last.pk))

"""Keyset paging, the one pager: a long list read a page at a time by where the last
page ended rather than by how many rows came before it (docs/adr/013).

An offset page (`LIMIT 50 OFFSET 5000`) makes the database read and throw away every
row before the page, so the hundredth page costs a hundred times the first, and a row
added meanwhile shifts every page by one (a row shown twice, or never). A keyset page
asks for the rows beyond a known edge, which an index on the list's order answers by
reading just the page.

A list is ordered by a key, a timestamp or the id, ascending or descending, with the
id breaking ties: two rows saved in the same microsecond still have one place each.
The cursor carries the edge's own values (its key and its id), not an id to be looked
up in the list: an edge row archived, hidden or changed between two pages neither
ends the read nor moves the edge. It is opaque and URL-safe, and grants nothing: it
only bounds rows the caller has already scoped to the council and the reader.

Read by the activity page (newest first, `?before=` and `?after=` links), the token
API (by id, ADR 021) and the public API (by last change, ADR 022), the APIs in one
envelope.
"""

import base64
import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

PAGE_SIZE = 50
ID = "pk"
# The largest id PostgreSQL's bigint holds has 19 digits: a longer one is no row's.
MAX_ID_DIGITS = 18

Edge = tuple[Any, ...]


class BadCursor(ValueError):
    """A cursor this site did not hand out."""

    def __init__(self) -> None:
        super().__init__("The cursor is not one this API gave: start again without it.")


def cursor_for(row: Any, key: str = ID) -> str:
    """The cursor that continues beyond `row` in the order by (`key`, id)."""
    values = [str(row.pk)] if key == ID else [getattr(row, key).isoformat(), str(row.pk)]
    return base64.urlsafe_b64encode("|".join(values).encode()).decode().rstrip("=")


def _stamp(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    if timezone.is_naive(moment):
        raise ValueError("every cursor's time has its zone")
    return moment


def _id(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS):
        raise ValueError("not an id")
    return int(text)


def edge_of(cursor: str, key: str = ID) -> Edge:
    """The (key's value, id) a cursor carries, or (id,) when the key is the id; a
    cursor we did not make is refused with `BadCursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        *stamps, pk = raw.split("|")
        edge = (*(_stamp(stamp) for stamp in stamps), _id(pk))
    except ValueError as exc:  # bad base64, bytes, time or id alike
        raise BadCursor from exc
    if len(edge) != (1 if key == ID else 2):
        raise BadCursor
    return edge


def _beyond(rows: QuerySet, key: str, edge: Edge, descending: bool) -> QuerySet:
    """The rows strictly beyond `edge` in the order by (`key`, id)."""
    way = "lt" if descending else "gt"
    *value, pk = edge
    if not value:
        return rows.filter(**{f"pk__{way}": pk})
    # The first condition is a plain range on the index; the second settles ties.
    return rows.filter(**{f"{key}__{way}e": value[0]}).filter(
        Q(**{f"{key}__{way}": value[0]}) | Q(**{key: value[0], f"pk__{way}": pk})
    )


def _read(
    rows: QuerySet, key: str, edge: Edge | None, descending: bool, size: int
) -> tuple[list[Any], bool]:
    """Up to `size` rows beyond `edge` (from the start if None), and whether more
    follow: one row more than asked is read to know. One query."""
    if edge is not None:
        rows = _beyond(rows, key, edge, descending)
    sign = "-" if descending else ""
    order = [ID] if key == ID else [key, ID]
    found = list(rows.order_by(*(sign + name for name in order))[: size + 1])
    return found[:size], len(found) > size


def cursor_page(
    rows: QuerySet, cursor: str | None, limit: int, key: str = ID, descending: bool = False
) -> dict[str, Any]:
    """The APIs' page: `limit` rows beyond `cursor` and the cursor after them, in the
    envelope every API list answers with. Raises `BadCursor` (each API answers 400)."""
    # Read before the rows: a client passing it as the next `updated_since` misses
    # nothing saved while this page was being read.
    generated_at = timezone.now()
    edge = edge_of(cursor, key) if cursor else None
    found, more = _read(rows, key, edge, descending, limit)
    return {
        "items": found,
        "next_cursor": cursor_for(found[-1], key) if more else None,
        "generated_at": generated_at,
    }


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows, newest first; `newer` and `older` are the cursors to link
    with `?after=` and `?before=`, or None where there is nothing more that way."""

    rows: list[Any]
    newer: str | None
    older: str | None

    @property
    def has_other_pages(self) -> bool:
        return self.newer is not None or self.older is not None


def _edge_or_none(cursor: str | None, key: str) -> Edge | None:
    try:
        return edge_of(cursor, key) if cursor else None
    except BadCursor:
        return None  # a page shows its newest rows for a link we did not make


def keyset_page(
    rows: QuerySet, params: Mapping[str, str], key: str = "at", size: int = PAGE_SIZE
) -> KeysetPage:
    """The page of `rows`, newest first, that `params` asks for: the newest (no
    cursor, or one we did not make), the one older than `?before=`, or the one newer
    than `?after=`. One query."""
    before, after = (
        _edge_or_none(params.get("before"), key),
        _edge_or_none(params.get("after"), key),
    )
    if after is not None:
        found, more = _read(rows, key, after, descending=False, size=size)
        page = found[::-1]
        newer = cursor_for(page[0], key) if more else None
        return KeysetPage(page, newer=newer, older=cursor_for(page[-1], key) if page else None)
    page, more = _read(rows, key, before, descending=True, size=size)
    newer = cursor_for(page[0], key) if before is not None and page else None
    return KeysetPage(page, newer=newer, older=cursor_for(page[-1], key) if more else None)

"""Keyset paging: a long list read newest first, a page at a time, by where the last
page ended rather than by how many rows came before it.

An offset page (`LIMIT 50 OFFSET 5000`) makes the database read and throw away every
row before the page, so the hundredth page of a council's activity costs a hundred
times the first, and a row added meanwhile shifts every page by one (a row shown
twice, or never). A keyset page asks for the rows after a known one, which an index
on the list's order answers by reading just the page.

The order is a timestamp, newest first, with the id breaking ties: two changes saved
in the same microsecond (one service recording several) still have one place each.
The link carries only the id of the row at the page's edge; its timestamp is read
in the same query, from the same (council-scoped) rows, so an id from elsewhere
finds nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet, Subquery

PAGE_SIZE = 50


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows, newest first; `newer` and `older` are the ids to link with
    `?after=` and `?before=`, or None where there is nothing more that way."""

    rows: list[Any]
    newer: int | None
    older: int | None

    @property
    def has_other_pages(self) -> bool:
        return self.newer is not None or self.older is not None


def _cursor(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def beyond(rows: QuerySet, key: str, edge: Any, pk: int, older: bool) -> QuerySet:
    """The rows strictly older (or newer) than the row at (`edge`, `pk`) in the order
    (key, id); `edge` is the key's value there, or a subquery that reads it."""
    way = "lt" if older else "gt"
    # The first condition is a plain range on the index; the second settles ties.
    return rows.filter(Q(**{f"{key}__{way}e": edge})).filter(
        Q(**{f"{key}__{way}": edge}) | Q(**{key: edge, f"pk__{way}": pk})
    )


def _beyond(rows: QuerySet, key: str, pk: int, older: bool) -> QuerySet:
    """The rows strictly older (or newer) than row `pk` in the order (key, id)."""
    edge = Subquery(rows.filter(pk=pk).order_by().values(key)[:1])
    return beyond(rows, key, edge, pk, older)


def keyset_page(
    rows: QuerySet, params: Mapping[str, str], key: str = "at", size: int = PAGE_SIZE
) -> KeysetPage:
    """The page of `rows` that `params` asks for: the newest (no cursor), the one
    older than `?before=ID`, or the one newer than `?after=ID`. One query."""
    before, after = _cursor(params.get("before")), _cursor(params.get("after"))
    if after is not None:
        found = list(_beyond(rows, key, after, older=False).order_by(key, "pk")[: size + 1])
        page = found[:size][::-1]
        newer = page[0].pk if len(found) > size else None
        return KeysetPage(page, newer=newer, older=page[-1].pk if page else None)
    if before is not None:
        rows = _beyond(rows, key, before, older=True)
    found = list(rows.order_by(f"-{key}", "-pk")[: size + 1])
    page = found[:size]
    older = page[-1].pk if len(found) > size else None
    newer = page[0].pk if before is not None and page else None
    return KeysetPage(page, newer=newer, older=older)

"""The one way to search records by their words (docs/adr/043).

Each domain app that holds searchable records has a `search` in its `ports.py` that
hands a QuerySet it has already limited to what the reader may see to `matching`,
and returns its hits as `Found`; the board's search page merges them. How the
database searches is decided here alone, by `connection.vendor`:

- PostgreSQL: full-text search in English (stemmed, stop words dropped), the query
  read as people type into a search box (`websearch`: "quoted phrases", or, -not),
  ranked by `SearchRank`.
- Anything else (SQLite in development and tests): every word of the query must
  appear, in any case, in one of the fields; the QuerySet's own order is kept.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet, Window

from improvement.core.text import clean_text

# What of a query is read: a pasted page is no query.
QUERY_LIMIT = 200
# Hits shown of each kind on the page of every kind, and of one kind on its own.
PER_KIND = 20
ONE_KIND = 100
SNIPPET_WIDTH = 160

_WORD = re.compile(r"\w+")


@dataclass
class Hit:
    """One record found: what it is called, a little of its text, its date, its page."""

    title: str
    url: str
    snippet: str = ""
    date: Any = None
    meta: str = ""


@dataclass
class Found:
    """The hits of one kind of record (`kind` names it in a URL), out of `total`."""

    kind: str
    label: str
    total: int
    hits: list[Hit] = field(default_factory=list)

    @property
    def more(self) -> bool:
        return self.total > len(self.hits)


def search_terms(raw: Any) -> str:
    """The query as it is searched for: control characters gone, spaces collapsed, at
    most `QUERY_LIMIT` characters; "" when nothing is left."""
    text = clean_text(raw if isinstance(raw, str) else "")
    return " ".join(text.split())[:QUERY_LIMIT].strip()


def words(terms: str) -> list[str]:
    """The words of a query (letters and digits), without punctuation, each once."""
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(terms)))


def matching(queryset: QuerySet, fields: list[str], terms: str) -> QuerySet:
    """The records of `queryset` whose `fields` match `terms`, best first on PostgreSQL.
    A query with no word in it (only punctuation) matches nothing."""
    found = words(terms)
    if not found:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _full_text(queryset, fields, terms)
    every_word = Q()
    for word in found:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        every_word &= any_field
    return queryset.filter(every_word)


def _full_text(queryset: QuerySet, fields: list[str], terms: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*fields, config="english")
    query = SearchQuery(terms, search_type="websearch", config="english")
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    return (
        queryset.annotate(search_document=vector, search_rank=SearchRank(vector, query))
        .filter(search_document=query)
        .order_by("-search_rank", *order)
    )


def found(kind: str, label: str, queryset: QuerySet, limit: int, hit: Any) -> Found:
    """The first `limit` records of a matching QuerySet as hits (`hit` makes one of a
    record), with how many there are in all, counted in the same query by a window
    function: one query, so PostgreSQL reads each record's words once, not twice."""
    records = list(queryset.annotate(search_total=Window(Count("*")))[:limit])
    total = records[0].search_total if records else 0
    return Found(kind=kind, label=label, total=total, hits=[hit(record) for record in records])


def snippet(terms: str, *texts: str, width: int = SNIPPET_WIDTH) -> str:
    """A little of the first text that holds a word of the query, around that word, with
    an ellipsis where it is cut; failing that, the start of the first text there is."""
    texts_with_words = [" ".join(clean_text(text or "").split()) for text in texts]
    candidates = [text for text in texts_with_words if text]
    if not candidates:
        return ""
    for text in candidates:
        lowered = text.lower()
        places = [lowered.find(word) for word in words(terms)]
        places = [place for place in places if place >= 0]
        if places:
            return _around(text, min(places), width)
    return _around(candidates[0], 0, width)


def _around(text: str, place: int, width: int) -> str:
    start = max(0, place - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < place else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > place else end
    part = text[start:end].strip()
    return f"{'…' if start else ''}{part}{'…' if end < len(text) else ''}"

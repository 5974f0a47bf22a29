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

What each model is searched by is declared once, with `searchable` (a `Searchable`
in its app's search.py), and `matching` takes nothing else. On PostgreSQL the large
kinds have a GIN index on the very expression `matching` searches, `search_vector` of
the declared fields, built by `AddSearchIndex` in their app's migrations (PostgreSQL
only); tests check that the index is used and that the latest migration's fields are
the declared ones, so the query and the index cannot drift apart.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.migrations.operations.base import Operation
from django.db.models import Count, Model, Q, QuerySet, Window

from improvement.core.text import clean_text

# What of a query is read: a pasted page is no query.
QUERY_LIMIT = 200
# Hits shown of each kind on the page of every kind, and of one kind on its own.
PER_KIND = 20
ONE_KIND = 100
SNIPPET_WIDTH = 160
# The text search configuration of every search and every search index.
CONFIG = "english"

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


def _split(terms: str) -> tuple[str, str]:
    """The query's wanted and unwanted parts: a part typed with a leading "-" is
    unwanted, as PostgreSQL's websearch reads it ("-agency")."""
    wanted, unwanted = [], []
    for part in terms.split():
        (unwanted if part.startswith("-") else wanted).append(part)
    return " ".join(wanted), " ".join(unwanted)


def words(terms: str) -> list[str]:
    """The wanted words of a query (letters and digits), without punctuation, each
    once; a word typed with a leading "-" is not wanted, so is not among them."""
    wanted, _ = _split(terms)
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(wanted)))


def unwanted_words(terms: str) -> list[str]:
    """The words a query asks to leave out ("-agency")."""
    _, unwanted = _split(terms)
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(unwanted)))


@dataclass(frozen=True)
class Searchable:
    """The fields a model's records are searched by, in order, declared once; and the
    name of its GIN index on PostgreSQL ("" when it has none, as for small tables or
    fields reached through a join, which an index cannot hold)."""

    model: type[Model]
    fields: tuple[str, ...]
    index: str = ""


# Every declaration, by model ("app_label.model"): one way each model is searched.
SEARCHABLE: dict[str, Searchable] = {}


def searchable(model: type[Model], *fields: str, index: str = "") -> Searchable:
    """Declare what `model` is searched by (and its index's name): the one list
    `matching` searches, which the model's `AddSearchIndex` migration must freeze
    unchanged (core/tests/test_search_index.py holds them equal)."""
    declared = Searchable(model=model, fields=tuple(fields), index=index)
    label = model._meta.label_lower
    if SEARCHABLE.setdefault(label, declared) != declared:
        raise ValueError(f"{label} is already searched by {SEARCHABLE[label].fields}")
    return declared


def search_vector(fields: tuple[str, ...] | list[str]) -> Any:
    """The words of `fields` as PostgreSQL reads them: the one expression searched and
    indexed (an index serves a query only when their expressions are the same)."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*fields, config=CONFIG)


def matching(queryset: QuerySet, searched: Searchable, terms: str) -> QuerySet:
    """The records of `queryset` whose declared fields match `terms`, best first on
    PostgreSQL. A query with no wanted word in it (only punctuation, or only words to
    leave out) matches nothing on either database: "everything but" is no search, and
    on PostgreSQL it would read every record, which no index serves."""
    if not isinstance(searched, Searchable):
        raise TypeError("matching takes a model's declared Searchable, not a list of fields")
    if queryset.model is not searched.model:
        raise ValueError(f"{searched.model.__name__} fields do not search {queryset.model}")
    found = words(terms)
    if not found:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _full_text(queryset, searched.fields, terms)

    def in_any_field(word: str) -> Q:
        any_field = Q()
        for name in searched.fields:
            any_field |= Q(**{f"{name}__icontains": word})
        return any_field

    every_word = Q()
    for word in found:
        every_word &= in_any_field(word)
    for word in unwanted_words(terms):
        every_word &= ~in_any_field(word)
    return queryset.filter(every_word)


def _full_text(queryset: QuerySet, fields: tuple[str, ...], terms: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    vector = search_vector(fields)
    query = SearchQuery(terms, search_type="websearch", config=CONFIG)
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    return (
        queryset.annotate(search_document=vector, search_rank=SearchRank(vector, query))
        .filter(search_document=query)
        .order_by("-search_rank", *order)
    )


def search_index(fields: tuple[str, ...] | list[str], name: str) -> Any:
    """The GIN index on `search_vector(fields)`: what `matching` asks on PostgreSQL."""
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(search_vector(tuple(fields)), name=name)


class AddSearchIndex(Operation):
    """A migration step: on PostgreSQL, the GIN index `name` on the words of `fields`
    of `model_name`, the expression `matching` searches; on any other database
    nothing. The index is not in the model's state (a GIN index cannot exist on
    SQLite, and `makemigrations` would then add it everywhere), so the migration
    state, and `makemigrations --check`, are unchanged by it. `fields` are frozen
    here as in any migration; a test holds them equal to the model's `searchable`
    declaration, so changing one needs a new migration (remove, then add)."""

    reversible = True

    def __init__(self, model_name: str, fields: list[str], name: str) -> None:
        self.model_name = model_name
        self.fields = list(fields)
        self.name = name

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, search_index(self.fields, self.name))

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, search_index(self.fields, self.name))

    def describe(self) -> str:
        return f"Create search index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self) -> str:
        return self.name.lower()


class RemoveSearchIndex(AddSearchIndex):
    """A migration step: drop the search index `AddSearchIndex` made (PostgreSQL only),
    say before adding it again on the fields a model is searched by now."""

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        super().database_backwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        super().database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Drop search index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self) -> str:
        return f"remove_{self.name.lower()}"


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

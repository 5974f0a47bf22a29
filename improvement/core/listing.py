"""The one way to show a long list: filtered by the facets people ask about
(django-filter), sorted, a page at a time, and downloadable as the CSV of everything
the filters keep (docs/adr/037).

A view describes its list once, in a `ListSpec` (its filters, its sorts, its CSV
columns), and answers with `list_page`, which reads `?sort=`, `?page=` and
`?format=csv` from the query alongside the filters. The rows may be a QuerySet or a
list of rows already worked out (the plan's ratings are computed by the rules, not
stored); a `ListFilterSet` filters either, a list through its filters' methods.

The cost of a page does not grow with the list: a QuerySet is counted once and read a
page at a time, and `detail` (which turns the page's lean rows into what the page
shows, prefetching) runs on that page alone. The CSV is streamed in chunks, so a long
list never sits in memory whole.
"""

import datetime
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from improvement.core.csv_files import csv_lines
from improvement.core.forms import GovukForm
from improvement.core.text import plural

PAGE_SIZE = 25
CSV_CHUNK = 500
# Query parameters the list itself reads; everything else is a filter or the page's own.
SORT, PAGE, FORMAT = "sort", "page", "format"


@dataclass(frozen=True)
class Sort:
    """One way to order the list: `key` in the address (`?sort=due`; `?sort=-due` for
    the reverse, offered where it has its own words, `reverse_label`), the words on the
    page ("Due date, soonest first"), and the fields (or a row's attributes) it orders
    by, the first deciding. Empty values go last either way."""

    key: str
    label: str
    fields: tuple[str, ...]
    reverse_label: str = ""


@dataclass(frozen=True)
class Column:
    """One column of the CSV: its heading and how to read it off a (detailed) row."""

    header: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class ListSpec:
    """What a long list is: `noun` names one row ("action"; `nouns` many where it does
    not take an s, and the CSV's file is named after them), `default_sort` is a `Sort`
    key, with a leading "-" for the reverse."""

    noun: str
    filterset: type[django_filters.FilterSet]
    sorts: tuple[Sort, ...]
    default_sort: str
    columns: tuple[Column, ...]
    detail: Callable[[list[Any]], list[Any]] | None = None
    page_size: int = PAGE_SIZE
    nouns: str = ""

    @property
    def many(self) -> str:
        return self.nouns or f"{self.noun}s"


class ListFilterForm(GovukForm, forms.Form):
    """The filters' form, drawn and worded as every other form (core.forms)."""


class ListFilterSet(django_filters.FilterSet):
    """A FilterSet whose rows may be a list: each filter of such a list is a `method`
    filter that takes and returns a list. Every FilterSet of a list extends this."""

    class Meta:
        form = ListFilterForm

    def filter_queryset(self, queryset: Any) -> Any:
        for name, value in self.form.cleaned_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list (for "no row matches these filters")."""
        return (
            self.is_bound
            and self.form.is_valid()
            and any(
                value not in django_filters.constants.EMPTY_VALUES
                for value in self.form.cleaned_data.values()
            )
        )


def choice_filter(
    label: str, invalid: str, *, empty: str = "All", **kwargs: Any
) -> django_filters.ChoiceFilter:
    """A facet drawn as a select: `empty` when none is chosen, and `invalid`, which
    names the facet ("Select a team from the list"), when the address asks for a choice
    the list does not offer. `kwargs` go to the filter (choices, method, field_name);
    given a `queryset`, the choices are records (a ModelChoiceFilter)."""
    kind = django_filters.ModelChoiceFilter if "queryset" in kwargs else django_filters.ChoiceFilter
    return kind(
        label=label, empty_label=empty, error_messages={"invalid_choice": invalid}, **kwargs
    )


class Rows(list):
    """A list of rows that a FilterSet can take as its queryset."""

    model = None

    def all(self) -> "Rows":
        return Rows(self)


NATURAL_PART = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Text ordered as people count: "1.2" before "1.10", "Action 9" before "Action 10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in NATURAL_PART.split(text)
        if part
    )


def _sort_value(value: Any) -> Any:
    return natural_key(value) if isinstance(value, str) else value


def _sorted_rows(rows: list[Any], fields: tuple[str, ...], descending: bool) -> list[Any]:
    """Rows in the order of `fields`, empty values last whichever way (stable sorts from
    the last field to the first)."""
    ordered = list(rows)
    for name in reversed(fields):
        filled = [row for row in ordered if getattr(row, name, None) not in (None, "")]
        empty = [row for row in ordered if getattr(row, name, None) in (None, "")]
        filled.sort(key=lambda row: _sort_value(getattr(row, name)), reverse=descending)
        ordered = filled + empty
    return ordered


def sort_rows(rows: Any, sort: Sort, descending: bool) -> Any:
    """`rows` (a QuerySet or a list) in `sort`'s order, the id settling ties."""
    if isinstance(rows, QuerySet):
        way = "desc" if descending else "asc"
        order = [getattr(F(name), way)(nulls_last=True) for name in sort.fields]
        return rows.order_by(*order, "-pk" if descending else "pk")
    return Rows(_sorted_rows(rows, sort.fields, descending))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@dataclass
class Listing:
    """One page of a filtered, sorted list, and the links a page needs: each sort, the
    neighbouring pages (for includes/pagination.html) and the CSV of them all."""

    spec: ListSpec
    filters: django_filters.FilterSet
    page: Page
    sort: str
    query: QueryDict

    @property
    def rows(self) -> list[Any]:
        return list(self.page.object_list)

    @property
    def total(self) -> int:
        return self.page.paginator.count

    def _href(self, **changes: str | None) -> str:
        query = self.query.copy()
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = value
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def summary(self) -> str:
        """How many rows the list holds, or how many match its filters."""
        counted = plural(self.total, self.spec.noun, self.spec.many)
        if not self.filters.active:
            return f"{counted}."
        return f"{counted} {'matches' if self.total == 1 else 'match'} these filters."

    @property
    def previous_href(self) -> str:
        if not self.page.has_previous():
            return ""
        return self._href(page=str(self.page.previous_page_number()))

    @property
    def next_href(self) -> str:
        return self._href(page=str(self.page.next_page_number())) if self.page.has_next() else ""

    @property
    def csv_href(self) -> str:
        return self._href(page=None, format="csv")

    @property
    def clear_href(self) -> str:
        """The list with no filter, in the order it is sorted now, keeping the page's own
        parameters (the date a plan is shown as at, say)."""
        query = QueryDict(mutable=True)
        for name, value in self.kept:
            query.appendlist(name, value)
        if self.query.get(SORT):
            query[SORT] = self.query[SORT]
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def sorts(self) -> list[dict[str, Any]]:
        """Each way to sort, for a "Sort by" select: its key, words and whether chosen."""
        choices = []
        for sort in self.spec.sorts:
            ways = [(sort.key, sort.label)]
            if sort.reverse_label:
                ways.append((f"-{sort.key}", sort.reverse_label))
            for key, words in ways:
                choices.append({"key": key, "label": words, "selected": key == self.sort})
        return choices

    @property
    def kept(self) -> list[tuple[str, str]]:
        """The query's parameters the filter form does not draw (kept as hidden fields
        when the filters are changed), less the page, which starts again."""
        return hidden_fields(self.query, [*self.filters.form.fields, SORT])


def hidden_fields(query: QueryDict, drawn: Iterable[str]) -> list[tuple[str, str]]:
    """The hidden fields of a GET form on a list's page: every parameter of the query
    but those the form draws (`drawn`), the page, which starts again when the form
    changes what the list holds, and the CSV format. So a form keeps what it does not
    ask: the filters and sort beside a date, or the date beside the filters."""
    dropped = set(drawn) | {PAGE, FORMAT}
    return [
        (name, value) for name, values in query.lists() if name not in dropped for value in values
    ]


def chosen_sort(spec: ListSpec, query: QueryDict) -> tuple[str, Sort, bool]:
    """The sort the query asks for, or the list's default for one it does not offer."""
    by_key = {sort.key: sort for sort in spec.sorts}
    for wanted in (query.get(SORT, ""), spec.default_sort):
        descending = wanted.startswith("-")
        sort = by_key.get(wanted.removeprefix("-"))
        # A reverse is offered only where it has its own words (or is the default).
        offered = not descending or bool(sort and sort.reverse_label)
        if sort is not None and (offered or wanted == spec.default_sort):
            return wanted, sort, descending
    raise ValueError(f"{spec.noun}: the default sort {spec.default_sort!r} is not offered")


def _chunks(rows: Any) -> Iterator[list[Any]]:
    """The rows a chunk at a time, a QuerySet read in chunks rather than whole."""
    source: Iterable[Any] = (
        rows.iterator(chunk_size=CSV_CHUNK) if isinstance(rows, QuerySet) else rows
    )
    iterator = iter(source)
    while chunk := list(itertools.islice(iterator, CSV_CHUNK)):
        yield chunk


def csv_download(spec: ListSpec, rows: Any, filename: str) -> StreamingHttpResponse:
    """Every row of `rows`, detailed a chunk at a time, as a streamed CSV file."""

    def lines() -> Iterator[Any]:
        for chunk in _chunks(rows):
            detailed = spec.detail(chunk) if spec.detail else chunk
            yield [[_cell(column.value(row)) for column in spec.columns] for row in detailed]

    def cells() -> Iterator[list[Any]]:
        for chunk in lines():
            yield from chunk

    response = StreamingHttpResponse(
        csv_lines([column.header for column in spec.columns], cells()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _kept(
    query: QueryDict, rows: Any, spec: ListSpec, filterset_kwargs: dict[str, Any]
) -> tuple[django_filters.FilterSet, str, Any]:
    """The filters as the query sets them, the sort's key, and every row they keep in
    that order."""
    if not isinstance(rows, QuerySet):
        rows = Rows(rows)
    filters = spec.filterset(query or None, queryset=rows, **filterset_kwargs)
    key, sort, descending = chosen_sort(spec, query)
    return filters, key, sort_rows(filters.qs, sort, descending)


def listing(request: HttpRequest, rows: Any, spec: ListSpec, **filterset_kwargs: Any) -> Listing:
    """The page of `rows` the request asks for, filtered and sorted, its rows detailed.
    `filterset_kwargs` go to the FilterSet (a council, say)."""
    filters, key, kept = _kept(request.GET, rows, spec, filterset_kwargs)
    page = Paginator(kept, spec.page_size).get_page(request.GET.get(PAGE))
    if spec.detail is not None:
        page.object_list = spec.detail(list(page.object_list))
    return Listing(spec, filters, page, key, request.GET)


def list_page(
    request: HttpRequest,
    rows: Any,
    spec: ListSpec,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    filename_prefix: str = "",
    **filterset_kwargs: Any,
) -> HttpResponse:
    """The one list view: the page as `template` draws it, with the `listing` in its
    context, or with `?format=csv` the CSV of every row the filters keep."""
    if request.GET.get(FORMAT) == "csv":
        _, _, kept = _kept(request.GET, rows, spec, filterset_kwargs)
        stem = slugify(f"{filename_prefix} {spec.many}") or "list"
        return csv_download(spec, kept, f"{stem}-{timezone.localdate().isoformat()}.csv")
    page = listing(request, rows, spec, **filterset_kwargs)
    return render(request, template, {**(context or {}), "listing": page})

"""The council's activity as a long list (docs/adr/037, 042): every change, newest
first, filtered by who made it, the kind of record, what was done and when, read a
page at a time by keyset (core.paging: the activity grows without end, so it is never
counted or read by offset), and downloadable as a CSV of every change the filters keep.

The filters' choices are the people, kinds and verbs the council's activity holds,
worked out in one read of it and reused until the record changes (core.figures), so
a page costs the same queries however long the activity grows.
"""

import datetime
from dataclasses import dataclass
from functools import partial
from typing import Any

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst

from improvement.core.audit_rows import kind_of, readable
from improvement.core.figures import reuse_figures
from improvement.core.forms import DateField
from improvement.core.listing import (
    FORMAT,
    Column,
    ListFilterSet,
    ListSpec,
    Sort,
    choice_filter,
    csv_download,
)
from improvement.core.models import Council
from improvement.core.paging import KeysetPage, keyset_page

SYSTEM = "system"
SYSTEM_LABEL = "The system (imports and scheduled jobs)"
CURSORS = ("before", "after")

Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class Facets:
    """What the filters offer: the people who made changes, the kinds of record
    changed and what was done to them, each as (value, words)."""

    people: Choices
    kinds: Choices
    verbs: Choices


def facets_of(entries: QuerySet) -> Facets:
    """The filters' choices from the entries, in one read of their distinct values."""
    people: dict[int, str] = {}
    system, kinds, verbs = False, set(), set()
    seen = entries.order_by().values_list("actor_id", "actor_name", "content_type_id", "verb")
    for actor_id, actor_name, content_type_id, verb in seen.distinct():
        if actor_id is None:
            system = True
        else:
            people[actor_id] = actor_name
        kinds.add(content_type_id)
        verbs.add(verb)
    by_name = sorted(people.items(), key=lambda item: (item[1].casefold(), item[0]))
    named_kinds = [
        (str(pk), kind_of(ContentType.objects.get_for_id(pk).model_class())) for pk in kinds
    ]
    jobs = [(SYSTEM, SYSTEM_LABEL)] if system else []
    return Facets(
        people=[(str(pk), name) for pk, name in by_name] + jobs,
        kinds=sorted(named_kinds, key=lambda choice: choice[1].casefold()),
        verbs=sorted(((verb, capfirst(verb)) for verb in verbs), key=lambda c: c[1].casefold()),
    )


class DayFilter(django_filters.Filter):
    """A day, typed in the GOV.UK date boxes (core.forms.DateField)."""

    field_class = DateField


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _select(what: str) -> str:
    return f"Select {what} from the list"  # noqa: S608 (words, not SQL)


class ActivityFilters(ListFilterSet):
    who = choice_filter(
        "Who made the change",
        _select("who made the change"),
        empty="Anyone",
        method="by_person",
    )
    kind = choice_filter(
        "Kind of record",
        _select("a kind of record"),
        empty="Any kind",
        field_name="content_type",
    )
    verb = choice_filter("What was done", _select("what was done"), empty="Anything")
    since = DayFilter(label="From", method="from_day", help_text="For example, 27 3 2024")
    until = DayFilter(label="To", method="to_day", help_text="For example, 27 3 2024")

    def __init__(self, *args: Any, facets: Facets, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["who"].extra["choices"] = facets.people
        self.filters["kind"].extra["choices"] = facets.kinds
        self.filters["verb"].extra["choices"] = facets.verbs

    def by_person(self, entries: QuerySet, name: str, value: str) -> QuerySet:
        if value == SYSTEM:
            return entries.filter(actor__isnull=True)
        return entries.filter(actor_id=int(value))

    def from_day(self, entries: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return entries.filter(at__gte=_start_of(value))

    def to_day(self, entries: QuerySet, name: str, value: datetime.date) -> QuerySet:
        if value == datetime.date.max:  # the last day there is: no day after it
            return entries
        return entries.filter(at__lt=_start_of(value + datetime.timedelta(days=1)))


SPEC = ListSpec(
    noun="change",
    filterset=ActivityFilters,
    # The activity is read newest first only; the sort is for ListSpec's completeness.
    sorts=(Sort("at", "Oldest first", ("at",), reverse_label="Newest first"),),
    default_sort="-at",
    columns=(
        Column("When", lambda row: row.entry.at),
        Column("Who", lambda row: row.who),
        Column("What was done", lambda row: capfirst(row.entry.verb)),
        Column("Kind of record", lambda row: row.kind),
        Column("Record", lambda row: row.entry.object_repr),
        Column("Changes", lambda row: row.changes),
    ),
    detail=readable,
    nouns="activity",
)


@dataclass
class ActivityPage:
    """A page of the filtered activity and its links, each keeping the filters."""

    filters: ActivityFilters
    page: KeysetPage
    query: QueryDict

    @property
    def rows(self) -> list[Any]:
        return self.page.rows

    def _href(self, **changes: str) -> str:
        query = self.query.copy()
        for name in (*CURSORS, FORMAT):
            query.pop(name, None)
        query.update(changes)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def newer_href(self) -> str:
        return self._href(after=self.page.newer) if self.page.newer else ""

    @property
    def older_href(self) -> str:
        return self._href(before=self.page.older) if self.page.older else ""

    @property
    def csv_href(self) -> str:
        return self._href(format="csv")

    @property
    def active(self) -> bool:
        return self.filters.active


def activity_page(
    request: HttpRequest, council: Council, entries: QuerySet, sees_cases: bool
) -> HttpResponse:
    """The activity page for `entries` (already scoped to what the reader may see), or
    with `?format=csv` every change the filters keep, newest first."""
    facets = reuse_figures(council, "activity-filters", partial(facets_of, entries), sees_cases)
    filters = ActivityFilters(request.GET or None, queryset=entries, facets=facets)
    kept = filters.qs
    if request.GET.get(FORMAT) == "csv":
        filename = f"{council.slug}-activity-{timezone.localdate().isoformat()}.csv"
        return csv_download(SPEC, kept.order_by("-at", "-id"), filename)
    page = keyset_page(kept, request.GET)
    activity = ActivityPage(filters, page, request.GET)
    return render(request, "board/activity.html", {"page": page, "activity": activity})

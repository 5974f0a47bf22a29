"""The one list helper: filters, sorts, pages and CSV, on a QuerySet and on a list."""

import csv
import datetime
import io

import django_filters
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from improvement.core.listing import (
    Column,
    ListFilterSet,
    ListSpec,
    Sort,
    hidden_fields,
    list_page,
    listing,
    natural_key,
)
from improvement.core.models import AuditEntry, Council


class EntryFilters(ListFilterSet):
    verb = django_filters.ChoiceFilter(
        label="What was done", choices=[("created", "Created"), ("changed", "Changed")]
    )
    since = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label="From")


SPEC = ListSpec(
    noun="change",
    filterset=EntryFilters,
    sorts=(
        Sort("at", "Oldest first", ("at",), reverse_label="Newest first"),
        Sort("record", "Record", ("object_repr",)),
    ),
    default_sort="-at",
    columns=(Column("Record", lambda e: e.object_repr), Column("When", lambda e: e.at)),
    page_size=3,
)


def entries(council: Council, number: int) -> None:
    kind = ContentType.objects.get_for_model(Council)
    start = timezone.now() - datetime.timedelta(days=number)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            council=council,
            verb="created" if index % 2 else "changed",
            content_type=kind,
            object_id=str(index),
            object_repr=f"Record {index}",
            at=start + datetime.timedelta(days=index),
        )
        for index in range(number)
    )


def get(query: str = ""):
    return RequestFactory().get(f"/list/?{query}")


def test_natural_order_counts_as_people_do():
    refs = ["1.10", "2.1", "1.2", "1.1", "Action 10", "action 9"]
    assert sorted(refs, key=natural_key) == ["1.1", "1.2", "1.10", "2.1", "action 9", "Action 10"]


@pytest.mark.django_db
def test_filters_sort_and_page_a_queryset(council):
    entries(council, 8)
    page = listing(get("verb=created&sort=record&page=2"), council.audit_entries.all(), SPEC)
    assert page.total == 4
    assert [e.object_repr for e in page.rows] == ["Record 7"]
    assert page.summary == "4 changes match these filters."
    assert page.previous_href == "?verb=created&sort=record&page=1"
    assert page.next_href == ""
    assert "format=csv" in page.csv_href and "page" not in page.csv_href
    assert [choice["key"] for choice in page.sorts] == ["at", "-at", "record"]


@pytest.mark.django_db
def test_an_unknown_sort_or_page_falls_back_and_a_bad_filter_is_named(council):
    entries(council, 5)
    page = listing(get("sort=password&page=99&since=not-a-date"), council.audit_entries.all(), SPEC)
    assert page.sort == "-at"
    assert page.page.number == 2  # the last page
    assert "since" in page.filters.form.errors
    assert page.total == 5  # a filter that cannot be read narrows nothing


@pytest.mark.django_db
def test_a_list_of_rows_is_filtered_and_sorted_with_empty_values_last():
    class Row:
        def __init__(self, ref, due):
            self.ref, self.due = ref, due

    class RowFilters(ListFilterSet):
        late = django_filters.BooleanFilter(method="only_late", label="Late")

        def only_late(self, rows, name, value):
            return [row for row in rows if row.due and row.due < datetime.date(2024, 1, 1)]

    spec = ListSpec(
        noun="action",
        filterset=RowFilters,
        sorts=(Sort("ref", "Reference", ("ref",)), Sort("due", "Due", ("due",), "Due, latest")),
        default_sort="ref",
        columns=(Column("Ref", lambda r: r.ref),),
    )
    rows = [
        Row("1.10", datetime.date(2023, 5, 1)),
        Row("1.2", None),
        Row("1.1", datetime.date(2024, 5, 1)),
    ]
    assert [r.ref for r in listing(get(), rows, spec).rows] == ["1.1", "1.2", "1.10"]
    assert [r.ref for r in listing(get("sort=-due"), rows, spec).rows] == ["1.1", "1.10", "1.2"]
    assert [r.ref for r in listing(get("late=true"), rows, spec).rows] == ["1.10"]


@pytest.mark.django_db
def test_the_csv_holds_every_kept_row_safely(council):
    entries(council, 7)
    AuditEntry.objects.filter(object_id="6").update(object_repr="=HYPERLINK(1)")
    response = list_page(
        get("format=csv&verb=changed"),
        council.audit_entries.all(),
        SPEC,
        "unused.html",
        filename_prefix=council.slug,
    )
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{council.slug}-changes-' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Record", "When"]
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(1)", "Record 4", "Record 2", "Record 0"]


@pytest.mark.django_db
@pytest.mark.parametrize("number", [4, 40])
def test_a_page_costs_the_same_queries_however_long_the_list(council, number):
    entries(council, number)
    with CaptureQueriesContext(connection) as queries:
        page = listing(get("verb=changed&sort=record"), council.audit_entries.all(), SPEC)
        page.rows  # noqa: B018
    assert len(queries) == 2  # the count and the page


@pytest.mark.django_db
def test_a_reverse_is_offered_only_where_it_has_words(council):
    entries(council, 3)
    assert listing(get("sort=-record"), council.audit_entries.all(), SPEC).sort == "-at"
    assert listing(get("sort=-at"), council.audit_entries.all(), SPEC).sort == "-at"
    assert listing(get("sort=at"), council.audit_entries.all(), SPEC).sort == "at"


def test_hidden_fields_keep_what_a_form_does_not_draw_less_the_page_and_format():
    query = QueryDict("verb=created&verb=changed&sort=at&page=3&format=csv&as_at_day=1")
    assert hidden_fields(query, ["as_at_day"]) == [
        ("verb", "created"),
        ("verb", "changed"),
        ("sort", "at"),
    ]

"""Keyset paging reads every row exactly once, newest first, however the
timestamps tie, walking older and then newer again; the APIs' cursor pages read every
row once in their own orders; a cursor carries its edge, so the edge row may go."""

import base64
import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from improvement.accounts.tests.factories import CouncilFactory
from improvement.core.models import AuditEntry, Council
from improvement.core.paging import BadCursor, cursor_for, cursor_page, keyset_page

NOON = datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC)


def _entries(council: Council, minutes: list[int]) -> list[AuditEntry]:
    kind = ContentType.objects.get_for_model(Council)
    return AuditEntry.objects.bulk_create(
        AuditEntry(
            council=council,
            actor_name="Penny Aubert",
            at=NOON - datetime.timedelta(minutes=minute),
            verb="changed",
            content_type=kind,
            object_id=str(n),
            object_repr=f"entry {n}",
        )
        for n, minute in enumerate(minutes)
    )


def _walk(rows, size: int, way: str = "before", start: dict | None = None):
    """Every page from `start`, following the links one way; the pages' rows."""
    pages, params = [], start or {}
    while True:
        page = keyset_page(rows, params, size=size)
        pages.append(page)
        edge = page.older if way == "before" else page.newer
        if edge is None:
            return pages
        params = {way: str(edge)}


TIES = {
    "all at one moment": [0] * 23,
    "pairs": [n // 2 for n in range(23)],
    "a tie across every page edge": [0] * 4 + [1] * 9 + [2] * 10,
    "none": list(range(23)),
    "saved out of order": [5, 1, 9, 1, 1, 0, 7, 7, 3, 2, 2, 2, 8, 6, 4, 4, 0, 0, 9, 5, 5, 1, 3],
}


@pytest.mark.parametrize("minutes", TIES.values(), ids=TIES.keys())
@pytest.mark.parametrize("size", [1, 5, 22, 23])
def test_walking_older_then_newer_reads_every_entry_once_in_order(db, minutes, size):
    council = CouncilFactory()
    _entries(council, minutes)
    _entries(CouncilFactory(), [0] * 5)  # another council's, never read
    rows = council.audit_entries.all()
    expected = list(rows.order_by("-at", "-id").values_list("pk", flat=True))

    older = _walk(rows, size)
    read = [row.pk for page in older for row in page.rows]
    assert read == expected and len(read) == len(minutes)
    assert all(len(page.rows) == size for page in older[:-1])

    oldest = rows.get(pk=expected[-1])
    newer = _walk(rows, size, "after", {"after": cursor_for(oldest, "at")})
    back = [row.pk for page in reversed(newer) for row in page.rows]
    assert back == expected[:-1]  # all but the oldest, where the walk started
    assert all(len(page.rows) == size for page in newer[:-1])


def test_the_first_page_links_only_to_older_entries(db):
    council = CouncilFactory()
    _entries(council, [0] * 7)
    page = keyset_page(council.audit_entries.all(), {}, size=5)
    assert page.newer is None and page.older == cursor_for(page.rows[-1], "at")
    assert page.has_other_pages


def test_a_short_list_has_one_page_and_no_links(db):
    council = CouncilFactory()
    _entries(council, [0, 1, 2])
    page = keyset_page(council.audit_entries.all(), {}, size=5)
    assert len(page.rows) == 3 and not page.has_other_pages


@pytest.mark.parametrize("cursor", ["abc", "-1", "", "99999999999999999999999"])
def test_a_cursor_we_did_not_make_reads_the_newest_page(db, cursor):
    council = CouncilFactory()
    _entries(council, [0, 1, 2])
    page = keyset_page(council.audit_entries.all(), {"before": cursor}, size=2)
    assert [row.object_repr for row in page.rows] == ["entry 0", "entry 1"]


def test_a_cursor_from_another_councils_entry_reads_only_this_councils(db):
    # A cursor carries values, not rights: it only bounds rows already scoped.
    council, other = CouncilFactory(), CouncilFactory()
    _entries(council, [0, 1, 2])
    foreign = _entries(other, [1])[0]
    page = keyset_page(council.audit_entries.all(), {"before": cursor_for(foreign, "at")}, size=2)
    assert [row.object_repr for row in page.rows] == ["entry 1", "entry 2"]
    assert {row.council_id for row in page.rows} == {council.pk}


def test_the_edge_row_leaving_the_list_between_pages_ends_nothing(db):
    council = CouncilFactory()
    _entries(council, [0, 0, 1, 1, 2, 2])
    rows = council.audit_entries.all()
    first = keyset_page(rows, {}, size=3)
    edge = first.rows[-1]
    rest = keyset_page(rows.exclude(pk=edge.pk), {"before": first.older}, size=3)
    back = keyset_page(rows.exclude(pk=edge.pk), {"after": rest.newer}, size=3)
    expected = list(rows.order_by("-at", "-id"))
    assert rest.rows == expected[3:] and rest.older is None
    assert back.rows == expected[:2]  # the newer page, without the row that left


ORDERS = {"by id": ("pk", False), "by time": ("at", False), "newest first": ("at", True)}


@pytest.mark.parametrize(("key", "descending"), ORDERS.values(), ids=ORDERS.keys())
def test_an_api_reads_every_row_once_following_next_cursor(db, key, descending):
    council = CouncilFactory()
    _entries(council, TIES["saved out of order"])
    rows = council.audit_entries.all()
    sign = "-" if descending else ""
    expected = list(rows.order_by(f"{sign}{key}", f"{sign}id"))
    read, cursor = [], None
    while True:
        page = cursor_page(rows, cursor, 4, key, descending)
        assert set(page) == {"items", "next_cursor", "generated_at"}
        read += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert read == expected


def test_archiving_the_edge_row_mid_read_skips_nothing_after_it(db):
    council = CouncilFactory()
    _entries(council, [0] * 9)
    rows = council.audit_entries.all()
    first = cursor_page(rows, None, 4)
    rest = cursor_page(rows.exclude(pk=first["items"][-1].pk), first["next_cursor"], 10)
    assert first["items"] + rest["items"] == list(rows.order_by("id"))


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


BAD = {
    "not base64": "not-a-cursor",
    "bogus": "bogus",
    "not text": "_w",
    "an id for a timed order": _cursor("17"),
    "a time with no zone": _cursor("2024-03-01T12:00:00|17"),
    "a negative id": _cursor("2024-03-01T12:00:00+00:00|-17"),
    "an id past bigint": _cursor("2024-03-01T12:00:00+00:00|" + "9" * 20),
    "not a time": _cursor("yesterday|17"),
    "three values": _cursor("2024-03-01T12:00:00+00:00|2024-03-01T12:00:00+00:00|17"),
}


@pytest.mark.parametrize("cursor", BAD.values(), ids=BAD.keys())
def test_a_cursor_the_site_did_not_make_is_refused_with_a_message(db, cursor):
    rows = CouncilFactory().audit_entries.all()
    with pytest.raises(BadCursor, match="cursor"):
        cursor_page(rows, cursor, 5, "at")
    assert keyset_page(rows, {"before": cursor}).older is None  # the page shows its newest


def test_a_timed_cursor_is_refused_for_an_order_by_id(db):
    council = CouncilFactory()
    entry = _entries(council, [0])[0]
    with pytest.raises(BadCursor):
        cursor_page(council.audit_entries.all(), cursor_for(entry, "at"), 5)

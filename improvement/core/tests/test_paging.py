"""Keyset paging reads every row exactly once, newest first, however the
timestamps tie, walking older and then newer again."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from improvement.accounts.tests.factories import CouncilFactory
from improvement.core.models import AuditEntry, Council
from improvement.core.paging import keyset_page

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

    newer = _walk(rows, size, "after", {"after": str(expected[-1])})
    back = [row.pk for page in reversed(newer) for row in page.rows]
    assert back == expected[:-1]  # all but the oldest, where the walk started
    assert all(len(page.rows) == size for page in newer[:-1])


def test_the_first_page_links_only_to_older_entries(db):
    council = CouncilFactory()
    _entries(council, [0] * 7)
    page = keyset_page(council.audit_entries.all(), {}, size=5)
    assert page.newer is None and page.older == page.rows[-1].pk
    assert page.has_other_pages


def test_a_short_list_has_one_page_and_no_links(db):
    council = CouncilFactory()
    _entries(council, [0, 1, 2])
    page = keyset_page(council.audit_entries.all(), {}, size=5)
    assert len(page.rows) == 3 and not page.has_other_pages


@pytest.mark.parametrize("cursor", ["abc", "-1", "", "99999999999999999999999"])
def test_a_cursor_that_is_not_an_id_reads_the_newest_page(db, cursor):
    council = CouncilFactory()
    _entries(council, [0, 1, 2])
    page = keyset_page(council.audit_entries.all(), {"before": cursor}, size=2)
    assert [row.object_repr for row in page.rows] == ["entry 0", "entry 1"]


def test_another_councils_entry_as_the_cursor_finds_nothing(db):
    council, other = CouncilFactory(), CouncilFactory()
    _entries(council, [0, 1, 2])
    foreign = _entries(other, [5])[0]
    page = keyset_page(council.audit_entries.all(), {"before": str(foreign.pk)}, size=2)
    assert page.rows == [] and not page.has_other_pages

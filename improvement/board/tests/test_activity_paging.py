"""The activity page reads the council's changes a page at a time by keyset
(core.paging): every change once, Newer and Older links, a fixed query count."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from improvement.complaints.models import Representation
from improvement.complaints.services import grant_case_access
from improvement.core.models import AuditEntry
from improvement.core.paging import cursor_for
from improvement.plans.models import Action

# The page, its readers and the filters: their choices are reused until the record
# changes (the latest change and a cache read, board.activity_list).
QUERIES = 8


def _changes(council, count: int, model=Action, label="change") -> list[AuditEntry]:
    """`count` changes, all at the one frozen moment: every page edge is a tie."""
    kind = ContentType.objects.get_for_model(model)
    return AuditEntry.objects.bulk_create(
        AuditEntry(
            council=council,
            actor_name="Penny Aubert",
            verb="changed",
            content_type=kind,
            object_id=str(n),
            object_repr=f"{label} number {n}",
        )
        for n in range(count)
    )


def _read(client, url: str) -> tuple[list[str], str | None, str | None]:
    body = client.get(url).content.decode()
    shown = re.findall(r"(?:change|case) number \d+", body)
    newer = re.search(r'href="(\?after=[\w-]+)" rel="prev"', body)
    older = re.search(r'href="(\?before=[\w-]+)" rel="next"', body)
    return shown, newer and newer.group(1), older and older.group(1)


def _pages(client, url: str) -> list[tuple[list[str], str | None]]:
    """Every page from the newest, following Older: what each shows, its Newer link."""
    pages, link = [], ""
    while link is not None:
        shown, newer, link = _read(client, url + link)
        pages.append((shown, newer))
    return pages


def test_following_older_then_newer_shows_every_change_exactly_once(
    council, board_manager, client_for
):
    _changes(council, 120)
    client, url = client_for(board_manager), reverse("board:activity", args=[council.slug])
    pages = _pages(client, url)
    read = [change for shown, _ in pages for change in shown]
    assert [len(shown) for shown, _ in pages] == [50, 50, 20]
    assert read == [f"change number {n}" for n in range(119, -1, -1)]
    assert pages[0][1] is None  # the newest page offers nothing newer

    shown, newer, _ = _read(client, url + pages[-1][1])
    assert shown == pages[1][0]
    shown, newer, _ = _read(client, url + newer)
    assert shown == pages[0][0] and newer is None


def test_complaint_cases_stay_out_of_every_page_for_those_who_cannot_see_them(
    council, board_manager, complaints_manager, client_for
):
    _changes(council, 60, Representation, "case")
    _changes(council, 60)
    url = reverse("board:activity", args=[council.slug])
    client = client_for(board_manager)
    for cases in (0, 60):
        if cases:
            grant_case_access(complaints_manager, council, board_manager, "Board oversight")
        read = [change for shown, _ in _pages(client, url) for change in shown]
        assert len(read) == 60 + cases
        assert sum(change.startswith("case") for change in read) == cases


@pytest.mark.parametrize("count", [3, 200])
def test_the_activity_page_reads_a_fixed_number_of_queries(
    council, board_manager, client_for, django_assert_num_queries, count
):
    _changes(council, count)
    client, url = client_for(board_manager), reverse("board:activity", args=[council.slug])
    client.get(url)
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200
    second_oldest = council.audit_entries.order_by("at", "id")[1]
    with django_assert_num_queries(QUERIES):
        response = client.get(f"{url}?before={cursor_for(second_oldest, 'at')}")
    assert response.status_code == 200 and len(response.context["page"].rows) == 1

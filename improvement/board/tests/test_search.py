"""The council's search page (docs/adr/043): every kind of record found and grouped,
each only for those its own pages serve, another council's never; any query answered
with a page, never an error; a bounded number of queries whatever the record's size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.board.search import search
from improvement.complaints.models import CaseAccessGrant
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.search import PER_KIND
from improvement.forward_plan.tests.factories import ForwardDecisionFactory
from improvement.meetings.models import Decision, Paper
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

pytestmark = pytest.mark.django_db
WHEN = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def _url(council, **query):
    base = reverse("board:search", args=[council.slug])
    return base, query


def _get(client, council, **query):
    base, params = _url(council, **query)
    return client.get(base, params)


def _everything(council, word, n=1):
    """`n` records of every kind, each with `word` in it, and an exempt item."""
    body = BodyFactory(council=council)
    objective = ObjectiveFactory(council=council, title=f"{word} objective")
    meeting = MeetingFactory(body=body, location=f"{word} room")
    exempt = AgendaItemFactory(meeting=meeting, title=f"{word} exempt", exempt_paragraph=3)
    Paper.objects.create(item=exempt, name=f"{word} exempt paper.pdf", file="papers/e.pdf")
    for n_ in range(n):
        action = ActionFactory(objective=objective, title=f"{word} action {n_}")
        UpdateFactory(action=action, narrative=f"{word} update {n_}")
        item = AgendaItemFactory(meeting=meeting, title=f"{word} item {n_}")
        Paper.objects.create(item=item, name=f"{word} paper {n_}.pdf", file="papers/x.pdf")
        Decision.objects.create(
            council=council,
            meeting=meeting,
            item=item,
            kind=Decision.Kind.RESOLUTION,
            text=f"The board agreed the {word} plan {n_}.",
            decided_on=datetime.date(2024, 2, 7),
        )
        ForwardDecisionFactory(council=council, title=f"{word} decision {n_}")
        ComplaintFactory(council=council, summary=f"{word} complaint {n_}")
    return body


def test_an_empty_query_shows_the_empty_search_page(council, board_member, client_for):
    page = _get(client_for(board_member), council)
    text = page.content.decode()
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-l">Search</h1>' in text
    assert "There are no matching results" not in text
    assert _get(client_for(board_member), council, q="  \x00 ").status_code == 200


def test_finds_every_kind_for_the_complaints_manager(council, complaints_manager, client_for):
    _everything(council, "kinship")
    text = _get(client_for(complaints_manager), council, q="kinship").content.decode()
    for heading in (
        "Objectives",
        "Actions",
        "Updates",
        "Meetings",
        "Agenda items and minutes",
        "Papers",
        "Resolutions and decisions",
        "Forward plan decisions",
        "Complaints and compliments",
    ):
        assert f">{heading}</h2>" in text
    assert "kinship complaint 0" in text
    # The complaints manager is no member of the body: its exempt item stays hidden.
    assert "kinship exempt" not in text


def test_complaints_are_hidden_from_readers_not_allowed_cases(
    council, board_manager, board_member, client_for
):
    _everything(council, "kinship")
    for reader in (board_manager, board_member):
        text = _get(client_for(reader), council, q="kinship").content.decode()
        assert "kinship action 0" in text
        assert "Complaints and compliments" not in text and "kinship complaint" not in text
    CaseAccessGrant.objects.create(council=council, user=board_member, reason="Audit")
    text = _get(client_for(board_member), council, q="complaint").content.decode()
    assert "kinship complaint 0" in text


def test_exempt_items_and_papers_only_for_members_of_the_body(
    council, board_member, councillor, client_for
):
    body = _everything(council, "kinship")
    hidden = _get(client_for(board_member), council, q="kinship").content.decode()
    assert "kinship exempt" not in hidden
    BodyMembershipFactory(body=body, person=PersonFactory(council=council, user=councillor))
    shown = _get(client_for(councillor), council, q="kinship exempt").content.decode()
    assert "kinship exempt paper.pdf" in shown and ">kinship exempt</a>" in shown


def test_archived_records_are_never_found(council, board_manager, client_for):
    objective = ObjectiveFactory(council=council, title="Kinship archived objective")
    objective.archived_at = WHEN
    objective.save()
    item = AgendaItemFactory(meeting__body__council=council, title="Kinship withdrawn item")
    item.archived_at = WHEN
    item.save()
    ForwardDecisionFactory(council=council, title="Kinship withdrawn", status="withdrawn")
    text = _get(client_for(board_manager), council, q="kinship").content.decode()
    assert "There are no matching results" in text


def test_another_councils_records_are_never_found_and_its_page_is_not_there(
    council, other_council, board_manager, other_officer, client_for
):
    _everything(other_council, "kinship")
    text = _get(client_for(board_manager), council, q="kinship").content.decode()
    assert "There are no matching results" in text
    assert _get(client_for(other_officer), council, q="kinship").status_code == 404
    page = _get(client_for(None), council, q="kinship")
    assert page.status_code == 302 and page["Location"].startswith("/sign-in/")


def test_no_results_are_said_in_words_with_tips(council, board_member, client_for):
    text = _get(client_for(board_member), council, q="zebra").content.decode()
    assert "Search results for ‘zebra’" in text
    assert "There are no matching results." in text
    assert "double-checking your spelling" in text


@pytest.mark.parametrize(
    "query",
    [
        "kinship " * 2000,
        "kinship\x00\x01\x1f",
        "kinship'; DROP TABLE plans_action; --",
        "!!! ??? ... &&& |||",
        "%",
        "_",
        '"',
        "<script>alert(1)</script>",
        "kinship & ! | :* ( )",
    ],
)
def test_a_hostile_query_is_answered_with_a_page(council, board_manager, client_for, query):
    _everything(council, "kinship")
    page = _get(client_for(board_manager), council, q=query)
    text = page.content.decode()
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in text
    assert "\x00" not in text


def test_the_kind_parameter_shows_one_kind_and_an_unknown_kind_is_ignored(
    council, board_manager, client_for
):
    _everything(council, "kinship")
    text = _get(client_for(board_manager), council, q="kinship", kind="papers").content.decode()
    assert ">Papers</h2>" in text and ">Actions</h2>" not in text
    assert "Searching papers only" in text
    text = _get(client_for(board_manager), council, q="kinship", kind="nonsense").content.decode()
    assert ">Papers</h2>" in text and ">Actions</h2>" in text


def test_each_kind_shows_its_first_hits_of_how_many_with_a_link_to_more(
    council, board_manager, client_for
):
    objective = ObjectiveFactory(council=council, title="Plain")
    for n in range(PER_KIND + 3):
        ActionFactory(objective=objective, title=f"Kinship action {n}")
    text = _get(client_for(board_manager), council, q="kinship").content.decode()
    assert f"Showing {PER_KIND} of {PER_KIND + 3}." in text
    assert "kind=actions" in text
    results = search(council, board_manager, "kinship", kind="actions")
    assert [len(group.hits) for group in results.groups] == [PER_KIND + 3]


def _queries(client, council, word):
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, council, q=word).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_record(
    council, complaints_manager, client_for
):
    client = client_for(complaints_manager)
    _everything(council, "kinship", n=2)
    _everything(council, "fostering", n=PER_KIND + 5)
    # The session, the reader, the council and their roles; one query for each of nine
    # kinds (a page of hits counted by a window function); the bodies and the
    # reader's seats for the exempt rule.
    assert _queries(client, council, "kinship") == _queries(client, council, "fostering") == 15


def test_signed_in_council_pages_carry_a_search_form_in_the_navigation(
    council, board_member, client_for
):
    text = client_for(board_member).get(reverse("board:start", args=[council.slug])).content
    assert b'role="search"' in text and b'action="/councils/testshire/search/"' in text

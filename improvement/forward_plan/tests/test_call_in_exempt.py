"""A decision taken under an exempt item is named by its paragraph only ("Exempt:
paragraph N of Schedule 12A") to a reader who does not see the exempt items of the
body that took it, on every page of its call-in and in the list and CSV of executive
decisions: the one rule of meetings' ports, as the councillor's start page uses it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from improvement.forward_plan import call_in
from improvement.forward_plan.tests.test_call_in_requests import (  # noqa: F401 (fixtures)
    _councillor,
    members,
    scrutiny,
)
from improvement.meetings.models import Body
from improvement.meetings.tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory

SECRET = "Close the Elm Road home after the named provider failed"
NOTICE = "Exempt: paragraph 3 of Schedule 12A"


@pytest.fixture
def exempt_decision(council, board_manager, scrutiny):  # noqa: F811
    cabinet = BodyFactory(council=council, slug="cabinet", kind=Body.Kind.CABINET, name="Cabinet")
    item = AgendaItemFactory(
        meeting=MeetingFactory(body=cabinet), title="Provider failure", exempt_paragraph=3
    )
    day = datetime.date(2024, 3, 1)
    decision = call_in.publish_executive_decision(
        board_manager, council, SECRET, day, "Cabinet", day, scrutiny
    )
    decision.item = item
    decision.save()
    return decision


def url(decision, name):
    return reverse(f"forward_plan:{name}", args=[decision.council.slug, decision.pk])


def test_a_scrutiny_member_reads_an_exempt_decision_by_its_paragraph_on_every_call_in_page(
    exempt_decision,
    members,  # noqa: F811
    client_for,
):
    client = client_for(members["a"])
    pages = [client.get(url(exempt_decision, "call_in_detail"))]
    pages.append(client.get(url(exempt_decision, "call_in_request")))
    client.post(url(exempt_decision, "call_in_request"), {"reasons": "Not consulted"})
    pages.append(client.get(url(exempt_decision, "call_in_check")))
    client.post(url(exempt_decision, "call_in_check"))
    pages.append(client_for(members["b"]).get(url(exempt_decision, "call_in_join")))
    pages.append(client_for(members["outsider"]).get(url(exempt_decision, "call_in_request")))
    for page in pages:
        body = page.content.decode()
        assert page.status_code == 200
        assert SECRET not in body and NOTICE in body


def test_the_chair_who_sees_exempt_items_reads_the_decision_in_full(
    exempt_decision, chair, client_for
):
    body = client_for(chair).get(url(exempt_decision, "call_in_detail")).content.decode()
    assert SECRET in body and NOTICE not in body


def test_the_list_of_executive_decisions_and_its_csv_withhold_an_exempt_decision(
    council,
    exempt_decision,
    members,  # noqa: F811
    chair,
    client_for,
):
    listing = reverse("forward_plan:executive_decisions", args=[council.slug])
    for query in ("", "?format=csv"):
        body = b"".join(client_for(members["a"]).get(listing + query)).decode()
        assert SECRET not in body and NOTICE in body, query
        body = b"".join(client_for(chair).get(listing + query)).decode()
        assert SECRET in body, query


def test_the_paper_call_in_form_names_an_exempt_decision_by_its_paragraph_to_a_councillor(
    exempt_decision,
    members,  # noqa: F811
    client_for,
):
    page = client_for(members["a"]).get(url(exempt_decision, "call_in")).content.decode()
    assert SECRET not in page and NOTICE in page


def test_the_officers_email_names_an_exempt_decision_by_its_paragraph_only(
    exempt_decision,
    members,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_in.start_call_in(members["a"], exempt_decision, "Not consulted")
        call_in.join_call_in(members["b"], exempt_decision)
        call_in.join_call_in(members["c"], exempt_decision)
    [email] = mail.outbox
    assert email.subject == f"Call-in: {NOTICE}"
    assert SECRET not in email.body and f"Decision: {NOTICE}" in email.body


def test_an_exempt_decision_sorts_by_no_words_so_its_place_hints_at_nothing(
    council,
    board_manager,
    exempt_decision,
    members,  # noqa: F811
    scrutiny,  # noqa: F811
    client_for,
):
    day = datetime.date(2024, 3, 2)
    for text in ("Adopt the kinship care policy", "Zero-based budget for fostering"):
        call_in.publish_executive_decision(
            board_manager, council, text, day, "Cabinet", day, scrutiny
        )
    listing = reverse("forward_plan:executive_decisions", args=[council.slug])
    for sort in ("title", "-title"):
        body = client_for(members["a"]).get(f"{listing}?sort={sort}").content.decode()
        order = [body.index(NOTICE), body.index("Adopt the"), body.index("Zero-based")]
        # The exempt decision comes first A to Z and last Z to A, whatever its words.
        assert order == (sorted(order) if sort == "title" else sorted(order, reverse=True))

"""Executive decisions published for call-in, and a call-in recorded by scrutiny members."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.forward_plan import call_in
from improvement.meetings.models import Body
from improvement.meetings.tests.factories import BodyFactory, BodyMembershipFactory


@pytest.fixture
def decision(council, board_manager):
    scrutiny = BodyFactory(
        council=council,
        slug="scrutiny",
        kind=Body.Kind.SCRUTINY,
        name="Children and Education Scrutiny Committee",
    )
    for i in range(3):
        person = PersonFactory(council=council, name=f"Councillor {i}")
        BodyMembershipFactory(body=scrutiny, person=person, role_title="Councillor")
    return call_in.publish_executive_decision(
        board_manager,
        council,
        "Close a children's centre",
        datetime.date(2024, 3, 1),
        "Cabinet",
        datetime.date(2024, 3, 1),
        scrutiny=scrutiny,
    )


def url(council, name, *args):
    return reverse(f"forward_plan:{name}", args=[council.slug, *args])


def test_the_board_manager_records_a_call_in_by_three_members(
    council, board_manager, decision, client_for
):
    client = client_for(board_manager)
    page = client.get(url(council, "executive_decisions")).content.decode()
    assert "Open until 6 March 2024" in page
    form = client.get(url(council, "call_in", decision.pk)).content.decode()
    assert "Councillor 0" in form and f'name="version" value="{decision.version}"' in form
    people = list(decision.scrutiny.memberships.values_list("person_id", flat=True))
    response = client.post(
        url(council, "call_in", decision.pk), {"members": people, "version": decision.version}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.called_in_on == datetime.date(2024, 3, 1)
    assert "suspended" in client.get(url(council, "executive_decisions")).content.decode()


def test_a_councillor_calls_a_decision_in_with_two_colleagues(
    council, councillor, decision, client_for
):
    client = client_for(councillor)
    assert "record a call-in" in client.get(url(council, "executive_decisions")).content.decode()
    people = list(decision.scrutiny.memberships.values_list("person_id", flat=True))
    response = client.post(
        url(council, "call_in", decision.pk), {"members": people, "version": decision.version}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.called_in_on == datetime.date(2024, 3, 1)
    assert decision.called_in_by.count() == 3


def test_a_call_in_by_too_few_members_is_refused_with_the_number_needed(
    council, board_manager, decision, client_for
):
    person = decision.scrutiny.memberships.first().person_id
    response = client_for(board_manager).post(
        url(council, "call_in", decision.pk), {"members": [person], "version": decision.version}
    )
    assert "A call-in needs 3 members" in response.content.decode()
    decision.refresh_from_db()
    assert decision.called_in_on is None


@pytest.mark.parametrize(
    ("role", "list_status", "form_status"),
    [
        ("councillor", 200, 200),
        ("chair", 200, 403),
        ("owner", 200, 403),
        ("other_officer", 404, 404),
    ],
)
def test_call_in_pages_for_every_other_role(
    council, cast, decision, client_for, role, list_status, form_status
):
    client = client_for(cast[role])
    assert client.get(url(council, "executive_decisions")).status_code == list_status
    assert client.get(url(council, "call_in", decision.pk)).status_code == form_status


def test_a_call_in_form_without_a_version_is_refused(council, board_manager, decision, client_for):
    people = list(decision.scrutiny.memberships.values_list("person_id", flat=True))
    response = client_for(board_manager).post(
        url(council, "call_in", decision.pk), {"members": people}
    )
    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    decision.refresh_from_db()
    assert decision.called_in_on is None


def test_a_stale_call_in_is_refused_with_who_changed_it(
    council, board_manager, decision, client_for
):
    people = list(decision.scrutiny.memberships.values_list("person_id", flat=True))
    stale = decision.version
    # Someone else changes the decision after the form was opened.
    type(decision).objects.filter(pk=decision.pk).update(version=stale + 1)
    response = client_for(board_manager).post(
        url(council, "call_in", decision.pk), {"members": people, "version": stale}
    )
    assert "after you opened it. Your changes have not been saved" in response.content.decode()
    decision.refresh_from_db()
    assert decision.called_in_on is None


def test_the_old_meetings_addresses_lead_to_the_forward_plan(council, board_manager, client_for):
    client = client_for(board_manager)
    response = client.get(f"/councils/{council.slug}/meetings/decisions/")
    assert response.status_code == 301
    assert response["Location"] == url(council, "executive_decisions")
    response = client.get(f"/councils/{council.slug}/meetings/decisions/7/call-in/")
    assert response["Location"] == url(council, "call_in", 7)


def test_only_the_board_manager_publishes_and_only_councillors_or_she_call_in(
    council, chair, councillor, decision
):
    people = [m.person for m in decision.scrutiny.memberships.all()]
    for user in (chair, councillor):
        with pytest.raises(PermissionDenied):
            call_in.publish_executive_decision(
                user, council, "X", datetime.date(2024, 3, 1), "Cabinet"
            )
    with pytest.raises(PermissionDenied):
        call_in.request_call_in(chair, decision, people)


@pytest.fixture
def scrutiny(council):
    return BodyFactory(
        council=council,
        slug="scrutiny",
        name="Children and Education Scrutiny Committee",
        kind=Body.Kind.SCRUTINY,
    )


@pytest.mark.parametrize(
    ("published", "ends", "implementable"),
    [
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 6), datetime.date(2024, 3, 7)),
        (datetime.date(2024, 3, 28), datetime.date(2024, 4, 4), datetime.date(2024, 4, 5)),
    ],
)
def test_an_executive_decision_waits_out_the_call_in_working_days(
    council, board_manager, published, ends, implementable
):
    decision = call_in.publish_executive_decision(
        board_manager, council, "Award the contract", published, "Cabinet", published
    )
    assert decision.call_in_ends_on == ends
    assert decision.implementable_on == implementable


def _scrutiny_members(scrutiny, n):
    people = [PersonFactory(council=scrutiny.council, name=f"Councillor {i}") for i in range(n)]
    for person in people:
        BodyMembershipFactory(body=scrutiny, person=person, role_title="Councillor")
    return people


def test_call_in_needs_three_scrutiny_members_within_the_period(council, scrutiny, board_manager):
    members = _scrutiny_members(scrutiny, 3)
    outsider = PersonFactory(council=council, name="Not a member")
    decision = call_in.publish_executive_decision(
        board_manager,
        council,
        "Close a centre",
        datetime.date(2024, 3, 1),
        "Cabinet",
        datetime.date(2024, 3, 1),
        scrutiny=scrutiny,
    )
    with pytest.raises(ValidationError, match="needs 3"):
        call_in.request_call_in(board_manager, decision, [*members[:2], outsider])
    with pytest.raises(ValidationError, match="call-in period ended"):
        call_in.request_call_in(board_manager, decision, members, on=datetime.date(2024, 3, 7))
    call_in.request_call_in(board_manager, decision, members, on=datetime.date(2024, 3, 6))
    decision.refresh_from_db()
    assert decision.called_in_on == datetime.date(2024, 3, 6)
    assert decision.called_in_by.count() == 3


@pytest.mark.parametrize(
    ("role", "offered"), [("board_manager", True), ("councillor", True), ("chair", False)]
)
def test_the_board_manager_and_councillors_are_offered_the_call_in_form(
    council, cast, decision, client_for, role, offered
):
    page = client_for(cast[role]).get(url(council, "executive_decisions")).content.decode()
    assert ("record a call-in" in page) is offered

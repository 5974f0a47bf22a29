import datetime

import pytest
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.meetings import minutes
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
    return minutes.publish_executive_decision(
        board_manager,
        council,
        "Close a children's centre",
        datetime.date(2024, 3, 1),
        "Cabinet",
        datetime.date(2024, 3, 1),
        scrutiny=scrutiny,
    )


def url(council, name, *args):
    return reverse(f"meetings:{name}", args=[council.slug, *args])


def test_the_board_manager_records_a_call_in_by_three_members(
    council, board_manager, decision, client_for
):
    client = client_for(board_manager)
    page = client.get(url(council, "executive_decisions")).content.decode()
    assert "Open until 6 March 2024" in page
    people = list(decision.scrutiny.memberships.values_list("person_id", flat=True))
    response = client.post(url(council, "call_in", decision.pk), {"members": people})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.called_in_on == datetime.date(2024, 3, 1)
    assert "suspended" in client.get(url(council, "executive_decisions")).content.decode()


def test_a_call_in_by_too_few_members_is_refused_with_the_number_needed(
    council, board_manager, decision, client_for
):
    person = decision.scrutiny.memberships.first().person_id
    response = client_for(board_manager).post(
        url(council, "call_in", decision.pk), {"members": [person]}
    )
    assert "A call-in needs 3 members" in response.content.decode()
    decision.refresh_from_db()
    assert decision.called_in_on is None


@pytest.mark.parametrize(
    ("role", "list_status", "form_status"),
    [
        ("councillor", 200, 403),
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

import pytest
from django.urls import reverse

from improvement.plans import services
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

ROLES = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]


@pytest.fixture
def changed_action(council, board_manager):
    action = ActionFactory(objective=ObjectiveFactory(council=council))
    services.change_action(
        board_manager, action, {"title": "Audit every MASH decision"}, action.version
    )
    return action


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_a_records_history(council, cast, changed_action, client_for, role):
    history = client_for(cast[role]).get(
        reverse("board:history", args=[council.slug, "action", changed_action.pk])
    )
    assert history.status_code == 200
    assert "Audit every MASH decision" in history.content.decode()
    assert "Penny Aubert" in history.content.decode()


@pytest.mark.parametrize(("role", "expected"), [(role, 403) for role in ROLES[1:]])
def test_only_the_board_manager_reads_all_the_activity(
    council, cast, changed_action, client_for, role, expected
):
    url = reverse("board:activity", args=[council.slug])
    assert client_for(cast["board_manager"]).get(url).status_code == 200
    assert client_for(cast[role]).get(url).status_code == expected


def test_activity_leaves_out_complaint_cases_for_those_who_cannot_see_them(
    council, board_manager, complaints_manager, client_for
):
    import datetime

    from improvement.complaints.models import Representation
    from improvement.core import audit

    case = Representation.objects.create(
        council=council,
        reference="C9",
        received_on=datetime.date(2024, 2, 1),
        kind="complaint",
        process="statutory",
        service="childrens_social_care",
        summary="PRIVATE details of a family",
    )
    audit.record(complaints_manager, "recorded", case, None, audit.snapshot(case))
    body = (
        client_for(board_manager)
        .get(reverse("board:activity", args=[council.slug]))
        .content.decode()
    )
    assert "PRIVATE" not in body


def test_other_councils_officer_cannot_read_the_activity(council, cast, changed_action, client_for):
    client = client_for(cast["other_officer"])
    assert client.get(reverse("board:activity", args=[council.slug])).status_code == 404


def test_unknown_kinds_of_history_are_not_found(council, board_manager, client_for):
    url = reverse("board:history", args=[council.slug, "user", 1])
    assert client_for(board_manager).get(url).status_code == 404


def test_home_sends_a_one_council_person_to_its_start_page(council, board_manager, client_for):
    response = client_for(board_manager).get(reverse("home"))
    assert response["Location"] == reverse("board:start", args=[council.slug])


def test_home_asks_the_public_to_sign_in(client_for, db):
    assert client_for(None).get(reverse("home"))["Location"] == reverse("login")


def test_sign_in_page_uses_the_design_system_and_reports_a_bad_password(client, board_manager):
    assert "govuk-button" in client.get(reverse("login")).content.decode()
    response = client.post(reverse("login"), {"username": "manager", "password": "wrong"})
    body = response.content.decode()
    assert "There is a problem" in body and "Error: Sign in" in body


def test_signing_in_opens_the_start_page(client, council, board_manager):
    response = client.post(
        reverse("login"), {"username": "manager", "password": "correct-horse-battery"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("board:start", args=[council.slug])

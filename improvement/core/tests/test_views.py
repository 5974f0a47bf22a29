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
def test_every_role_reads_the_activity_and_history_pages(
    council, cast, changed_action, client_for, role
):
    client = client_for(cast[role])
    activity = client.get(reverse("core:activity", args=[council.slug]))
    history = client.get(reverse("core:history", args=[council.slug, "action", changed_action.pk]))
    assert activity.status_code == history.status_code == 200
    assert "Audit every MASH decision" in history.content.decode()
    assert "Penny Aubert" in history.content.decode()


def test_other_councils_officer_cannot_read_the_activity(council, cast, changed_action, client_for):
    client = client_for(cast["other_officer"])
    assert client.get(reverse("core:activity", args=[council.slug])).status_code == 404


def test_unknown_kinds_of_history_are_not_found(council, board_manager, client_for):
    url = reverse("core:history", args=[council.slug, "user", 1])
    assert client_for(board_manager).get(url).status_code == 404


def test_home_sends_a_one_council_person_to_its_dashboard(council, board_manager, client_for):
    response = client_for(board_manager).get(reverse("home"))
    assert response["Location"] == reverse("plans:dashboard", args=[council.slug])


def test_home_asks_the_public_to_sign_in(client_for, db):
    assert client_for(None).get(reverse("home"))["Location"] == reverse("login")


def test_sign_in_page_uses_the_design_system_and_reports_a_bad_password(client, board_manager):
    assert "govuk-button" in client.get(reverse("login")).content.decode()
    response = client.post(reverse("login"), {"username": "manager", "password": "wrong"})
    body = response.content.decode()
    assert "There is a problem" in body and "Error: Sign in" in body


def test_signing_in_opens_the_dashboard(client, council, board_manager):
    response = client.post(
        reverse("login"), {"username": "manager", "password": "correct-horse-battery"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("plans:dashboard", args=[council.slug])

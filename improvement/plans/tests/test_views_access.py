"""Every plan page for every role of the fixed cast, including the other council's officer."""

import pytest
from django.urls import reverse

from improvement.plans.tests.factories import (
    ActionFactory,
    FindingFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)

READ_PAGES = ["dashboard", "objective_list", "inspection_list", "notice_detail"]
ROLES = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]


@pytest.fixture
def plan(council, owner_person):
    NoticeFactory(council=council)
    finding = FindingFactory(council=council)
    objective = ObjectiveFactory(council=council)
    objective.findings.add(finding)
    action = ActionFactory(objective=objective, owners=[owner_person])
    update = UpdateFactory(
        action=action,
        rating="blue",
        approval="proposed",
        reason="All done",
        created_by=owner_person.user,
    )
    return {"objective": objective, "action": action, "update": update}


# The pages that join the plan with evidence and complaints are the board's.
BOARD_PAGES = {"dashboard", "objective_list", "objective_detail", "action_detail"}


def url(council, name, *args):
    namespace = "board" if name in BOARD_PAGES else "plans"
    return reverse(f"{namespace}:{name}", args=[council.slug, *args])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", READ_PAGES)
def test_every_role_in_the_council_can_read_the_plan(council, cast, plan, client_for, role, page):
    assert client_for(cast[role]).get(url(council, page)).status_code == 200


@pytest.mark.parametrize("page", READ_PAGES)
def test_other_councils_officer_sees_nothing(council, cast, plan, client_for, page):
    assert client_for(cast["other_officer"]).get(url(council, page)).status_code == 404


def test_other_councils_officer_cannot_open_an_action_or_history(council, cast, plan, client_for):
    client = client_for(cast["other_officer"])
    action = plan["action"]
    assert client.get(url(council, "action_detail", action.pk)).status_code == 404
    assert client.get(url(council, "update_create", action.pk)).status_code == 404
    history = reverse("board:history", args=[council.slug, "action", action.pk])
    assert client.get(history).status_code == 404


def test_records_of_another_council_are_not_found_through_this_council(
    council, other_council, board_manager, client_for
):
    foreign = ActionFactory(objective=ObjectiveFactory(council=other_council))
    client = client_for(board_manager)
    assert client.get(url(council, "action_detail", foreign.pk)).status_code == 404
    assert client.get(url(council, "action_edit", foreign.pk)).status_code == 404


def test_the_public_is_asked_to_sign_in(council, plan, client_for):
    response = client_for(None).get(url(council, "dashboard"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("board_manager", 200),
        ("chair", 403),
        ("owner", 403),
        ("board_member", 403),
        ("councillor", 403),
        ("complaints_manager", 403),
        ("other_officer", 404),
    ],
)
def test_only_the_board_manager_opens_the_edit_pages(
    council, cast, plan, client_for, role, expected
):
    client = client_for(cast[role])
    objective, action = plan["objective"], plan["action"]
    for target in (
        url(council, "objective_create"),
        url(council, "objective_edit", objective.pk),
        url(council, "objective_archive", objective.pk),
        url(council, "action_create", objective.pk),
        url(council, "action_edit", action.pk),
        url(council, "action_archive", action.pk),
        url(council, "action_reprofile", action.pk),
    ):
        assert client.get(target).status_code == expected, target


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("board_manager", 200),
        ("owner", 200),
        ("chair", 403),
        ("board_member", 403),
        ("councillor", 403),
        ("complaints_manager", 403),
        ("other_officer", 404),
    ],
)
def test_only_owners_and_the_board_manager_record_updates(
    council, cast, plan, client_for, role, expected
):
    response = client_for(cast[role]).get(url(council, "update_create", plan["action"].pk))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("board_manager", 200),
        ("chair", 200),
        ("owner", 403),
        ("board_member", 403),
        ("councillor", 403),
        ("other_officer", 404),
    ],
)
def test_only_chair_and_board_manager_decide_on_completion(
    council, cast, plan, client_for, role, expected
):
    response = client_for(cast[role]).get(url(council, "completion_decide", plan["update"].pk))
    assert response.status_code == expected

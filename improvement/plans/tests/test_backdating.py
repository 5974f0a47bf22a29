"""An owner may date an update back only to the last board meeting; the board manager
may go further, saying why; and the plan as at a date shows only what had been
recorded by then. Today is 1 March 2024 (conftest)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.plans import services
from improvement.plans.dating import owners_earliest
from improvement.plans.models import PlanSettings, Update
from improvement.plans.picture import plan_picture
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

LAST_BOARD = datetime.date(2024, 2, 7)


def update(as_of, **extra):
    return {"as_of": as_of, "rating": "green", "reason": "Recruited", **extra}


@pytest.fixture
def board_met(monkeypatch):
    """The board last met on 7 February (meetings answers through its port, tested
    with the board app, which may read both)."""
    monkeypatch.setattr(
        "improvement.plans.dating.last_board_meeting_before", lambda council, day: LAST_BOARD
    )


@pytest.fixture
def action(council, owner_person, board_met):
    return ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])


def test_an_owner_may_date_an_update_back_to_the_last_board_meeting(action, owner):
    assert owners_earliest(action.council) == LAST_BOARD
    recorded = services.record_update(owner, action, update(LAST_BOARD))
    assert recorded.as_of == LAST_BOARD


def test_an_owner_cannot_backdate_an_update_before_the_last_board_meeting(action, owner):
    with pytest.raises(ValidationError) as refused:
        services.record_update(owner, action, update(datetime.date(2021, 6, 1)))
    assert "on or after 7 February 2024" in str(refused.value.message_dict["as_of"])
    assert not Update.objects.exists()


def test_an_owner_cannot_move_an_update_back_by_correcting_it(action, owner):
    recorded = services.record_update(owner, action, update(datetime.date(2024, 2, 28)))
    with pytest.raises(ValidationError):
        services.change_update(owner, recorded, update(datetime.date(2023, 1, 1)), recorded.version)
    recorded.refresh_from_db()
    assert recorded.as_of == datetime.date(2024, 2, 28)


def test_the_board_manager_backdates_further_only_with_a_reason(action, board_manager):
    with pytest.raises(ValidationError) as refused:
        services.record_update(board_manager, action, update(datetime.date(2023, 12, 1)))
    assert "backdate_reason" in refused.value.message_dict
    recorded = services.record_update(
        board_manager,
        action,
        update(datetime.date(2023, 12, 1), backdate_reason="Found in the December papers"),
    )
    assert recorded.backdate_reason == "Found in the December papers"


def test_the_council_may_set_how_many_days_back_owners_may_date(action, owner):
    PlanSettings.objects.create(council=action.council, owner_backdate_days=3)
    assert owners_earliest(action.council) == datetime.date(2024, 2, 27)
    with pytest.raises(ValidationError):
        services.record_update(owner, action, update(datetime.date(2024, 2, 26)))


def test_without_a_board_meeting_owners_may_date_back_one_board_cycle(council):
    assert owners_earliest(council) == datetime.date(2024, 3, 1) - datetime.timedelta(days=42)


def test_the_owner_is_told_the_limit_on_the_form(council, action, owner, client_for):
    response = client_for(owner).post(
        reverse("plans:update_create", args=[council.slug, action.pk]),
        {"as_of_day": 1, "as_of_month": 6, "as_of_year": 2021, "rating": "green", "reason": "x"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Date of this update must be on or after 7 February 2024" in body
    assert "backdate_reason" not in body
    assert not Update.objects.exists()


def test_the_board_manager_is_asked_for_the_reason_on_the_form(
    council, action, board_manager, client_for
):
    page = reverse("plans:update_create", args=[council.slug, action.pk])
    fields = {"as_of_day": 1, "as_of_month": 12, "as_of_year": 2023, "rating": "green"}
    client = client_for(board_manager)
    refused = client.post(page, {**fields, "reason": "x"})
    assert "Enter why this update is dated before 7 February 2024" in refused.content.decode()
    accepted = client.post(page, {**fields, "reason": "x", "backdate_reason": "Late papers"})
    assert accepted.status_code == 302
    assert Update.objects.get().backdate_reason == "Late papers"


def test_the_plan_as_at_a_past_date_leaves_out_updates_recorded_after_it(council, action):
    board_day = datetime.date(2024, 1, 10)
    UpdateFactory(action=action, as_of=datetime.date(2024, 1, 5), rating="amber", reason="Then")
    # Recorded on 1 March, but dated to before the January board.
    UpdateFactory(
        action=action,
        as_of=datetime.date(2024, 1, 8),
        rating="red",
        reason="Backdated",
        created_at=datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC),
    )
    assert plan_picture(council, board_day).actions[0].rating == "amber"
    assert plan_picture(council).actions[0].rating == "red"


def test_the_action_page_as_at_a_past_date_leaves_out_later_records(
    council, action, board_member, client_for
):
    UpdateFactory(
        action=action,
        as_of=datetime.date(2024, 1, 8),
        reason="Backdated later",
        created_at=datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC),
    )
    page = reverse("board:action_detail", args=[council.slug, action.pk])
    then = client_for(board_member).get(
        page, {"as_at_day": 10, "as_at_month": 1, "as_at_year": 2024}
    )
    assert "Backdated later" not in then.content.decode()
    assert "Backdated later" in client_for(board_member).get(page).content.decode()

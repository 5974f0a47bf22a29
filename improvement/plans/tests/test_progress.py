import datetime

import pytest

from improvement.plans.picture import plan_picture
from improvement.plans.progress import slow_reasons
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

AS_AT = datetime.date(2024, 3, 1)


def reasons(**overrides):
    args = {
        "rating": "green",
        "previous_rating": None,
        "due_on": datetime.date(2024, 9, 1),
        "last_update_on": datetime.date(2024, 2, 20),
        "created_on": datetime.date(2023, 8, 1),
        "as_at": AS_AT,
        "cycle_days": 42,
        "due_soon_days": 28,
    }
    args.update(overrides)
    return slow_reasons(**args)


def test_green_recent_action_due_later_is_not_slow():
    assert reasons() == []


def test_past_due_and_not_complete_is_slow():
    assert reasons(due_on=datetime.date(2024, 2, 29)) == [
        "Past its due date of 29 February 2024 and not complete"
    ]


def test_due_today_is_not_yet_past_due_but_is_due_soon_when_amber():
    found = reasons(due_on=AS_AT, rating="amber")
    assert found == ["Due within 28 days and not Green or Blue"]


def test_red_is_slow():
    assert reasons(rating="red") == ["Rated Red"]


def test_amber_twice_running_is_slow_but_once_is_not():
    assert reasons(rating="amber", previous_rating="green") == []
    assert reasons(rating="amber", previous_rating="amber") == ["Amber on two consecutive updates"]


def test_no_update_for_more_than_a_board_cycle_is_slow():
    assert reasons(last_update_on=AS_AT - datetime.timedelta(days=42)) == []
    assert reasons(last_update_on=AS_AT - datetime.timedelta(days=43)) == [
        "No update for more than 42 days (since 18 January 2024)"
    ]


def test_never_updated_counts_from_when_the_action_was_added():
    assert reasons(rating="not_rated", last_update_on=None) == [
        "No update for more than 42 days (since it was added)"
    ]


def test_due_within_28_days_and_not_green_is_slow():
    due = AS_AT + datetime.timedelta(days=28)
    assert reasons(due_on=due, rating="grey") == ["Due within 28 days and not Green or Blue"]
    assert reasons(due_on=due + datetime.timedelta(days=1), rating="grey") == []


def test_every_reason_is_listed_together():
    found = reasons(
        rating="red",
        previous_rating="red",
        due_on=datetime.date(2024, 1, 1),
        last_update_on=datetime.date(2023, 12, 1),
    )
    assert found == [
        "Past its due date of 1 January 2024 and not complete",
        "Rated Red",
        "No update for more than 42 days (since 1 December 2023)",
    ]


def test_blue_is_never_slow():
    assert reasons(rating="blue", due_on=datetime.date(2023, 1, 1), last_update_on=None) == []


@pytest.mark.django_db
def test_picture_as_at_a_past_date_uses_the_latest_update_on_or_before_it(council):
    action = ActionFactory(objective=ObjectiveFactory(council=council))
    UpdateFactory(action=action, as_of=datetime.date(2023, 11, 1), rating="red", reason="late")
    UpdateFactory(action=action, as_of=datetime.date(2024, 2, 1), rating="green", reason="ok")
    then = plan_picture(council, datetime.date(2023, 12, 1))
    now = plan_picture(council)
    assert [item.rating for item in then.actions] == ["red"]
    assert then.actions[0].latest_update.reason == "late"
    assert [item.rating for item in now.actions] == ["green"]


@pytest.mark.django_db
def test_picture_as_at_uses_the_due_date_before_a_later_reprofile(council, board_manager):
    from improvement.plans import services

    action = ActionFactory(
        objective=ObjectiveFactory(council=council), due_on=datetime.date(2024, 1, 31)
    )
    services.reprofile_action(
        board_manager,
        action,
        datetime.date(2024, 6, 30),
        "Recruitment delayed",
        action.version,
        changed_on=datetime.date(2024, 2, 10),
    )
    assert plan_picture(council, datetime.date(2024, 2, 1)).actions[0].due_on == datetime.date(
        2024, 1, 31
    )
    assert plan_picture(council).actions[0].due_on == datetime.date(2024, 6, 30)


@pytest.mark.django_db
def test_objective_counts_ratings_and_share_complete(council, board_manager):
    objective = ObjectiveFactory(council=council)
    for rating in ("blue", "green", "red"):
        UpdateFactory(
            action=ActionFactory(objective=objective),
            rating=rating,
            approval="accepted" if rating == "blue" else "not_needed",
        )
    ActionFactory(objective=objective)
    row = plan_picture(council).objectives[0]
    assert row.rating_counts == {"blue": 1, "green": 1, "red": 1, "not_rated": 1}
    assert (row.complete, str(row.complete_pct)) == (1, "25.0")
    assert row.slow


@pytest.mark.django_db
def test_actions_due_after_the_notice_deadline_are_listed(council):
    from improvement.plans.tests.factories import NoticeFactory

    NoticeFactory(council=council, deadline=datetime.date(2024, 11, 30))
    objective = ObjectiveFactory(council=council)
    late = ActionFactory(objective=objective, due_on=datetime.date(2025, 1, 31))
    ActionFactory(objective=objective, due_on=datetime.date(2024, 11, 30))
    picture = plan_picture(council)
    assert [item.action for item in picture.due_after_deadline] == [late]
    assert picture.notice.next_review_due == datetime.date(2024, 2, 2)

"""The plan's lists at any size: the dashboard, the plan list and the slow-to-progress
page count every action but show a page of them, in a fixed number of queries; their
figures are the reports' (docs/adr/017)."""

import datetime

import pytest
from django.urls import reverse

from improvement.board.picture import board_picture, board_summary
from improvement.board.tests.test_pages import _bulk_plan, action_links
from improvement.plans import services
from improvement.plans.picture import plan_picture, plan_summary
from improvement.plans.presenters import SHORT_PAGE_SIZE
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)
from improvement.reports.board import summary_figures

pytestmark = pytest.mark.django_db


def url(council, name):
    return reverse(f"board:{name}", args=[council.slug])


def test_the_dashboard_lists_the_slow_actions_a_page_at_a_time_keeping_its_date(
    council, board_manager, owner_person, client_for
):
    _bulk_plan(council, owner_person.organisation, SHORT_PAGE_SIZE + 5)
    client = client_for(board_manager)
    as_at = {"as_at_day": "1", "as_at_month": "3", "as_at_year": "2024"}
    first = client.get(url(council, "dashboard"), as_at).content.decode()
    assert f"{SHORT_PAGE_SIZE + 5} actions flagged" in first
    assert action_links(first) == SHORT_PAGE_SIZE
    assert "?as_at_day=1&amp;as_at_month=3&amp;as_at_year=2024&amp;slow_page=2#slow" in first
    second = client.get(url(council, "dashboard"), {**as_at, "slow_page": "2"}).content.decode()
    assert action_links(second) == 5
    assert "Action 14<" in second and "Action 0<" not in second
    assert "Action 0<" in first and "Action 14<" not in first


def test_the_plan_list_shows_each_objectives_figures_and_a_page_of_actions(
    council, board_manager, owner_person, client_for
):
    _bulk_plan(council, owner_person.organisation, 60)
    client = client_for(board_manager)
    body = client.get(url(council, "objective_list")).content.decode()
    assert "0 of 60 actions complete" in body
    assert body.count("(0 of 12)") == 5  # every objective's share complete
    assert "Showing 1 to 25 of 60" in body
    last = client.get(url(council, "objective_list"), {"page": "3"}).content.decode()
    assert action_links(last) == 10 and "Showing 51 to 60 of 60" in last


def test_the_slow_to_progress_page_names_each_flagged_objective_with_its_count(
    council, board_manager, owner_person, client_for
):
    _bulk_plan(council, owner_person.organisation, 10)
    body = client_for(board_manager).get(url(council, "exceptions")).content.decode()
    assert body.count("2 of 2 actions slow to progress") == 5
    assert "Amber on two consecutive updates" in body


def _mixed_plan(council, board_manager):
    """A plan with every case the rules tell apart, on two dates."""
    NoticeFactory(council=council, deadline=datetime.date(2024, 11, 30))
    first, second = ObjectiveFactory(council=council), ObjectiveFactory(council=council)
    late = ActionFactory(objective=first, due_on=datetime.date(2025, 1, 31))
    UpdateFactory(action=late, as_of=datetime.date(2024, 1, 10), rating="amber")
    UpdateFactory(action=late, as_of=datetime.date(2024, 2, 10), rating="amber")
    done = ActionFactory(objective=first)
    UpdateFactory(action=done, rating="blue", approval="accepted", as_of=datetime.date(2024, 2, 1))
    proposed = ActionFactory(objective=second)
    UpdateFactory(action=proposed, rating="green", as_of=datetime.date(2024, 1, 2))
    UpdateFactory(action=proposed, rating="blue", approval="proposed")
    ActionFactory(objective=second)  # never updated
    moved = ActionFactory(objective=second, due_on=datetime.date(2024, 2, 20))
    services.reprofile_action(
        board_manager,
        moved,
        datetime.date(2024, 6, 30),
        "Recruitment",
        moved.version,
        changed_on=datetime.date(2024, 2, 10),
    )


@pytest.mark.parametrize("as_at", [None, datetime.date(2024, 2, 5)])
def test_the_pages_summary_counts_what_the_reports_picture_counts(council, board_manager, as_at):
    _mixed_plan(council, board_manager)
    summary, picture = board_summary(council, as_at), board_picture(council, as_at)
    assert summary_figures(summary) == summary_figures(picture)
    lean = [(r.action_id, r.rating, r.due_on, r.reasons) for r in summary.actions]
    full = [(i.action.pk, i.rating, i.due_on, i.reasons) for i in picture.actions]
    assert lean == full
    assert [r.action_id for r in summary.due_after_deadline] == [
        i.action.pk for i in picture.due_after_deadline
    ]


def test_two_reprofiles_on_one_day_undo_to_the_date_before_both(council, board_manager):
    action = ActionFactory(
        objective=ObjectiveFactory(council=council), due_on=datetime.date(2024, 1, 31)
    )
    for due in (datetime.date(2024, 4, 30), datetime.date(2024, 6, 30)):
        action.refresh_from_db()
        services.reprofile_action(
            board_manager, action, due, "Delayed", action.version, datetime.date(2024, 2, 10)
        )
    day = datetime.date(2024, 2, 1)
    assert plan_summary(council, day).actions[0].due_on == datetime.date(2024, 1, 31)
    assert plan_picture(council, day).actions[0].due_on == datetime.date(2024, 1, 31)
    assert plan_summary(council).actions[0].due_on == datetime.date(2024, 6, 30)


def test_the_plan_list_filters_by_rating_flag_and_organisation_keeping_its_date(
    council, board_manager, owner_person, client_for
):
    from improvement.accounts.tests.factories import OrganisationFactory

    police = OrganisationFactory(name="Testshire Police")
    objective = ObjectiveFactory(council=council)
    red = ActionFactory(objective=objective, title="Red one", organisation=police)
    UpdateFactory(action=red, rating="red", as_of=datetime.date(2024, 2, 20))
    green = ActionFactory(objective=objective, title="Green one")
    UpdateFactory(action=green, rating="green", as_of=datetime.date(2024, 2, 20))
    client = client_for(board_manager)
    as_at = {"as_at_day": "1", "as_at_month": "3", "as_at_year": "2024"}

    def listed(**query):
        body = client.get(url(council, "objective_list"), {**as_at, **query}).content.decode()
        return [title for title in ("Red one", "Green one") if title in body], body

    assert listed()[0] == ["Red one", "Green one"]
    assert listed(rating="green")[0] == ["Green one"]
    assert listed(slow="on")[0] == ["Red one"]
    found, body = listed(organisation=str(police.pk))
    assert found == ["Red one"]
    assert '<input type="hidden" name="as_at_day" value="1">' in body
    assert "Testshire Police" in body
    assert "No action matches these filters" in listed(rating="blue")[1]


def test_an_update_counts_from_the_local_day_it_was_recorded(council):
    """Recorded at 23:30 on 10 July 2023 (BST) is by that day; 00:30 on the 11th is not,
    though both are the 10th in UTC."""
    from improvement.plans.models import Action, Objective, Update

    action = ActionFactory(objective=ObjectiveFactory(council=council))
    added = datetime.datetime(2023, 7, 1, tzinfo=datetime.UTC)
    Objective.objects.filter(pk=action.objective_id).update(created_at=added)
    Action.objects.filter(pk=action.pk).update(created_at=added)
    before = UpdateFactory(action=action, as_of=datetime.date(2023, 7, 3), rating="red")
    late = UpdateFactory(action=action, as_of=datetime.date(2023, 7, 10), rating="green")
    Update.objects.filter(pk=before.pk).update(
        created_at=datetime.datetime(2023, 7, 10, 22, 30, tzinfo=datetime.UTC)
    )
    Update.objects.filter(pk=late.pk).update(
        created_at=datetime.datetime(2023, 7, 10, 23, 30, tzinfo=datetime.UTC)
    )
    assert [r.rating for r in plan_summary(council, datetime.date(2023, 7, 10)).actions] == ["red"]
    assert [r.rating for r in plan_summary(council, datetime.date(2023, 7, 11)).actions] == [
        "green"
    ]

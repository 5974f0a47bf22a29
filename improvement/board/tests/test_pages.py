"""The board's pages: the dashboard, an objective's and an action's page, with the
plan's progress, its evidence and the complaints figures."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.board.picture import board_picture
from improvement.plans.models import Action, Objective, Update
from improvement.plans.presenters import PAGE_SIZE, SHORT_PAGE_SIZE
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory


def url(council, name, *args):
    return reverse(f"board:{name}", args=[council.slug, *args])


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture
def action(council, owner_person):
    return ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])


def test_action_page_as_at_a_past_date_shows_the_rating_then(
    council, board_member, action, client_for
):
    UpdateFactory(action=action, as_of=datetime.date(2023, 11, 1), rating="red", reason="Then")
    UpdateFactory(action=action, as_of=datetime.date(2024, 2, 1), rating="green", reason="Now")
    client = client_for(board_member)
    then = client.get(
        url(council, "action_detail", action.pk), date_fields("as_at", datetime.date(2023, 12, 1))
    ).content.decode()
    assert "Then" in then and "Now" not in then


def test_dashboard_lists_slow_actions_with_reasons_and_support(
    council, board_manager, action, client_for
):
    UpdateFactory(
        action=action,
        rating="red",
        reason="No staff",
        as_of=datetime.date(2024, 2, 1),
        support_needed="Two agency social workers",
    )
    body = client_for(board_manager).get(url(council, "dashboard")).content.decode()
    assert "Rated Red" in body and "Two agency social workers" in body
    assert "Key to the ratings" in body


def test_objective_and_action_pages_show_the_evidence_of_impact(
    council, board_member, action, client_for
):
    from improvement.evidence.tests.factories import MeasureFactory, monthly

    measure = MeasureFactory(
        council=council, name="Contacts screened within 24 hours", objectives=[action.objective]
    )
    measure.actions.add(action)
    monthly(measure, [60, 70, 80])
    client = client_for(board_member)
    objective_page = client.get(url(council, "objective_detail", action.objective_id))
    action_page = client.get(url(council, "action_detail", action.pk))
    assert "Contacts screened within 24 hours" in objective_page.content.decode()
    assert "Contacts screened within 24 hours" in action_page.content.decode()


def test_objective_page_shows_complaints_figures_of_the_last_full_year(
    council, board_member, action, client_for
):
    from improvement.complaints.models import Representation

    Representation.objects.create(
        council=council,
        reference="C1",
        received_on=datetime.date(2023, 5, 2),
        kind="complaint",
        process="statutory",
        service="childrens_social_care",
    )
    Representation.objects.create(
        council=council,
        reference="C2",
        received_on=datetime.date(2024, 1, 2),
        kind="compliment",
        service="childrens_social_care",
        team="Children in Care",
    )
    body = (
        client_for(board_member)
        .get(url(council, "objective_detail", action.objective_id))
        .content.decode()
    )
    assert "1 statutory complaints accepted in 2022-23" not in body
    assert "statutory complaints accepted in 2022-23" in body


@pytest.mark.django_db
def test_an_objective_is_flagged_by_a_measure_off_target_and_not_improving(
    council, board_manager, client_for
):
    from improvement.evidence.tests.factories import MeasureFactory, monthly

    objective = ObjectiveFactory(council=council, title="Workforce")
    UpdateFactory(
        action=ActionFactory(objective=objective), rating="green", as_of=datetime.date(2024, 2, 20)
    )
    measure = MeasureFactory(
        council=council, code="AGY", name="Agency rate", objectives=[objective]
    )
    monthly(measure, [60, 58, 55])  # higher is better, target 75: off and falling
    row = board_picture(council).objectives[0]
    assert not row.slow and row.flagged
    assert row.measure_reasons[0].startswith("Agency rate is off target")
    body = client_for(board_manager).get(url(council, "dashboard")).content.decode()
    assert "Objectives flagged by their measures" in body and "Agency rate is off target" in body


@pytest.mark.django_db
def test_dashboard_renders_for_board_manager(council, board_manager, owner_person, client_for):
    objective = ObjectiveFactory(council=council)
    action = ActionFactory(objective=objective, owners=[owner_person])
    UpdateFactory(action=action, rating="red", reason="No social workers")
    response = client_for(board_manager).get(url(council, "dashboard"))
    assert response.status_code == 200
    assert b"Rated Red" in response.content


def _bulk_plan(council, organisation, count):
    objectives = Objective.objects.bulk_create(
        Objective(council=council, ref=str(i), title=f"O{i}") for i in range(5)
    )
    actions = Action.objects.bulk_create(
        Action(
            council=council,
            objective=objectives[i % 5],
            ref=f"A{i}",
            title=f"Action {i}",
            organisation=organisation,
            due_on=datetime.date(2024, 6, 1),
        )
        for i in range(count)
    )
    Update.objects.bulk_create(
        Update(action=a, as_of=datetime.date(2024, 1, 1 + n), rating="amber", reason="r")
        for a in actions
        for n in range(2)
    )


@pytest.mark.parametrize(
    ("page", "shown"),
    [("dashboard", SHORT_PAGE_SIZE), ("objective_list", PAGE_SIZE), ("exceptions", PAGE_SIZE)],
)
def test_the_plan_pages_keep_a_fixed_query_count_from_10_to_2000_actions(
    page, shown, council, board_manager, owner_person, client_for
):
    """Each counts every action but shows a page of them (docs/adr/017)."""
    client = client_for(board_manager)
    counts = []
    for size in (10, 2000):
        Update.objects.all().delete()
        Action.objects.all().delete()
        Objective.objects.all().delete()
        _bulk_plan(council, owner_person.organisation, size)
        cache.clear()  # a bulk load writes no audit entry: count each size's first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(council, page))
        assert response.status_code == 200
        assert action_links(response.content.decode()) == min(size, shown)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def action_links(body):
    return body.count('class="govuk-link" href="/councils/testshire/plan/actions/')

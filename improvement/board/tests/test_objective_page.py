"""An objective's page at any size: its figures are the plan list's for it, counted
from lean rows; its actions are listed a page at a time, in plan order, keeping the
date the page is as at (docs/adr/017)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.board.picture import board_summary
from improvement.board.tests.test_pages import action_links
from improvement.board.tests.test_plan_pages import _mixed_plan
from improvement.plans.models import Action, Objective, Update
from improvement.plans.presenters import PAGE_SIZE
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

pytestmark = pytest.mark.django_db

AS_AT = {"as_at_day": "1", "as_at_month": "3", "as_at_year": "2024"}


def page_url(council, objective):
    return reverse("board:objective_detail", args=[council.slug, objective.pk])


def _objective_with(council, organisation, count):
    """One objective of `count` actions, 1.1, 1.2, ..., each Amber twice (so slow to
    progress), added out of plan order; and another objective's action besides."""
    objective = ObjectiveFactory(council=council, ref="1", title="Early help")
    actions = Action.objects.bulk_create(
        Action(
            council=council,
            objective=objective,
            ref=f"1.{n + 1}",
            position=n,
            title=f"Step {n + 1}",
            organisation=organisation,
            due_on=datetime.date(2024, 6, 1),
        )
        for n in reversed(range(count))
    )
    Update.objects.bulk_create(
        Update(action=a, as_of=datetime.date(2024, 1, 1 + n), rating="amber", reason="r")
        for a in actions
        for n in range(2)
    )
    ActionFactory(objective=ObjectiveFactory(council=council), title="Elsewhere")
    return objective


def test_the_objective_page_keeps_a_fixed_query_count_from_10_to_300_actions(
    council, board_manager, owner_person, client_for
):
    client = client_for(board_manager)
    counts = []
    for size in (10, 300):
        Update.objects.all().delete()
        Action.objects.all().delete()
        Objective.objects.all().delete()
        objective = _objective_with(council, owner_person.organisation, size)
        cache.clear()  # a bulk load writes no audit entry: count each size's first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page_url(council, objective))
        assert response.status_code == 200
        body = response.content.decode()
        assert action_links(body) == min(size, PAGE_SIZE)
        assert f"{size} of {size} actions slow to progress" in body
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_objective_page_lists_its_actions_in_plan_order_a_page_at_a_time_keeping_its_date(
    council, board_manager, owner_person, client_for
):
    objective = _objective_with(council, owner_person.organisation, PAGE_SIZE + 5)
    client = client_for(board_manager)
    first = client.get(page_url(council, objective), AS_AT).content.decode()
    assert action_links(first) == PAGE_SIZE
    assert first.index("1.1 Step 1<") < first.index("1.2 Step 2<") < first.index("1.25 Step 25<")
    assert "Step 26<" not in first and "Elsewhere" not in first
    assert "?as_at_day=1&amp;as_at_month=3&amp;as_at_year=2024&amp;page=2#actions" in first
    assert "Showing 1 to 25 of 30" in first
    # An action's page opens as at the same date.
    assert "/?as_at_day=1&amp;as_at_month=3&amp;as_at_year=2024" in first
    second = client.get(page_url(council, objective), {**AS_AT, "page": "2"}).content.decode()
    assert action_links(second) == 5
    assert "1.26 Step 26<" in second and "1.30 Step 30<" in second and "Step 1<" not in second


def test_the_objective_page_filters_its_actions_keeping_its_date(
    council, board_manager, client_for
):
    objective = ObjectiveFactory(council=council)
    red = ActionFactory(objective=objective, title="Red one")
    UpdateFactory(action=red, rating="red", as_of=datetime.date(2024, 2, 20))
    green = ActionFactory(objective=objective, title="Green one")
    UpdateFactory(action=green, rating="green", as_of=datetime.date(2024, 2, 20))
    client = client_for(board_manager)
    body = client.get(page_url(council, objective), {**AS_AT, "rating": "red"}).content.decode()
    assert "Red one" in body and "Green one" not in body
    assert '<input type="hidden" name="as_at_day" value="1">' in body
    assert "1 of 2 actions slow to progress" in body  # the figures are the objective's
    body = client.get(page_url(council, objective), {"rating": "blue"}).content.decode()
    assert "No action matches these filters" in body


@pytest.mark.parametrize("as_at", [None, datetime.date(2024, 2, 5)])
def test_the_objective_pages_figures_are_the_plan_lists_for_that_objective(
    council, board_manager, client_for, as_at
):
    from improvement.evidence.tests.factories import MeasureFactory, monthly

    _mixed_plan(council, board_manager)
    measure = MeasureFactory(council=council, code="AGY", objectives=[council.objectives.last()])
    monthly(measure, [60, 58, 55])  # off target and falling: flags the objective
    query = {} if as_at is None else {"as_at_day": "5", "as_at_month": "2", "as_at_year": "2024"}
    client = client_for(board_manager)
    plan = board_summary(council, as_at)
    for listed in plan.objectives:
        response = client.get(page_url(council, listed.objective), query)
        shown = response.context["picture"]
        assert shown.as_at == plan.as_at
        [own] = shown.objectives
        assert own.rating_counts == listed.rating_counts
        assert (own.complete, own.complete_pct) == (listed.complete, listed.complete_pct)
        assert [(r.action_id, r.reasons) for r in own.actions] == [
            (r.action_id, r.reasons) for r in listed.actions
        ]
        assert own.measure_reasons == listed.measure_reasons
        assert (
            shown.objective_rows[0][1]
            == [counts for row, counts in plan.objective_rows if row is listed][0]
        )
    flagged = client.get(page_url(council, council.objectives.last()), query).content.decode()
    assert "Why it is slow to progress" in flagged and f"{measure.name} is off target" in flagged

"""API lists answer in a fixed number of queries, from 10 actions to 2,000, whatever
the page size."""

import datetime

import pytest

from improvement.plans.models import Action, Update
from improvement.plans.tests.factories import ObjectiveFactory

# The token (with its owner), the owner's roles, the council, then the list's own.
QUERIES = {"actions": 7, "updates": 4, "objectives": 4}


def _actions(council, organisation, person, count):
    objective = ObjectiveFactory(council=council)
    actions = Action.objects.bulk_create(
        Action(
            council=council,
            objective=objective,
            organisation=organisation,
            ref=f"A{n}",
            title=f"Action {n}",
            position=n,
        )
        for n in range(count)
    )
    Action.owners.through.objects.bulk_create(
        Action.owners.through(action_id=action.pk, person_id=person.pk) for action in actions
    )
    Update.objects.bulk_create(
        Update(action=action, as_of=datetime.date(2024, 1, 15), rating="green", reason="On track")
        for action in actions
    )


@pytest.mark.parametrize("count", [10, 2000])
@pytest.mark.parametrize("endpoint", sorted(QUERIES))
def test_a_list_costs_the_same_queries_for_10_actions_or_2000(
    board_manager,
    council,
    council_org,
    owner_person,
    token_for,
    api_get,
    django_assert_num_queries,
    endpoint,
    count,
):
    _actions(council, council_org, owner_person, count)
    secret = token_for(board_manager)
    api_get(secret, "councils")  # the token's first use is written down; not measured

    with django_assert_num_queries(QUERIES[endpoint]):
        response = api_get(secret, f"councils/testshire/{endpoint}", limit=500)

    assert len(response.json()["items"]) == (1 if endpoint == "objectives" else min(count, 500))


def _measures(council, count):
    from improvement.evidence.tests.factories import BenchmarkFactory, MeasureValueFactory

    objective = ObjectiveFactory(council=council)
    for _ in range(count):
        value = MeasureValueFactory(measure__council=council, period=datetime.date(2024, 1, 1))
        value.measure.objectives.add(objective)
        BenchmarkFactory(measure=value.measure)


def _meetings(council, count):
    from improvement.meetings.models import Decision, MeetingAction
    from improvement.meetings.tests.factories import AgendaItemFactory, MeetingFactory

    for n in range(count):
        meeting = MeetingFactory(body__council=council)
        item = AgendaItemFactory(meeting=meeting, exempt_paragraph=1 if n % 2 else None)
        Decision.objects.create(
            council=council,
            meeting=meeting,
            item=item,
            kind="resolution",
            text="Agreed",
            decided_on=datetime.date(2024, 2, 7),
        )
        MeetingAction.objects.create(council=council, meeting=meeting, item=item, text="Do it")


# Token, roles, council, then: measures with owner, values, benchmarks, objectives,
# actions; meetings with body, items, their decisions, decisions; the log with its
# joins. For the exempt rule, the bodies and the reader's body memberships, once.
OTHER_LISTS = {"measures": (_measures, 8), "meetings": (_meetings, 9), "action-log": (_meetings, 6)}


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("endpoint", sorted(OTHER_LISTS))
def test_the_other_lists_cost_the_same_queries_at_any_size(
    councillor, council, token_for, api_get, django_assert_num_queries, endpoint, count
):
    build, queries = OTHER_LISTS[endpoint]
    build(council, count)
    secret = token_for(councillor)
    api_get(secret, "councils")

    with django_assert_num_queries(queries):
        response = api_get(secret, f"councils/testshire/{endpoint}", limit=500)

    assert response.json()["items"]

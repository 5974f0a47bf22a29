"""The plan's `search` port (docs/adr/043): objectives, actions and updates of this
council, live ones only, for a reader who may see the plan."""

import datetime

import pytest

from improvement.plans.ports import search
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def _titles(results, kind):
    return [hit.title for group in results if group.kind == kind for hit in group.hits]


def test_finds_objectives_actions_and_updates(council, board_member):
    objective = ObjectiveFactory(
        council=council, ref="3", title="Stronger safeguarding partnership"
    )
    action = ActionFactory(
        objective=objective, ref="3.1", title="Agree the safeguarding thresholds"
    )
    UpdateFactory(action=action, narrative="Thresholds agreed with the safeguarding partners")
    results = search(council, board_member, "safeguarding")
    assert _titles(results, "objectives") == ["3 Stronger safeguarding partnership"]
    assert _titles(results, "actions") == ["3.1 Agree the safeguarding thresholds"]
    assert _titles(results, "updates") == ["Update on 3.1 Agree the safeguarding thresholds"]
    update = next(group for group in results if group.kind == "updates").hits[0]
    assert update.url == f"/councils/testshire/plan/actions/{action.pk}/"
    assert "safeguarding partners" in update.snippet
    assert update.date == datetime.date(2024, 1, 15)


def test_archived_records_and_those_of_archived_parents_are_never_found(council, board_member):
    archived = ObjectiveFactory(council=council, title="Safeguarding archived objective")
    archived.archived_at = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    archived.save()
    ActionFactory(objective=archived, title="Safeguarding action under it")
    gone = ActionFactory(council=council, objective__council=council, title="Safeguarding gone")
    gone.archived_at = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    gone.save()
    UpdateFactory(action=gone, narrative="Safeguarding update of an archived action")
    results = search(council, board_member, "safeguarding")
    assert all(group.total == 0 for group in results)


def test_another_councils_plan_is_never_found(council, other_council, board_member):
    ObjectiveFactory(council=other_council, title="Safeguarding elsewhere")
    assert all(group.total == 0 for group in search(council, board_member, "safeguarding"))


def test_nothing_for_a_stranger_or_an_empty_query(council, other_officer, board_member):
    ObjectiveFactory(council=council, title="Safeguarding")
    assert search(council, other_officer, "safeguarding") == []
    assert search(council, None, "safeguarding") == []
    assert search(council, board_member, "") == []


def test_an_update_recorded_after_today_is_not_found(council, board_member):
    UpdateFactory(
        action__objective__council=council,
        action__council=council,
        as_of=datetime.date(2024, 6, 1),
        narrative="Safeguarding in the future",
    )
    results = search(council, board_member, "safeguarding", kind="updates")
    assert [group.total for group in results] == [0]


def test_one_kind_alone_and_the_limit(council, board_member):
    objective = ObjectiveFactory(council=council, title="Plain")
    for n in range(5):
        ActionFactory(objective=objective, title=f"Safeguarding step {n}")
    (actions,) = search(council, board_member, "safeguarding", limit=2, kind="actions")
    assert (actions.kind, actions.total, len(actions.hits), actions.more) == ("actions", 5, 2, True)
    assert search(council, board_member, "safeguarding", kind="papers") == []

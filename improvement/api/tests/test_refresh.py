"""A BI refresh reads the whole plan through the API, then only what changed, and
ends up with what the database holds."""

import datetime
from decimal import Decimal

import time_machine

from improvement.core.tracking import save_tracked
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    MeasureFactory,
    MeasureValueFactory,
)
from improvement.plans import services as plan_services
from improvement.plans.models import Action, Objective, Update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

EARLIER = datetime.datetime(2024, 2, 28, 9, 0, tzinfo=datetime.UTC)
LATER = datetime.datetime(2024, 3, 8, 9, 0, tzinfo=datetime.UTC)


def read_all(api_get, secret, endpoint, **params):
    """What Power Query's paging function does: follow `next_cursor` to the end."""
    rows, cursor, pages = [], None, 0
    while True:
        query = {**params, "limit": 7, **({"cursor": cursor} if cursor else {})}
        response = api_get(secret, f"councils/testshire/{endpoint}", **query)
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return rows, body["generated_at"], pages


def _plan(council, council_org):
    objectives = [ObjectiveFactory(council=council) for _ in range(3)]
    for n in range(20):
        action = ActionFactory(objective=objectives[n % 3], organisation=council_org)
        for day, rating in ((10, "amber"), (20, ["green", "red", "grey"][n % 3])):
            UpdateFactory(
                action=action,
                as_of=datetime.date(2024, 1, day),
                rating=rating,
                reason=f"{rating} {n}",
            )


def _small_plan(council, council_org):
    measure = MeasureFactory(council=council)
    MeasureValueFactory(measure=measure, period=datetime.date(2024, 1, 1), value=Decimal("70"))
    BenchmarkFactory(measure=measure)
    return {"measure": measure}


def _merge(table, rows):
    for row in rows:
        table[row["id"]] = row
    return {pk: row for pk, row in table.items() if not row.get("archived_at")}


def _database(council):
    actions = Action.objects.filter(council=council).live().with_progress()
    reasons = {u.pk: u.reason for u in Update.objects.filter(action__council=council)}
    return {a.pk: (a.title, a.latest_rating, reasons.get(a.latest_update_id)) for a in actions}


def _mirror(actions):
    return {pk: (r["title"], r["latest_rating"], r["latest_reason"]) for pk, r in actions.items()}


def test_a_bi_refresh_reads_the_plan_whole_then_only_what_changed(
    board_manager, council, council_org, token_for, api_get
):
    with time_machine.travel(EARLIER, tick=False):
        _plan(council, council_org)
    secret = token_for(board_manager)

    actions, since, pages = read_all(api_get, secret, "actions")
    objectives, _, _ = read_all(api_get, secret, "objectives")
    updates, _, _ = read_all(api_get, secret, "updates")
    assert pages == 3 and len(actions) == 20 and len(set(r["id"] for r in actions)) == 20
    assert len(objectives) == 3 and len(updates) == 40
    table = {row["id"]: row for row in actions}
    assert _mirror(table) == _database(council)

    with time_machine.travel(LATER, tick=False):
        first, second, third = Action.objects.filter(council=council).order_by("id")[:3]
        plan_services.record_update(
            board_manager,
            first,
            {"as_of": datetime.date(2024, 3, 8), "rating": "red", "reason": "Slipped"},
        )
        plan_services.archive_action(board_manager, second, "Merged into another", second.version)
        plan_services.change_action(board_manager, third, {"title": "Renamed"}, third.version)
        objective = Objective.objects.filter(council=council).first()
        plan_services.change_objective(board_manager, objective, {"theme": "Front door"}, 1)

    changed, _, _ = read_all(api_get, secret, "actions", updated_since=since)
    assert sorted(r["id"] for r in changed) == sorted([first.pk, second.pk, third.pk])
    assert [r for r in changed if r["id"] == second.pk][0]["archived_at"] is not None
    assert _mirror(_merge(table, changed)) == _database(council)
    assert [
        r["theme"] for r in read_all(api_get, secret, "objectives", updated_since=since)[0]
    ] == ["Front door"]
    new_updates, _, _ = read_all(api_get, secret, "updates", updated_since=since)
    assert [(u["action_id"], u["reason"]) for u in new_updates] == [(first.pk, "Slipped")]


def test_a_new_value_marks_its_measure_changed(
    board_manager, council, council_org, token_for, api_get
):
    with time_machine.travel(EARLIER, tick=False):
        plan = _small_plan(council, council_org)
    secret = token_for(board_manager)
    _, since, _ = read_all(api_get, secret, "measures")

    with time_machine.travel(LATER, tick=False):
        MeasureValueFactory(
            measure=plan["measure"], period=datetime.date(2024, 2, 1), value=Decimal("72.5")
        )

    changed, _, _ = read_all(api_get, secret, "measures", updated_since=since)
    assert [m["id"] for m in changed] == [plan["measure"].pk]
    assert [v["value"] for v in changed[0]["values"]] == [70.0, 72.5]
    assert changed[0]["target"] == 75.0 and changed[0]["benchmarks"][0]["value"] == 78.5


def test_a_cursor_not_made_by_the_api_is_refused(board_manager, council, token_for, api_get):
    response = api_get(token_for(board_manager), "councils/testshire/actions", cursor="bogus")

    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_actions_carry_their_latest_rating_reason_and_why_they_are_slow(
    board_manager, council, plan, token_for, api_get
):
    body = api_get(token_for(board_manager), "councils/testshire/actions").json()
    first, second = sorted(body["items"], key=lambda row: row["id"])

    assert (first["latest_rating"], first["latest_reason"]) == ("green", "Caught up")
    assert first["previous_rating"] == "amber" and first["slow_reasons"] == []
    assert first["owners"][0]["name"] == "Olu Owner"
    assert (second["latest_rating"], second["latest_reason"]) == (None, None)
    assert second["slow_reasons"] == ["No update for more than 42 days (since it was added)"]


def test_a_meeting_whose_agenda_changed_is_read_again(board_manager, council, token_for, api_get):
    from improvement.forward_plan.tests.factories import ForwardDecisionFactory
    from improvement.meetings.tests.factories import AgendaItemFactory, MeetingFactory

    with time_machine.travel(EARLIER, tick=False):
        quiet = MeetingFactory(body__council=council)
        busy = MeetingFactory(body=quiet.body, starts_at=LATER)
        decision = ForwardDecisionFactory(council=council)
        ForwardDecisionFactory(council=council)
    secret = token_for(board_manager)
    _, since, _ = read_all(api_get, secret, "meetings")

    with time_machine.travel(LATER, tick=False):
        AgendaItemFactory(meeting=busy, title="Added late")
        decision.title = "Renamed"
        save_tracked(decision, board_manager)

    meetings, _, _ = read_all(api_get, secret, "meetings", updated_since=since)
    assert [m["id"] for m in meetings] == [busy.pk]
    assert [i["title"] for i in meetings[0]["items"]] == ["Added late"]
    decisions, _, _ = read_all(api_get, secret, "forward-plan", updated_since=since)
    assert [d["id"] for d in decisions] == [decision.pk]


def test_archiving_the_last_row_of_a_page_does_not_end_the_read(
    board_manager, council, council_org, token_for, api_get
):
    with time_machine.travel(EARLIER, tick=False):
        _plan(council, council_org)
    secret = token_for(board_manager)
    first = api_get(secret, "councils/testshire/actions", limit=7).json()
    edge = Action.objects.get(pk=first["items"][-1]["id"])

    plan_services.archive_action(board_manager, edge, "Merged", edge.version)
    rest = api_get(
        secret, "councils/testshire/actions", limit=50, cursor=first["next_cursor"]
    ).json()

    assert len(first["items"]) + len(rest["items"]) == 20

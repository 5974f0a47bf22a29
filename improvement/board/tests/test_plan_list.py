"""The plan's actions as one long list (board.plan_list on core.listing, docs/adr/037):
each facet people ask about, each sort, the CSV of every kept action in words, an
invalid filter named, and a page that costs the same however long the plan."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import OrganisationFactory, PersonFactory
from improvement.meetings.tests.factories import MeetingFactory
from improvement.plans.models import Action
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

pytestmark = pytest.mark.django_db

AS_AT = {"as_at_day": "1", "as_at_month": "3", "as_at_year": "2024"}  # today in tests
HEADERS = [
    "Reference",
    "Objective",
    "Action",
    "Organisation",
    "Owners",
    "Due",
    "Rating",
    "Reason for rating (latest update)",
    "Last update",
    "Slow to progress",
]


def url(council):
    return reverse("board:objective_list", args=[council.slug])


@pytest.fixture
def plan(council, council_org):
    """Five actions, added out of plan order, each a case the facets tell apart."""
    police = OrganisationFactory(council=council, name="Testshire Police")
    alice = PersonFactory(council=council, name="Alice Adams")
    bob = PersonFactory(council=council, name="Bob Brown")
    second = ObjectiveFactory(council=council, ref="2", title="Second", position=2)
    first = ObjectiveFactory(council=council, ref="1", title="Early help", position=1)

    def action(objective, ref, position, owner, organisation=council_org, **values):
        return ActionFactory(
            objective=objective,
            ref=ref,
            position=position,
            title=f"Action {ref}",
            owners=[owner],
            organisation=organisation,
            **values,
        )

    complete = action(second, "2.1", 1, alice, due_on=datetime.date(2024, 2, 15))
    UpdateFactory(
        action=complete, rating="blue", approval="accepted", as_of=datetime.date(2024, 1, 10)
    )
    ongoing = action(second, "2.2", 2, bob, due_on=None, due_text="Ongoing")
    UpdateFactory(action=ongoing, rating="amber", as_of=datetime.date(2024, 2, 28))
    # Never updated, past its due date: overdue and slow to progress.
    action(first, "1.10", 10, alice, due_on=datetime.date(2024, 2, 1))
    green = action(first, "1.2", 2, bob, due_on=datetime.date(2024, 5, 30))
    UpdateFactory(action=green, rating="green", as_of=datetime.date(2024, 2, 25))
    red = action(first, "1.1", 1, alice, organisation=police, due_on=datetime.date(2024, 3, 10))
    UpdateFactory(
        action=red, rating="red", reason="=No social workers", as_of=datetime.date(2024, 2, 20)
    )
    return {"police": police, "alice": alice, "bob": bob}


def listed(client, council, **query):
    """The references of the listed actions, in the order shown, and the page."""
    response = client.get(url(council), {**AS_AT, **query})
    assert response.status_code == 200
    refs = [item.action.ref for item in response.context["listing"].rows]
    return refs, response.content.decode()


def test_plan_order_is_the_default_grouped_under_objectives(
    council, board_manager, client_for, plan
):
    refs, body = listed(client_for(board_manager), council)
    assert refs == ["1.1", "1.2", "1.10", "2.1", "2.2"]
    actions = body.split('id="actions"')[1]
    assert actions.index(">1 Early help</a></h3>") < actions.index(">2 Second</a></h3>")
    assert '<th scope="col" class="govuk-table__header">Objective</th>' not in actions
    assert "5 actions." in body


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("plan", ["1.1", "1.2", "1.10", "2.1", "2.2"]),
        ("due", ["1.10", "2.1", "1.1", "1.2", "2.2"]),  # no due date: last either way
        ("-due", ["1.2", "1.1", "2.1", "1.10", "2.2"]),
        ("rating", ["1.1", "2.2", "1.2", "2.1", "1.10"]),  # Red first, not yet rated last
        ("updated", ["2.1", "1.1", "1.2", "2.2", "1.10"]),  # never updated: last
        ("-updated", ["2.2", "1.2", "1.1", "2.1", "1.10"]),
    ],
)
def test_each_sort(council, board_manager, client_for, plan, sort, expected):
    refs, body = listed(client_for(board_manager), council, sort=sort)
    assert refs == expected
    actions = body.split('id="actions"')[1]
    if sort != "plan":  # one table, naming each action's objective
        assert '<th scope="col" class="govuk-table__header">Objective</th>' in actions
        assert "<h3" not in actions
    assert f'<option value="{sort}" selected>' in body


@pytest.mark.parametrize(
    ("facet", "value", "expected"),
    [
        ("owner", "alice", ["1.1", "1.10", "2.1"]),
        ("owner", "bob", ["1.2", "2.2"]),
        ("organisation", "police", ["1.1"]),
        ("rating", "red", ["1.1"]),
        ("rating", "not_rated", ["1.10"]),
        ("slow", "on", ["1.1", "1.10"]),
        ("due", "overdue", ["1.10"]),  # 2.1 is past its date too, but complete
    ],
)
def test_each_facet(council, board_manager, client_for, plan, facet, value, expected):
    if value in plan:
        value = str(plan[value].pk)
    refs, body = listed(client_for(board_manager), council, **{facet: value})
    assert refs == expected
    assert f"{len(expected)} action" in body and "these filters" in body


def test_the_facets_combine(council, board_manager, client_for, plan):
    refs, _ = listed(client_for(board_manager), council, owner=plan["alice"].pk, slow="on")
    assert refs == ["1.1", "1.10"]


def owners_offered(client, council, **query):
    response = client.get(url(council), {**AS_AT, **query})
    field = response.context["listing"].filters.form.fields["owner"]
    return [name for value, name in field.choices if value]


def test_the_owner_facet_offers_only_owners_of_actions_in_the_plan(
    council, board_manager, client_for, plan
):
    """One who owns only an archived action owns nothing in the plan: not a choice.
    As at a date before it was archived, the action is in the plan, and so is its owner."""
    carol = PersonFactory(council=council, name="Carol Clark")
    gone = ActionFactory(
        objective=ObjectiveFactory(council=council, ref="3", position=3), ref="3.1", owners=[carol]
    )
    Action.objects.filter(pk=gone.pk).update(
        created_at=datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC),
        archived_at=datetime.datetime(2024, 2, 20, tzinfo=datetime.UTC),
    )
    client = client_for(board_manager)
    assert owners_offered(client, council) == ["Alice Adams", "Bob Brown"]
    assert "Carol Clark" in owners_offered(
        client, council, as_at_day="10", as_at_month="2", as_at_year="2024"
    )


def test_due_this_cycle_runs_to_the_next_board_meeting(council, board_manager, client_for, plan):
    MeetingFactory(
        body__council=council, starts_at=datetime.datetime(2024, 3, 5, 14, tzinfo=datetime.UTC)
    )
    refs, body = listed(client_for(board_manager), council, due="cycle")
    assert refs == []  # 1.1 is due on 10 March, after the meeting
    assert "This cycle: due by the next board meeting, on 5 March 2024." in body


def test_due_this_cycle_is_six_weeks_with_no_meeting_scheduled(
    council, board_manager, client_for, plan
):
    refs, body = listed(client_for(board_manager), council, due="cycle")
    assert refs == ["1.1"]
    assert (
        "This cycle: no board meeting is scheduled after 1 March 2024, so due in the next six "
        "weeks, by 12 April 2024." in body
    )


@pytest.mark.parametrize(
    ("meetings", "expected", "hint"),
    [
        # Today's meeting has its papers out: the cycle runs to the meeting after it.
        ([(3, 1), (3, 15)], ["1.1"], "due by the next board meeting, on 15 March 2024."),
        ([(3, 2), (3, 15)], [], "due by the next board meeting, on 2 March 2024."),
        ([(3, 1)], ["1.1"], "no board meeting is scheduled after 1 March 2024, so due in"),
        ([], ["1.1"], "no board meeting is scheduled after 1 March 2024, so due in"),
    ],
    ids=["meeting today", "meeting tomorrow", "only today's", "none scheduled"],
)
def test_due_this_cycle_at_the_boundary_of_a_meeting(
    council, board_manager, client_for, plan, meetings, expected, hint
):
    board = None
    for month, day in meetings:
        meeting = MeetingFactory(
            starts_at=datetime.datetime(2024, month, day, 18, tzinfo=datetime.UTC),
            **({"body": board} if board else {"body__council": council}),
        )
        board = meeting.body
    refs, body = listed(client_for(board_manager), council, due="cycle")
    assert refs == expected  # 1.1 is due on 10 March
    assert f"This cycle: {hint}" in body


def test_the_as_at_date_travels_with_the_filters_sort_and_clear_link(
    council, board_manager, client_for, plan
):
    _, body = listed(client_for(board_manager), council, rating="blue", sort="due")
    for name, value in AS_AT.items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in body
    clear = "?as_at_day=1&amp;as_at_month=3&amp;as_at_year=2024&amp;sort=due#actions"
    assert f'<a class="govuk-link" href="{clear}">Clear the filters</a>' in body
    # An action's page opens as at the same date.
    assert "/?as_at_day=1&amp;as_at_month=3&amp;as_at_year=2024" in body


def test_no_match_says_so_with_a_link_to_clear(council, board_manager, client_for, plan):
    refs, body = listed(client_for(board_manager), council, owner=plan["bob"].pk, rating="red")
    assert refs == []
    assert "No action matches these filters." in body
    assert body.count("Clear the filters</a>") == 2  # in the controls and the empty state


@pytest.mark.parametrize(
    ("facet", "value", "error"),
    [
        ("rating", "purple", "Select a rating from the list"),
        ("owner", "999999", "Select an owner from the list"),
        ("due", "someday", "Select when it is due from the list"),
    ],
)
def test_an_invalid_filter_is_named_and_narrows_nothing(
    council, board_manager, client_for, plan, facet, value, error
):
    refs, body = listed(client_for(board_manager), council, **{facet: value})
    assert "There is a problem with the filters" in body
    assert f'<a href="#id_{facet}">{error}</a>' in body
    assert len(refs) == 5


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_every_kept_action_in_words(council, board_manager, client_for, plan):
    client = client_for(board_manager)
    response = client.get(url(council), {**AS_AT, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="testshire-plan-actions-2024-03-01.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == HEADERS
    by_ref = {row[0]: row for row in rows[1:]}
    assert list(by_ref) == ["1.1", "1.2", "1.10", "2.1", "2.2"]  # all, in plan order
    assert by_ref["1.1"] == [
        "1.1",
        "1 Early help",
        "Action 1.1",
        "Testshire Police",
        "Alice Adams",
        "2024-03-10",
        "Red",
        "'=No social workers",  # a formula is neutralised
        "2024-02-20",
        "Yes",
    ]
    assert by_ref["2.2"][5:] == ["Ongoing", "Amber", "On track", "2024-02-28", "No"]
    assert by_ref["1.10"][6:] == ["Not yet rated", "", "", "Yes"]
    assert by_ref["2.1"][6] == "Blue"
    codes = {"red", "amber", "green", "blue", "not_rated", "True", "False"}
    assert not codes & {cell for row in rows for cell in row}


def test_the_csv_keeps_only_what_the_filters_keep_in_their_order(
    council, board_manager, client_for, plan
):
    response = client_for(board_manager).get(
        url(council), {**AS_AT, "format": "csv", "owner": plan["alice"].pk, "sort": "-due"}
    )
    assert [row[0] for row in csv_rows(response)[1:]] == ["1.1", "2.1", "1.10"]


def test_the_objective_page_lists_its_actions_the_same_way(
    council, board_manager, client_for, plan
):
    objective = council.objectives.get(ref="1")
    page = reverse("board:objective_detail", args=[council.slug, objective.pk])
    client = client_for(board_manager)
    response = client.get(page, {**AS_AT, "sort": "due"})
    assert [item.action.ref for item in response.context["listing"].rows] == ["1.10", "1.1", "1.2"]
    response = client.get(page, {**AS_AT, "format": "csv", "slow": "on"})
    assert "testshire-objective-1-actions-" in response["Content-Disposition"]
    assert [row[0] for row in csv_rows(response)[1:]] == ["1.1", "1.10"]


def _plan_of(council, organisation, size):
    people = [PersonFactory(council=council, name=f"Owner {n}") for n in range(3)]
    objectives = [ObjectiveFactory(council=council, position=n) for n in range(4)]
    for n in range(size):
        action = ActionFactory(
            objective=objectives[n % 4],
            position=n,
            organisation=organisation,
            owners=people[: 1 + n % 3],
        )
        UpdateFactory(action=action, rating=("red", "amber", "green")[n % 3])
    MeetingFactory(
        body__council=council, starts_at=datetime.datetime(2024, 3, 20, 14, tzinfo=datetime.UTC)
    )
    return people


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"sort": "due", "slow": "on", "rating": "red", "due": "cycle"},
        {"sort": "-updated", "format": "csv"},
    ],
)
def test_a_page_or_the_csv_costs_the_same_queries_for_5_or_40_actions(
    council, council_org, board_manager, client_for, query
):
    from improvement.plans.models import Action, Objective, Update

    client = client_for(board_manager)
    counts = []
    for size in (5, 40):
        Update.objects.all().delete()
        Action.objects.all().delete()
        Objective.objects.all().delete()
        people = _plan_of(council, council_org, size)
        cache.clear()  # count each size's first view, its figures worked out afresh
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(council), {**query, "owner": people[0].pk})
            if query.get("format") == "csv":
                assert len(csv_rows(response)) == size + 1
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_as_at_date_before_any_plan_is_named_not_a_server_error(
    council, board_manager, client_for, plan
):
    objective = council.objectives.get(ref="1")
    client = client_for(board_manager)
    query = "?as_at_day=1&as_at_month=1&as_at_year=0001"
    pages = [
        reverse("board:objective_list", args=[council.slug]),
        reverse("board:objective_detail", args=[council.slug, objective.pk]),
    ]
    for page in pages:
        response = client.get(page + query)
        assert response.status_code == 200
        assert "must be 2000 or later" in response.content.decode()


@pytest.mark.parametrize("page", ["objective_list", "objective_detail"])
def test_changing_the_as_at_date_keeps_the_filters_and_sort(
    council, board_manager, client_for, plan, page
):
    args = [council.slug]
    if page == "objective_detail":
        args.append(council.objectives.get(ref="1").pk)
    query = {**AS_AT, "rating": "red", "owner": plan["alice"].pk, "sort": "due", "page": "1"}
    body = client_for(board_manager).get(reverse(f"board:{page}", args=args), query)
    form = body.content.decode().split("See this as it stood on an earlier date")[1]
    form = form.split("</form>")[0]

    for name, value in [("rating", "red"), ("owner", plan["alice"].pk), ("sort", "due")]:
        assert f'<input type="hidden" name="{name}" value="{value}">' in form
    # The date is the form's own; the page starts again.
    assert 'type="hidden" name="as_at_day"' not in form and 'name="page"' not in form

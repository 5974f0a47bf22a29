"""The portfolio (issue 17): a person's councils side by side, counts and KPIs only.

Testshire is under notice, with a plan, board meetings, a DfE review and an Annex A
import; Otherton has a small plan and nothing else. The adviser holds a role in both."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.models import Role
from improvement.accounts.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from improvement.annex_a.models import AnnexAImport
from improvement.board.navigation import navigation_for
from improvement.board.portfolio import portfolio_for
from improvement.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from improvement.plans.models import Rating, Review, Update
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)

D = datetime.date
TODAY = D(2024, 3, 1)
BOARD_DAYS = [D(2023, 11, 8), D(2023, 12, 20), D(2024, 1, 10), D(2024, 1, 31), D(2024, 2, 21)]


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)


def _plan(council, actions: int = 4, meetings: list | None = None) -> list:
    """A plan of `actions` actions, each Green from 1 November; then the first accepted
    Blue on 15 January, the second Red, the rest Green again on 20 February; the third
    due after the notice's deadline. Board meetings on `meetings`."""
    objective = ObjectiveFactory(council=council)
    made = [
        ActionFactory(objective=objective, title=f"Secret action title {n}") for n in range(actions)
    ]
    for action in made:
        UpdateFactory(action=action, as_of=D(2023, 11, 1), reason="Owner's private reason")
    UpdateFactory(
        action=made[0],
        rating=Rating.BLUE,
        approval=Update.Approval.ACCEPTED,
        reviewed_at=_at(D(2024, 1, 15)),
    )
    UpdateFactory(action=made[1], as_of=D(2024, 2, 20), rating=Rating.RED, reason="Off track")
    for action in made[2:]:
        UpdateFactory(action=action, as_of=D(2024, 2, 20))
    made[2].due_on = D(2025, 1, 31)
    made[2].save()
    for day in meetings or []:
        MeetingFactory(body__council=council, starts_at=_at(day))
    return made


@pytest.fixture
def testshire(council, owner_person):
    notice = NoticeFactory(council=council, deadline=D(2024, 11, 30), review_interval_months=6)
    Review.objects.create(notice=notice, held_on=D(2024, 2, 1), reviewer="DfE")
    actions = _plan(council, meetings=BOARD_DAYS)
    actions[1].owners.set([owner_person])
    cancelled = MeetingFactory(body__council=council, starts_at=_at(D(2024, 2, 28)))
    cancelled.status = "cancelled"
    cancelled.save()
    AgendaItemFactory(meeting=cancelled, title="Exempt: a named social worker", exempt_paragraph=1)
    AnnexAImport.objects.create(
        council=council,
        reference_date=D(2024, 1, 31),
        file_name="annex-a.xlsx",
        status=AnnexAImport.Status.DONE,
        kpis={
            "rereferral_12m_pct": {"numerator": 30, "denominator": 120, "value": 25.0},
            "assessments_open_over_45wd": {"numerator": 7, "denominator": 40, "value": 7},
            # Not a front-door KPI: never shown here.
            "care_leavers_in_touch_pct": {"numerator": 9, "denominator": 10, "value": 90.0},
        },
    )
    return council


@pytest.fixture
def otherton(other_council, other_officer):
    _plan(other_council, actions=3)
    return other_council


@pytest.fixture
def adviser(testshire, otherton):
    """A DfE adviser: chair in Testshire, board member in Otherton."""
    user = UserFactory(username="adviser", first_name="Ada", last_name="Adviser")
    for council, role in [(testshire, Role.CHAIR), (otherton, Role.BOARD_MEMBER)]:
        organisation = OrganisationFactory(council=council, name="Department for Education")
        MembershipFactory(user=user, council=council, organisation=organisation, role=role)
    return user


def test_a_person_with_roles_in_two_councils_sees_both_side_by_side(client_for, adviser):
    response = client_for(adviser).get(reverse("portfolio"))
    assert response.status_code == 200
    shown = [c.name for c in response.context["councils"]]
    assert shown == ["Otherton Council", "Testshire Council"]
    page = response.content.decode()
    assert page.count('class="ib-portfolio__council"') == 2
    assert reverse("board:dashboard", args=["testshire"]) in page
    assert reverse("board:dashboard", args=["otherton"]) in page


def test_each_council_shows_its_own_figures(adviser):
    otherton, testshire = portfolio_for(adviser, TODAY)
    assert (testshire.complete, testshire.actions, testshire.slow) == (1, 4, 1)
    assert testshire.complete_shown == "1 of 4 (25.0%)"
    assert (testshire.deadline, testshire.due_after_deadline) == (D(2024, 11, 30), 1)
    assert (testshire.last_review, testshire.next_review) == (D(2024, 2, 1), D(2024, 8, 1))
    assert (otherton.complete, otherton.actions, otherton.deadline) == (1, 3, None)


def test_the_trend_is_share_complete_at_the_last_four_board_meetings_held(adviser):
    testshire = portfolio_for(adviser, TODAY)[1]
    # The oldest meeting falls outside the last four, and the cancelled one never met.
    assert [(p.on, p.complete, p.actions) for p in testshire.trend] == [
        (D(2023, 12, 20), 0, 4),
        (D(2024, 1, 10), 0, 4),
        (D(2024, 1, 31), 1, 4),
        (D(2024, 2, 21), 1, 4),
    ]


def test_front_door_kpis_are_shown_against_england_as_published_by_the_import(adviser):
    testshire = portfolio_for(adviser, TODAY)[1]
    assert testshire.kpis_as_at == D(2024, 1, 31)
    by_key = {kpi.key: kpi for kpi in testshire.kpis}
    assert set(by_key) == {"rereferral_12m_pct", "assessments_open_over_45wd"}
    rereferral = by_key["rereferral_12m_pct"]
    assert rereferral.shown == "25.0% (30 of 120)"
    assert rereferral.england_shown == "22.4% (2022-23)"  # 2024-25's was not yet published
    assert by_key["assessments_open_over_45wd"].england_shown == "Not held"


def test_a_council_without_an_annex_a_import_says_so(client_for, adviser):
    page = client_for(adviser).get(reverse("portfolio")).content.decode()
    assert page.count("No Annex A import yet.") == 1
    assert "No improvement notice" not in page and "None recorded" in page


def test_a_person_with_one_council_sees_only_that_one(client_for, board_manager, testshire):
    response = client_for(board_manager).get(reverse("portfolio"))
    assert response.status_code == 200
    assert [c.slug for c in response.context["councils"]] == ["testshire"]
    assert "Otherton" not in response.content.decode()


def test_another_councils_officer_sees_only_their_own(client_for, other_officer, adviser):
    response = client_for(other_officer).get(reverse("portfolio"))
    assert [c.slug for c in response.context["councils"]] == ["otherton"]
    assert "Testshire" not in response.content.decode()


def test_a_person_with_no_role_is_told_so(client_for, db):
    response = client_for(UserFactory(username="nobody")).get(reverse("portfolio"))
    assert response.status_code == 200 and response.context["councils"] == []
    assert "You do not have a role in any council yet" in response.content.decode()


def test_the_public_is_sent_to_sign_in(client):
    response = client.get(reverse("portfolio"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_nothing_exempt_or_personal_is_shown_or_served(client_for, adviser):
    page = client_for(adviser).get(reverse("portfolio")).content.decode()
    served = str([c.as_dict() for c in portfolio_for(adviser, TODAY)])
    for text in [
        "Olu Owner",
        "Secret action title",
        "Exempt: a named social worker",
        "private reason",
        "Sally Rowe",  # the notice's adviser, a person's name
    ]:
        assert text not in page and text not in served, text


def test_the_portfolio_serves_plain_json_values(adviser):
    import json

    testshire = json.loads(json.dumps(portfolio_for(adviser, TODAY)[1].as_dict()))
    assert testshire["complete_percent"] == 25.0
    assert testshire["notice"] == {
        "deadline": "2024-11-30",
        "due_after_deadline": 1,
        "last_review": "2024-02-01",
        "next_review": "2024-08-01",
        "review_overdue": False,
    }
    assert testshire["trend"][-1] == {
        "on": "2024-02-21",
        "complete": 1,
        "actions": 4,
        "percent": 25.0,
    }


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        portfolio_for(user, TODAY)
    return len(captured)


def _another_council(user, slug: str, actions: int, meetings: list) -> None:
    council = CouncilFactory(slug=slug, name=f"{slug.title()} Council")
    notice = NoticeFactory(council=council)
    Review.objects.create(notice=notice, held_on=D(2024, 2, 1))
    _plan(council, actions=actions, meetings=meetings)
    organisation = OrganisationFactory(council=council)
    MembershipFactory(user=user, council=council, organisation=organisation, role=Role.CHAIR)


def test_each_council_adds_the_same_fixed_number_of_queries_whatever_its_size(adviser):
    two = _queries(adviser)
    _another_council(adviser, "thirdshire", 12, BOARD_DAYS)
    three = _queries(type(adviser).objects.get(pk=adviser.pk))  # a fresh request's user
    many_days = [D(2023, 10, 1) + datetime.timedelta(weeks=3 * n) for n in range(8)]
    _another_council(adviser, "fourshire", 40, many_days)
    four = _queries(type(adviser).objects.get(pk=adviser.pk))
    assert four - three == three - two == PER_COUNCIL


# A council under notice with four board meetings or more: its plan's summary today
# and at each of its last four meetings (five queries each: objectives, re-profiled
# due dates, the actions' standing, the notice and its reviews), the days of its
# meetings and its latest Annex A import.
PER_COUNCIL = 5 * 5 + 2


def test_the_page_query_count_is_pinned(client_for, adviser, django_assert_num_queries):
    client = client_for(adviser)
    # Session, user, councils, roles, the header's councils to switch to; then
    # Testshire's full set and Otherton's: no notice (so no reviews) and no meeting
    # (so only today's summary).
    with django_assert_num_queries(5 + PER_COUNCIL + 4 + 2):
        assert client.get(reverse("portfolio")).status_code == 200


def test_the_navigation_offers_the_portfolio_only_with_two_councils_or_more(
    rf, adviser, board_manager
):
    def labels(user):
        request = rf.get("/")
        request.user = user
        return [item["label"] for item in navigation_for(request, None)]

    assert "Portfolio" in labels(adviser)
    assert "Portfolio" not in labels(board_manager)


def test_the_home_page_of_a_person_with_two_councils_links_to_the_portfolio(client_for, adviser):
    page = client_for(adviser).get(reverse("home")).content.decode()
    assert reverse("portfolio") in page


def test_a_person_with_one_council_still_goes_home_to_its_start_page(client_for, board_manager):
    response = client_for(board_manager).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("board:start", args=["testshire"])


def test_a_dfe_review_past_its_due_date_is_marked_overdue(client_for, board_manager, council):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2), review_interval_months=6)
    response = client_for(board_manager).get(reverse("portfolio"))
    (testshire,) = response.context["councils"]
    assert testshire.next_review == D(2024, 2, 2) and testshire.review_overdue
    assert "Overdue" in response.content.decode()

"""Every endpoint for every role of the cast: a token reads what its owner reads on
the pages, and another council's officer is told the council does not exist."""

import datetime

import pytest
import time_machine

from improvement.api import services
from improvement.complaints.services import grant_case_access
from improvement.meetings.models import MeetingAction

COUNCIL_LISTS = [
    "objectives",
    "actions",
    "updates",
    "measures",
    "meetings",
    "action-log",
    "forward-plan",
]
MEMBERS = [
    "board_manager",
    "chair",
    "owner",
    "board_member",
    "councillor",
    "complaints_manager",
    "performance_officer",
]


@pytest.fixture
def everyone(cast, performance_officer):
    """The cast, with the performance and data officer."""
    return {**cast, "performance_officer": performance_officer}


def _expected(endpoint, role):
    if role == "other_officer":
        return 404
    if endpoint == "complaints/cases" and role != "complaints_manager":
        return 403
    return 200


@pytest.mark.parametrize("role", [*MEMBERS, "other_officer"])
@pytest.mark.parametrize(
    "endpoint", [*COUNCIL_LISTS, "complaints/figures", "complaints/cases", "annex-a/kpis"]
)
def test_every_endpoint_answers_each_role_as_the_pages_do(
    everyone, everything, token_for, api_get, endpoint, role
):
    response = api_get(token_for(everyone[role]), f"councils/testshire/{endpoint}")

    assert response.status_code == _expected(endpoint, role), response.content
    body = response.json()
    if response.status_code != 200:
        assert "testshire" not in response.content.decode().lower()
        assert set(body) == {"detail"}
    elif "items" in body:
        assert body["items"], f"{endpoint} served nothing to the {role}"


def test_the_councils_list_names_only_the_owners_councils(cast, council, token_for, api_get):
    assert api_get(token_for(cast["chair"]), "councils").json() == [
        {"slug": "testshire", "name": "Testshire Council"}
    ]
    assert [c["slug"] for c in api_get(token_for(cast["other_officer"]), "councils").json()] == [
        "otherton"
    ]


def test_a_person_given_case_access_reads_cases(
    complaints_manager, board_member, council, everything, token_for, api_get
):
    grant_case_access(complaints_manager, council, board_member, "Audits the complaints")

    response = api_get(token_for(board_member), "councils/testshire/complaints/cases")

    assert response.status_code == 200
    case = response.json()["items"][0]
    assert case["reference"].startswith("C-")
    assert "complainant_name" not in case and "summary" not in case


def test_complaints_figures_are_aggregates_only(councillor, everything, token_for, api_get):
    body = api_get(token_for(councillor), "councils/testshire/complaints/figures", year=2023).json()

    assert body["year"] == "2023-24"
    assert body["figures"]["accepted"] == 1
    assert "Jo Example" not in str(body) and "C-" not in str(body)


def test_annex_a_is_served_as_kpis_never_rows(board_manager, everything, token_for, api_get):
    body = api_get(token_for(board_manager), "councils/testshire/annex-a/kpis").json()

    assert set(body) == {"council", "reference_date", "import_id", "kpis", "data_quality"}


def test_a_token_limited_to_one_council_cannot_read_another(
    board_manager, council, other_council, council_org, token_for, api_get
):
    from improvement.accounts.models import Role
    from improvement.accounts.tests.factories import MembershipFactory, OrganisationFactory

    MembershipFactory(
        user=board_manager,
        council=other_council,
        organisation=OrganisationFactory(council=other_council),
        role=Role.BOARD_MANAGER,
    )
    secret = token_for(board_manager, council=council)

    assert api_get(secret, "councils/testshire/objectives").status_code == 200
    assert api_get(secret, "councils/otherton/objectives").status_code == 404
    assert [c["slug"] for c in api_get(secret, "councils").json()] == ["testshire"]


def test_no_token_a_wrong_token_and_a_session_are_all_refused(
    board_manager, council, client, api_get
):
    assert api_get(None, "councils/testshire/objectives").status_code == 401
    assert api_get("ib_not-a-token", "councils/testshire/objectives").status_code == 401
    client.force_login(board_manager)
    assert client.get("/api/v1/councils/testshire/objectives").status_code == 401


def test_a_revoked_token_is_refused(board_manager, council, api_get):
    made = services.create_token(board_manager, "Excel")
    assert api_get(made.secret, "councils/testshire/objectives").status_code == 200

    services.revoke_token(board_manager, made.token)

    assert api_get(made.secret, "councils/testshire/objectives").status_code == 401


def test_an_expired_token_is_refused(board_manager, council, token_for, api_get):
    secret = token_for(board_manager, days=30)

    with time_machine.travel(datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC), tick=False):
        assert api_get(secret, "councils/testshire/objectives").status_code == 401


def test_a_token_stops_when_its_owner_can_no_longer_sign_in(
    board_manager, council, token_for, api_get
):
    secret = token_for(board_manager)
    board_manager.is_active = False
    board_manager.save()

    assert api_get(secret, "councils/testshire/objectives").status_code == 401


def test_a_former_member_is_told_the_council_does_not_exist(
    board_manager, council, token_for, api_get
):
    secret = token_for(board_manager)
    board_manager.memberships.all().delete()

    assert api_get(secret, "councils/testshire/objectives").status_code == 404


def test_exempt_items_are_withheld_from_those_who_may_not_see_them(
    councillor, board_manager, board_meeting, token_for, api_get
):
    def agenda(user):
        body = api_get(token_for(user), "councils/testshire/meetings").json()
        return {item["title"]: item for item in body["items"][0]["items"]}

    def log(user):
        body = api_get(token_for(user), "councils/testshire/action-log").json()
        return sorted(entry["text"] for entry in body["items"])

    withheld = agenda(councillor)["Staffing"]
    assert withheld["withheld"] is True
    assert withheld["description"] == "" and withheld["decisions"] == []
    assert withheld["report_author"] == ""  # as the meeting page withholds it
    assert (
        agenda(councillor)["Progress report"]["decisions"][0]["text"] == "Agreed on Progress report"
    )
    assert log(councillor) == ["Follow up Progress report"]

    shown = agenda(board_manager)["Staffing"]
    assert shown["withheld"] is False and shown["description"] == "Named officers"
    assert shown["report_author"] == "Head of HR"
    assert log(board_manager) == ["Follow up Progress report", "Follow up Staffing"]


def test_a_page_of_the_action_log_is_full_though_exempt_entries_are_withheld(
    council, councillor, board_meeting, token_for, api_get
):
    # After the fixture's open entry and its exempt one: two more open entries.
    for n in (2, 3):
        MeetingAction.objects.create(council=council, meeting=board_meeting, text=f"Open {n}")
    secret = token_for(councillor)

    first = api_get(secret, "councils/testshire/action-log?limit=2").json()
    cursor = first["next_cursor"]
    second = api_get(secret, f"councils/testshire/action-log?limit=2&cursor={cursor}").json()

    # The exempt entry is left out by the query, so each page holds `limit` entries.
    assert [e["text"] for e in first["items"]] == ["Follow up Progress report", "Open 2"]
    assert [e["text"] for e in second["items"]] == ["Open 3"]
    assert second["next_cursor"] is None

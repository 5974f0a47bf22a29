"""The list of records (complaints:cases): each facet, each sort, the CSV without
personal data, a filter it cannot read named, its empty states, who may see it, and a
page's cost as the records grow. Today is 1 March 2024 (conftest)."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement.complaints import services
from improvement.complaints.tests.factories import ComplaintFactory

D = datetime.date
PERSONAL = {
    "complainant_name": "Jo Secretname",
    "complainant_email": "jo.secret@example.invalid",
    "complainant_telephone": "07700 900123",
    "complainant_address": "1 Hidden Lane, Testshire",
    "on_behalf_of": "Sam Secretchild",
    "summary": "A summary that never leaves the system",
}


def url(query: str = "") -> str:
    address = reverse("complaints:cases", args=["testshire"])
    return f"{address}?{query}" if query else address


@pytest.fixture
def records(council):
    """One record of each kind and state, each carrying personal data."""

    def make(reference, **fields):
        return ComplaintFactory(council=council, reference=reference, **PERSONAL, **fields)

    return {
        # Stage 1 from 1 February: 10 working days, due 15 February, so overdue.
        "late": make("CSC-2024-0002", received_on=D(2024, 2, 1), team="Children in Care"),
        # Stage 1 from 28 February: due 13 March, in time.
        "fresh": make("CSC-2024-0010", received_on=D(2024, 2, 28), team="Early Help"),
        "closed": make(
            "CSC-2023-0003",
            process="corporate",
            received_on=D(2023, 6, 1),
            team="Early Help",
            stage1_responded_on=D(2023, 6, 10),
            stage1_outcome="not_upheld",
            stage2_requested_on=D(2023, 7, 1),
            stage2_completed_on=D(2023, 8, 1),
            stage2_outcome="upheld",
        ),
        # Stage 3 panel from 20 February: 30 working days over Easter, due 4 April.
        "panel": make(
            "CSC-2023-0020",
            received_on=D(2023, 10, 1),
            team="Children in Care",
            stage1_responded_on=D(2023, 10, 10),
            stage1_outcome="not_upheld",
            stage2_requested_on=D(2023, 11, 1),
            stage2_completed_on=D(2024, 1, 10),
            stage2_outcome="partially_upheld",
            stage3_requested_on=D(2024, 2, 20),
        ),
        "withdrawn": make(
            "CSC-2023-0004", received_on=D(2023, 5, 2), team="", stage1_route="withdrawn"
        ),
        "ombudsman": make(
            "CSC-2022-0001",
            received_on=D(2022, 9, 1),
            team="Children in Care",
            stage1_responded_on=D(2022, 9, 10),
            stage1_outcome="upheld",
            ombudsman_referred_on=D(2022, 12, 1),
        ),
        "not_logged": make(
            "CSC-2024-0001", received_on=D(2024, 1, 5), process="not_logged", team="Early Help"
        ),
        "compliment": make(
            "CMP-2023-0001",
            kind="compliment",
            process="",
            received_on=D(2023, 3, 15),
            team="Fostering",
        ),
        "removed": make(
            "CSC-2024-0099", received_on=D(2024, 2, 2), archived_at=timezone.now(), team="Gone"
        ),
    }


@pytest.fixture
def manager(client_for, complaints_manager):
    return client_for(complaints_manager)


def references(response) -> list[str]:
    return [row.reference for row in response.context["listing"].rows]


def test_every_live_record_is_listed_newest_first(manager, records):
    response = manager.get(url())
    assert response.status_code == 200
    assert references(response) == [
        "CSC-2024-0010",
        "CSC-2024-0002",
        "CSC-2024-0001",
        "CSC-2023-0020",
        "CSC-2023-0003",
        "CSC-2023-0004",
        "CMP-2023-0001",
        "CSC-2022-0001",
    ]
    page = response.content.decode()
    assert "8 records." in page and "CSC-2024-0099" not in page
    assert "Jo Secretname" not in page and "Sam Secretchild" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("record=statutory", {"late", "fresh", "panel", "withdrawn", "ombudsman"}),
        ("record=corporate", {"closed"}),
        ("record=not_logged", {"not_logged"}),
        ("record=compliment", {"compliment"}),
        ("stage=stage1", {"late", "fresh", "withdrawn"}),
        ("stage=stage2", {"closed"}),
        ("stage=stage3", {"panel"}),
        ("stage=ombudsman", {"ombudsman"}),
        ("team=Early+Help", {"fresh", "closed", "not_logged"}),
        ("team=Children+in+Care", {"late", "panel", "ombudsman"}),
        # Financial years, April to March: 15 March 2023 is in 2022-23.
        ("year=2022", {"ombudsman", "compliment"}),
        ("year=2023", {"late", "fresh", "closed", "panel", "withdrawn", "not_logged"}),
        ("status=open", {"late", "fresh", "panel"}),
        ("status=closed", {"closed", "withdrawn", "ombudsman"}),
        ("overdue=yes", {"late"}),
        ("outcome=upheld", {"closed", "ombudsman"}),
        ("outcome=partially_upheld", {"panel"}),
        ("outcome=withdrawn", {"withdrawn"}),
        ("status=open&team=Children+in+Care&overdue=no", {"panel"}),
    ],
)
def test_each_facet_keeps_the_records_it_names(manager, records, query, expected):
    response = manager.get(url(query))
    assert set(references(response)) == {records[name].reference for name in expected}
    assert "match these filters" in response.content.decode() or len(expected) == 1


def test_the_facets_offer_the_teams_and_years_the_records_hold(manager, records):
    form = manager.get(url()).context["listing"].filters.form
    assert [label for _, label in form.fields["team"].choices] == [
        "All",
        "Children in Care",
        "Early Help",
        "Fostering",
    ]
    assert [label for _, label in form.fields["year"].choices] == [
        "All",
        "2023-24",
        "2022-23",
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("received", ["CSC-2022-0001", "CMP-2023-0001", "CSC-2023-0004", "CSC-2023-0003"]),
        ("-received", ["CSC-2024-0010", "CSC-2024-0002", "CSC-2024-0001", "CSC-2023-0020"]),
        # Due dates first either way, then records with nothing due in the order entered.
        ("due", ["CSC-2024-0002", "CSC-2024-0010", "CSC-2023-0020", "CSC-2023-0003"]),
        ("-due", ["CSC-2023-0020", "CSC-2024-0010", "CSC-2024-0002", "CSC-2023-0003"]),
        ("reference", ["CMP-2023-0001", "CSC-2022-0001", "CSC-2023-0003", "CSC-2023-0004"]),
    ],
)
def test_each_sort_orders_the_records(manager, records, sort, expected):
    assert references(manager.get(url(f"sort={sort}")))[:4] == expected


def test_references_sort_as_people_count(manager, council):
    for number in (10, 9, 100):
        ComplaintFactory(council=council, reference=f"T-{number}")
    assert references(manager.get(url("sort=reference"))) == ["T-9", "T-10", "T-100"]


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_every_kept_record_in_words_and_no_personal_data(manager, records):
    response = manager.get(url("format=csv&team=Children+in+Care&sort=reference"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="testshire-records-2024-03-01.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Reference",
        "Received",
        "Financial year",
        "Kind of record",
        "Stage reached",
        "Team",
        "Open stage",
        "Response due",
        "Overdue",
        "Status",
        "Latest outcome",
    ]
    assert rows[1:] == [
        [
            "CSC-2022-0001",
            "2022-09-01",
            "2022-23",
            "Statutory complaint",
            "Ombudsman",
            "Children in Care",
            "",
            "",
            "No",
            "Closed",
            "Upheld at stage 1",
        ],
        [
            "CSC-2023-0020",
            "2023-10-01",
            "2023-24",
            "Statutory complaint",
            "Stage 3",
            "Children in Care",
            "Stage 3 panel",
            "2024-04-04",
            "No",
            "Open",
            "Partially upheld at stage 2",
        ],
        [
            "CSC-2024-0002",
            "2024-02-01",
            "2023-24",
            "Statutory complaint",
            "Stage 1",
            "Children in Care",
            "Stage 1 response",
            "2024-02-15",
            "Yes",
            "Open",
            "",
        ],
    ]


def test_the_csv_of_every_record_carries_no_personal_data(manager, records):
    response = manager.get(url("format=csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 9  # the heading and 8 records
    for value in PERSONAL.values():
        assert value not in text
    assert "Secret" not in text and "@" not in text


def test_the_page_says_the_csv_holds_no_personal_data(manager, records):
    page = manager.get(url()).content.decode()
    assert "holds no complainant's name, contact details or case summary" in page
    assert "Download all 8 as a CSV file" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("stage=stage9", "Select a stage from the list"),
        ("team=Nobody", "Select a team from the list"),
        ("year=1999", "Select a financial year (April to March) from the list"),
        ("status=lost", "Select open or closed from the list"),
        ("overdue=maybe", "Select overdue or not overdue from the list"),
        ("outcome=lost", "Select an outcome from the list"),
        ("record=letter", "Select a kind of record from the list"),
    ],
)
def test_a_filter_that_cannot_be_read_is_named(manager, records, query, message):
    response = manager.get(url(query))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem with the filters" in page and message in page
    assert len(references(response)) == 8  # it narrows nothing


def test_empty_states_are_in_words(manager, council, records):
    page = manager.get(url("team=Fostering&status=open")).content.decode()
    assert "No record matches these filters." in page
    assert "Clear the filters" in page
    council.representations.update(archived_at=timezone.now())
    page = manager.get(url()).content.decode()
    assert "No complaint or compliment has been recorded yet." in page
    assert "CSV file</a>" not in page


def test_the_list_is_paged(manager, council):
    for number in range(30):
        ComplaintFactory(council=council, reference=f"P-{number}")
    first = manager.get(url("sort=reference"))
    assert len(references(first)) == 25
    page = first.content.decode()
    assert "Showing 1 to 25 of 30" in page and "page=2" in page
    assert references(manager.get(url("sort=reference&page=2")))[0] == "P-25"


@pytest.mark.parametrize("role", ["board_manager", "councillor", "board_member", "chair"])
def test_only_those_allowed_see_the_list_or_its_csv(client_for, cast, records, role):
    client = client_for(cast[role])
    assert client.get(url()).status_code == 403
    assert client.get(url("format=csv")).status_code == 403


def test_officer_of_another_council_is_told_it_does_not_exist(client_for, other_officer):
    assert client_for(other_officer).get(url("format=csv")).status_code == 404


def test_a_person_granted_case_access_sees_the_list_until_it_is_removed(
    client_for, complaints_manager, board_manager, council, records
):
    grant = services.grant_case_access(complaints_manager, council, board_manager, "Audit")
    client = client_for(board_manager)
    assert client.get(url()).status_code == 200
    assert client.get(url("format=csv")).status_code == 200
    services.revoke_case_access(complaints_manager, grant, grant.version)
    assert client.get(url()).status_code == 403


def grow(council, number):
    for index in range(number):
        ComplaintFactory(
            council=council,
            process="corporate" if index % 3 else "statutory",
            received_on=D(2023, 4, 1) + datetime.timedelta(days=index * 3),
            team=f"Team {index % 4}",
        )


@pytest.mark.parametrize("number", [5, 60])
def test_a_page_and_the_csv_cost_the_same_queries_however_many_records(manager, council, number):
    grow(council, number)
    with CaptureQueriesContext(connection) as page:
        assert manager.get(url("status=open&sort=due")).status_code == 200
    with CaptureQueriesContext(connection) as download:
        read_csv(manager.get(url("format=csv&sort=due")))
    assert (len(page), len(download)) == (PAGE_QUERIES, PAGE_QUERIES)


# The session, the user, the council and the role (access), then the records and the
# council's corporate timescales: nothing more per record.
PAGE_QUERIES = 6


def test_the_ombudsman_decisions_table_scrolls_on_its_own_on_a_narrow_screen(manager, council):
    page = manager.get(reverse("complaints:decisions", args=["testshire"])).content.decode()
    region = (
        '<div class="ib-table-scroll" role="region" tabindex="0" '
        'aria-label="Ombudsman decisions, newest first">'
    )
    assert region in page
    assert page.index(region) < page.index('<table class="govuk-table">')

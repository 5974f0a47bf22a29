"""The action log as a long list (core.listing, docs/adr/037): each facet, each sort,
the CSV of what the filters keep, a filter that cannot be read named, the words of an
empty log, exempt entries withheld from those who may not see them, and the cost of a
page pinned as the log grows."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.meetings.models import Body, MeetingAction
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory


def at(year, month, day):
    return datetime.datetime(year, month, day, 14, tzinfo=datetime.UTC)


@pytest.fixture
def log(council, police, council_org, board_member):
    """Today is 1 March 2024. The board met on 10 January and meets next on 13 March;
    scrutiny met on 5 February and has no meeting to come."""
    board = BodyFactory(council=council)
    scrutiny = BodyFactory(
        council=council, name="Children's scrutiny", slug="scrutiny", kind=Body.Kind.SCRUTINY
    )
    january = MeetingFactory(body=board, starts_at=at(2024, 1, 10))
    MeetingFactory(body=board, starts_at=at(2024, 3, 13))
    MeetingFactory(body=board, starts_at=at(2024, 3, 6), status="cancelled")
    february = MeetingFactory(body=scrutiny, starts_at=at(2024, 2, 5))
    member = PersonFactory(council=council, name="Bea Member", user=board_member)
    BodyMembershipFactory(body=board, person=member, role_title="Board member")
    olu = PersonFactory(council=council, name="Olu Owner", organisation=police)
    ada = PersonFactory(council=council, name="Ada Other", organisation=council_org)
    secret = PersonFactory(council=council, name="Sam Secret", organisation=council_org)
    first = ObjectiveFactory(council=council, ref="1", position=1)
    second = ObjectiveFactory(council=council, ref="2", position=2)
    ten = ActionFactory(objective=first, ref="1.10", position=10)
    two = ActionFactory(objective=first, ref="1.2", position=2)
    twenty_one = ActionFactory(objective=second, ref="2.1", position=1)
    exempt = AgendaItemFactory(meeting=january, title="Staffing matter", exempt_paragraph=1)

    def entry(meeting, text, **fields):
        return MeetingAction.objects.create(council=council, meeting=meeting, text=text, **fields)

    return {
        "board": board,
        "scrutiny": scrutiny,
        "february": february,
        "olu": olu,
        "police": police,
        "A": entry(
            january, "Send the note", owner=olu, due_on=datetime.date(2024, 2, 15), plan_action=ten
        ),
        "B": entry(
            january,
            "Draft the letter",
            owner=ada,
            due_on=datetime.date(2024, 3, 10),
            plan_action=twenty_one,
        ),
        "C": entry(
            january,
            "Review the audit",
            owner=ada,
            due_on=datetime.date(2024, 4, 1),
            plan_action=two,
        ),
        "D": entry(
            february,
            "Report on caseloads",
            kind="officer_request",
            owner=ada,
            due_on=datetime.date(2024, 2, 20),
            status="done",
            closed_on=datetime.date(2024, 2, 25),
            outcome="Reported",
        ),
        "E": entry(january, "Check the staffing case", owner=secret, item=exempt),
        "secret": secret,
    }


def url(council, query=""):
    return reverse("meetings:action_log", args=[council.slug]) + (f"?{query}" if query else "")


def shown(response):
    return [entry.text for entry in response.context["listing"].rows]


def texts(log, *keys):
    return [log[key].text for key in keys]


FACETS = [
    ("owner={olu}", "A"),
    ("organisation={police}", "A"),
    ("status=done", "D"),
    ("status=open", "ABCE"),
    ("due=overdue", "A"),
    ("due=next_meeting", "AB"),  # open, due by 13 March; scrutiny has no next meeting
    ("body={scrutiny}", "D"),
    ("meeting={february}", "D"),
    ("owner={olu}&status=done", ""),
]


@pytest.mark.parametrize(("query", "keys"), FACETS)
def test_each_facet_narrows_the_log(council, board_manager, client_for, log, query, keys):
    ids = {name: log[name].pk for name in ("olu", "police", "scrutiny", "february")}
    response = client_for(board_manager).get(url(council, query.format(**ids)))
    assert response.status_code == 200
    assert sorted(shown(response)) == sorted(texts(log, *keys))
    assert response.context["listing"].filters.active


@pytest.mark.parametrize(
    ("meetings", "kept"),
    [
        # Scrutiny's meeting today has its papers out: its cycle runs to the one after.
        ([(3, 1), (3, 20)], ["by tomorrow", "by the 15th"]),
        ([(3, 2), (3, 20)], ["by tomorrow"]),
        # With no meeting after today, the cycle is the next six weeks (to 12 April).
        ([(3, 1)], ["by tomorrow", "by the 15th"]),
        ([], ["by tomorrow", "by the 15th"]),
    ],
    ids=["meeting today", "meeting tomorrow", "only today's", "none scheduled"],
)
def test_due_by_the_next_meeting_at_the_boundary_of_a_meeting(
    council, board_manager, client_for, log, meetings, kept
):
    scrutiny = log["scrutiny"]
    for month, day in meetings:
        MeetingFactory(body=scrutiny, starts_at=at(2024, month, day))
    for text, due_on in (("by tomorrow", datetime.date(2024, 3, 2)),
                         ("by the 15th", datetime.date(2024, 3, 15))):  # fmt: skip
        MeetingAction.objects.create(
            council=council, meeting=log["february"], text=text, due_on=due_on
        )
    response = client_for(board_manager).get(url(council, f"due=next_meeting&body={scrutiny.pk}"))
    assert sorted(shown(response)) == sorted(kept)


SORTS = [
    ("", "ADBCE"),  # due date, soonest first; no due date last
    ("sort=-due", "CBDAE"),
    ("sort=raised", "ABCED"),  # the January meeting's entries in the order logged
    ("sort=-raised", "DECBA"),
    ("sort=ref", "CABDE"),  # 1.2, 1.10, 2.1, then no plan action
]


@pytest.mark.parametrize(("query", "keys"), SORTS)
def test_each_sort_orders_the_log(council, board_manager, client_for, log, query, keys):
    response = client_for(board_manager).get(url(council, query))
    assert shown(response) == texts(log, *keys)


def test_the_page_draws_the_filters_the_sort_and_the_tags(council, board_manager, client_for, log):
    page = client_for(board_manager).get(url(council)).content.decode()
    assert "5 actions." in page
    assert 'name="owner"' in page and 'name="sort"' in page
    assert "Overdue</strong>" in page  # A, due 15 February
    assert "Testshire Police" in page
    assert "Download all 5 as a CSV file" in page


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_every_kept_row_in_words(council, board_manager, client_for, log):
    response = client_for(board_manager).get(
        url(council, "format=csv&body=" + str(log["scrutiny"].pk))
    )
    assert 'filename="testshire-meeting-actions-2024-03-01.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Action",
        "Kind",
        "Raised by",
        "Raised at the meeting of",
        "Agenda item",
        "Owner",
        "Owner's organisation",
        "Due",
        "Status",
        "Overdue",
        "Closed on",
        "Outcome",
        "Plan action",
    ]
    assert rows[1:] == [
        [
            "Report on caseloads",
            "Request to officers",
            "Children's scrutiny",
            "2024-02-05",
            "",
            "Ada Other",
            "Testshire Council",
            "2024-02-20",
            "Done",
            "No",
            "2024-02-25",
            "Reported",
            "",
        ]
    ]
    every = read_csv(client_for(board_manager).get(url(council, "format=csv&sort=ref")))
    assert [row[0] for row in every[1:]] == texts(log, *"CABDE")
    assert every[2][9] == "Yes" and every[2][12] == "1.10"  # A: overdue, plan action 1.10
    assert every[5][4].endswith("Staffing matter")


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ("owner=999999", "Select an owner from the list", "id_owner"),
        ("due=soon", "Select when the actions are due", "id_due"),
        ("meeting=x", "Select a meeting from the list", "id_meeting"),
    ],
)
def test_a_filter_that_cannot_be_read_is_named(
    council, board_manager, client_for, log, query, message, anchor
):
    response = client_for(board_manager).get(url(council, query))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem with the filters" in page
    assert f'href="#{anchor}">{message}</a>' in page
    assert len(shown(response)) == 5  # a filter that cannot be read narrows nothing


@pytest.mark.parametrize(("role", "sees"), [("board_member", True), ("councillor", False)])
def test_an_exempt_entry_is_withheld_from_those_who_may_not_see_it(
    council, cast, client_for, log, role, sees
):
    client = client_for(cast[role])
    response = client.get(url(council))
    assert ("Check the staffing case" in shown(response)) is sees
    page = response.content.decode()
    assert ("Sam Secret" in page) is sees  # not even offered as an owner to filter by
    assert response.context["listing"].total == (5 if sees else 4)
    rows = read_csv(client.get(url(council, "format=csv")))
    assert any(row[0] == "Check the staffing case" for row in rows) is sees
    asked = client.get(url(council, f"owner={log['secret'].pk}"))
    assert (asked.context["listing"].total == 1) is sees


def test_the_log_is_the_councils_own(council, other_officer, client_for, log):
    assert client_for(other_officer).get(url(council)).status_code == 404
    response = client_for(None).get(url(council))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_an_empty_log_says_so(council, board_manager, client_for):
    page = client_for(board_manager).get(url(council)).content.decode()
    assert "No actions have been logged yet." in page
    assert "Download" not in page


def test_filters_that_keep_nothing_say_so(council, board_manager, client_for, log):
    page = client_for(board_manager).get(url(council, "status=done&due=overdue")).content.decode()
    assert "0 actions match these filters." in page
    assert "No action matches these filters." in page and "Clear the filters" in page


def test_a_long_log_is_paged(council, board_manager, client_for, log):
    for number in range(25):
        MeetingAction.objects.create(
            council=council, meeting=log["february"], text=f"More {number}", owner=log["olu"]
        )
    client = client_for(board_manager)
    first = client.get(url(council, "sort=raised"))
    assert len(shown(first)) == 25
    assert 'rel="next"' in first.content.decode()
    second = client.get(url(council, "sort=raised&page=2"))
    assert shown(second) == [f"More {number}" for number in range(20, 25)]


def page_queries(client, council, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(council, query))
        assert response.status_code == 200
    return len(queries)


# The session, the user, the council and the reader's roles (4), the bodies whose
# exempt items they see (1), the count and the page (2), the choices of the four model
# filters (4), and one to read each chosen model filter's value; the due filter reads
# the bodies of the kept entries and where each one's cycle ends (1 + 1 a body, here one).
@pytest.mark.parametrize(
    ("query", "expected"), [("", 11), ("owner={olu}&due=next_meeting&sort=ref", 14)]
)
def test_a_page_costs_the_same_queries_however_long_the_log(
    council, board_manager, client_for, log, query, expected
):
    client = client_for(board_manager)
    query = query.format(olu=log["olu"].pk)
    client.get(url(council, query))
    small = page_queries(client, council, query)
    for number in range(40):
        MeetingAction.objects.create(
            council=council,
            meeting=log["A"].meeting,
            text=f"More {number}",
            owner=log["olu"],
            due_on=datetime.date(2024, 3, 1),
            plan_action=log["A"].plan_action,
        )
    assert page_queries(client, council, query) == small
    assert small == expected

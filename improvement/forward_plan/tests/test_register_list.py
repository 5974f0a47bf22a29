"""The forward plan's register and the executive decisions as long lists: each facet,
each sort, the CSV in words, a filter it cannot read named, the empty states, and a
page's cost as the plan grows. Today is Friday 1 March 2024 (conftest)."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.forward_plan import call_in
from improvement.forward_plan.tests.factories import ForwardDecisionFactory, ScrutinyFactory

D = datetime.date
CHILDREN, CORPORATE = "Children's Services", "Corporate Services"


def url(name: str, query: str = "") -> str:
    address = reverse(f"forward_plan:{name}", args=["testshire"])
    return f"{address}?{query}" if query else address


@pytest.fixture
def plan(council, board_manager):
    """Six decisions of the plan, three of them taken and published for call-in, and
    one executive decision published without the plan."""
    scrutiny = ScrutinyFactory(council=council)

    def published(text, day, called_in_on=None):
        record = call_in.publish_executive_decision(
            board_manager, council, text, day, "Cabinet", day, scrutiny
        )
        if called_in_on:
            record.called_in_on = called_in_on
            record.save(update_fields=["called_in_on"])
        return record

    def decision(title, **fields):
        return ForwardDecisionFactory(council=council, title=title, scrutiny=scrutiny, **fields)

    cabinet = {"maker_kind": "cabinet", "maker_name": "", "maker_portfolio": ""}
    made = {
        "fostering": decision(
            "Award the fostering contract",
            reference="KEY/1",
            is_key=True,
            directorate=CHILDREN,
            expected_on=D(2024, 4, 10),
        ),
        "centre": decision(
            "Close a children's centre",
            is_key=True,
            directorate=CHILDREN,
            status="taken",
            taken_on=D(2024, 2, 27),
            # Published Tuesday 27 February: 3 working days, open until today.
            record=published("Close a children's centre: agreed", D(2024, 2, 27)),
            **cabinet,
        ),
        "budget": decision(
            "approve the schools budget",
            directorate=CORPORATE,
            expected_month=D(2024, 3, 1),
            **cabinet,
        ),
        "depot": decision(
            "Sell the depot",
            is_key=True,
            directorate=CORPORATE,
            maker_name="Councillor Ann Other",
            status="withdrawn",
            expected_on=D(2024, 5, 2),
        ),
        "youth": decision(
            "Adopt the youth strategy",
            directorate=CHILDREN,
            status="taken",
            taken_on=D(2024, 1, 10),
            record=published("Adopt the youth strategy: agreed", D(2024, 1, 10)),
            **cabinet,
        ),
        "merge": decision(
            "Merge two schools",
            is_key=True,
            directorate="Education",
            status="taken",
            taken_on=D(2024, 2, 1),
            record=published("Merge two schools: agreed", D(2024, 2, 1), D(2024, 2, 5)),
            **cabinet,
        ),
    }
    made["emergency"] = published("emergency repairs to a children's home", D(2024, 2, 29))
    return made


@pytest.fixture
def reader(client_for, councillor):
    return client_for(councillor)


def shown(response) -> list[str]:
    return [getattr(row, "title", None) or row.text for row in response.context["listing"].rows]


def titles(plan, *names) -> set[str]:
    return {getattr(plan[name], "title", None) or plan[name].text for name in names}


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_register_lists_every_decision_in_plan_order(reader, plan):
    response = reader.get(url("register"))
    assert shown(response) == [
        "Award the fostering contract",
        "approve the schools budget",
        "Close a children's centre",
        "Adopt the youth strategy",
        "Merge two schools",
        "Sell the depot",
    ]
    page = response.content.decode()
    assert "6 decisions." in page and "Download all 6 as a CSV file" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("directorate=Children%27s+Services", {"fostering", "centre", "youth"}),
        ("directorate=Education", {"merge"}),
        ("key=yes", {"fostering", "centre", "depot", "merge"}),
        ("key=no", {"budget", "youth"}),
        ("status=planned", {"fostering", "budget"}),
        ("status=taken", {"centre", "youth", "merge"}),
        ("status=withdrawn", {"depot"}),
        ("maker=Cabinet", {"centre", "budget", "youth", "merge"}),
        ("maker=Councillor+Ann+Other", {"depot"}),
        # The month it is due, or was taken in once taken.
        ("month=2024-03", {"budget"}),
        ("month=2024-02", {"centre", "merge"}),
        ("month=2024-04", {"fostering"}),
        ("call_in=open", {"centre"}),
        ("call_in=called_in", {"merge"}),
        ("call_in=over", {"youth"}),
        ("key=yes&directorate=Children%27s+Services&status=planned", {"fostering"}),
    ],
)
def test_each_register_facet_keeps_the_decisions_it_names(reader, plan, query, expected):
    assert set(shown(reader.get(url("register", query)))) == titles(plan, *expected)


def test_the_register_offers_the_facets_its_decisions_hold(reader, plan):
    fields = reader.get(url("register")).context["listing"].filters.form.fields
    assert [label for _, label in fields["directorate"].choices] == [
        "All",
        CHILDREN,
        CORPORATE,
        "Education",
    ]
    assert [label for _, label in fields["maker"].choices] == [
        "All",
        "Cabinet",
        "Councillor Ann Other",
        "Councillor Jackie Allen",
    ]
    assert [label for _, label in fields["month"].choices] == [
        "All",
        "January 2024",
        "February 2024",
        "March 2024",
        "April 2024",
        "May 2024",
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["youth", "merge", "centre", "budget", "fostering", "depot"]),
        ("-date", ["depot", "fostering", "budget", "centre", "merge", "youth"]),
        # Titles as people read them, whatever their capitals.
        ("title", ["youth", "budget", "fostering", "centre", "merge", "depot"]),
        ("-title", ["depot", "merge", "centre", "fostering", "budget", "youth"]),
    ],
)
def test_each_register_sort_orders_the_decisions(reader, plan, sort, expected):
    response = reader.get(url("register", f"sort={sort}"))
    assert shown(response) == [plan[name].title for name in expected]


def test_the_register_csv_holds_the_kept_decisions_in_words(reader, plan):
    response = reader.get(url("register", "format=csv&key=yes&sort=date"))
    disposition = response["Content-Disposition"]
    assert 'filename="testshire-forward-plan-decisions-2024-03-01.csv"' in disposition
    rows = read_csv(response)
    assert rows[0] == [
        "Reference",
        "Title",
        "Key decision",
        "Taken in private",
        "Decision maker",
        "Directorate",
        "Scrutiny committee",
        "Expected",
        "Status",
        "Taken on",
        "Call-in",
    ]
    assert [row[1] for row in rows[1:]] == [
        "Merge two schools",
        "Close a children's centre",
        "Award the fostering contract",
        "Sell the depot",
    ]
    assert rows[1][2:] == [
        "Yes",
        "No",
        "Cabinet",
        "Education",
        "Children and Education Scrutiny Committee",
        "",
        "Taken",
        "2024-02-01",
        "Called in on 5 February 2024",
    ]
    assert rows[2][-1] == "Open to call-in until 1 March 2024"
    assert rows[3][4] == (
        "Councillor Jackie Allen, Cabinet Member for Children's Services and Education"
    )
    assert rows[3][7:10] == ["10 April 2024", "Planned", ""]
    assert rows[4][8] == "Withdrawn"


def test_the_register_csv_carries_no_codes_or_contact_details(reader, plan):
    text = b"".join(reader.get(url("register", "format=csv")).streaming_content).decode()
    for code in (",planned,", ",taken,", ",cabinet,", ",member,", ",True,", ",False,"):
        assert code not in text
    assert "@" not in text and "Stromberg" not in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=lost", "Select a status from the list"),
        ("month=2030-01", "Select a month from the list"),
        ("directorate=Nowhere", "Select a directorate from the list"),
        ("maker=Nobody", "Select a decision maker from the list"),
        ("key=maybe", "Select key or non-key decisions from the list"),
        ("call_in=soon", "Select a call-in state from the list"),
    ],
)
def test_a_register_filter_that_cannot_be_read_is_named(reader, plan, query, message):
    response = reader.get(url("register", query))
    page = response.content.decode()
    assert "There is a problem with the filters" in page and message in page
    assert len(shown(response)) == 6


def test_the_register_empty_states_are_in_words(reader, council, plan):
    page = reader.get(url("register", "status=withdrawn&key=no")).content.decode()
    assert "No decision matches these filters." in page and "Clear the filters" in page


def test_an_empty_register_says_so(reader, council):
    page = reader.get(url("register")).content.decode()
    assert "No decision is on the forward plan yet." in page
    assert "CSV file</a>" not in page


def test_the_executive_decisions_are_listed_newest_first(reader, plan):
    response = reader.get(url("executive_decisions"))
    assert shown(response) == [
        "emergency repairs to a children's home",
        "Close a children's centre: agreed",
        "Merge two schools: agreed",
        "Adopt the youth strategy: agreed",
    ]
    assert "4 executive decisions." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Directorate and key decision come from the plan's decision it was taken from.
        ("directorate=Children%27s+Services", {"centre", "youth"}),
        ("key=yes", {"centre", "merge"}),
        ("key=no", {"youth"}),
        ("maker=Cabinet", {"centre", "youth", "merge", "emergency"}),
        ("month=2024-02", {"centre", "merge", "emergency"}),
        ("month=2024-01", {"youth"}),
        ("call_in=open", {"centre", "emergency"}),
        ("call_in=called_in", {"merge"}),
        ("call_in=over", {"youth"}),
    ],
)
def test_each_executive_facet_keeps_the_decisions_it_names(reader, plan, query, expected):
    records = {name: plan[name].record for name in ("centre", "youth", "merge")}
    records["emergency"] = plan["emergency"]
    wanted = {records[name].text for name in expected}
    assert set(shown(reader.get(url("executive_decisions", query)))) == wanted


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("published", ["youth", "merge", "centre", "emergency"]),
        ("taken", ["youth", "merge", "centre", "emergency"]),
        ("-taken", ["emergency", "centre", "merge", "youth"]),
        ("title", ["youth", "centre", "emergency", "merge"]),
        ("-title", ["merge", "emergency", "centre", "youth"]),
    ],
)
def test_each_executive_sort_orders_the_decisions(reader, plan, sort, expected):
    records = {name: plan[name].record for name in ("centre", "youth", "merge")}
    records["emergency"] = plan["emergency"]
    response = reader.get(url("executive_decisions", f"sort={sort}"))
    assert shown(response) == [records[name].text for name in expected]


def test_the_executive_csv_names_who_called_a_decision_in(reader, plan, council):
    plan["merge"].record.called_in_by.add(
        PersonFactory(council=council, name="Councillor Ada Lane"),
        PersonFactory(council=council, name="Councillor Bo Reyes"),
    )
    rows = read_csv(reader.get(url("executive_decisions", "format=csv&call_in=called_in")))
    assert rows[0] == [
        "Decision",
        "Decision maker",
        "Directorate",
        "Key decision",
        "Scrutiny committee",
        "Taken on",
        "Published on",
        "Call-in",
        "Called in by",
    ]
    assert rows[1] == [
        "Merge two schools: agreed",
        "Cabinet",
        "Education",
        "Yes",
        "Children and Education Scrutiny Committee",
        "2024-02-01",
        "2024-02-01",
        "Called in on 5 February 2024",
        "Councillor Ada Lane, Councillor Bo Reyes",
    ]
    unplanned = read_csv(reader.get(url("executive_decisions", "format=csv&sort=-published")))
    assert unplanned[1][2:4] == ["", ""]  # not on the plan: no directorate, key unknown


def test_an_executive_filter_that_cannot_be_read_is_named(reader, plan):
    page = reader.get(url("executive_decisions", "month=1999-01")).content.decode()
    assert "There is a problem with the filters" in page
    assert "Select a month from the list" in page


def test_the_executive_empty_states_are_in_words(reader, council, plan):
    page = reader.get(url("executive_decisions", "call_in=over&key=yes")).content.decode()
    assert "No executive decision matches these filters." in page


def grow(council, board_manager, number):
    scrutiny = ScrutinyFactory(council=council)
    for index in range(number):
        day = D(2023, 4, 1) + datetime.timedelta(days=index * 5)
        record = None
        if index % 2:
            record = call_in.publish_executive_decision(
                board_manager, council, f"Decision {index}", day, "Cabinet", day, scrutiny
            )
        ForwardDecisionFactory(
            council=council,
            scrutiny=scrutiny,
            is_key=bool(index % 3),
            directorate=f"Directorate {index % 4}",
            expected_on=day,
            status="taken" if record else "planned",
            taken_on=day if record else None,
            record=record,
        )


@pytest.mark.parametrize("number", [4, 40])
def test_the_lists_cost_the_same_queries_however_long_the_plan(
    reader, council, board_manager, number
):
    grow(council, board_manager, number)
    counts = []
    for name, query in [
        ("register", "key=yes&sort=date"),
        ("register", "format=csv&sort=title"),
        ("executive_decisions", "call_in=over"),
        ("executive_decisions", "format=csv"),
    ]:
        with CaptureQueriesContext(connection) as queries:
            response = reader.get(url(name, query))
            if response.streaming:
                read_csv(response)
        counts.append(len(queries))
    assert counts == EXPECTED_QUERIES


# The session, the user, the council and the role first; the register then reads the
# current and draft editions, its facets (one query), the count and the page, its CSV
# the same less the count, with every row in one read; the executive decisions read
# their facets, the count, the page, who called each in and the call-in requests.
EXPECTED_QUERIES = [9, 8, 9, 8]


def test_the_register_facets_come_in_the_order_people_narrow_by(reader, plan):
    form = reader.get(url("register")).context["listing"].filters.form
    assert list(form.fields) == ["directorate", "key", "status", "maker", "month", "call_in"]

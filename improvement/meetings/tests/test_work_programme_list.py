"""The council's scrutiny work programme as a long list (core.listing, docs/adr/037):
each facet, each sort, the CSV in words, a filter that cannot be read named, the
words of an empty programme, who may read it, and the cost of a page pinned as the
programme grows."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement.meetings import lists
from improvement.meetings.models import Body, ForwardItem
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory

ROLES = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]


def day(month, date, year=2024):
    return datetime.date(year, month, date)


@pytest.fixture
def programme(council):
    """Today is 1 March 2024."""
    board = BodyFactory(council=council)
    january = MeetingFactory(
        body=board, starts_at=datetime.datetime(2024, 1, 10, 14, tzinfo=datetime.UTC)
    )
    children = BodyFactory(
        council=council, name="Children's scrutiny", slug="children", kind=Body.Kind.SCRUTINY
    )
    corporate = BodyFactory(
        council=council, name="Corporate scrutiny", slug="corporate", kind=Body.Kind.SCRUTINY
    )
    cabinet = BodyFactory(council=council, name="Cabinet", slug="cabinet", kind=Body.Kind.CABINET)
    gone = BodyFactory(
        council=council,
        name="Old scrutiny",
        slug="old",
        kind=Body.Kind.SCRUTINY,
        archived_at=timezone.now(),
    )
    ForwardItem.objects.create(body=cabinet, title="Cabinet's own item", meeting_on=day(3, 20))
    ForwardItem.objects.create(body=gone, title="An archived committee's", meeting_on=day(3, 20))
    return {
        "children": children,
        "corporate": corporate,
        "P1": ForwardItem.objects.create(
            body=children,
            title="Caseloads",
            meeting_on=day(3, 20),
            final_deadline=day(3, 5),
            contact_officer="Head of Service",
        ),
        "P2": ForwardItem.objects.create(
            body=children,
            title="Board report",
            meeting_on=day(2, 10),
            source_meeting=january,
            report_received_on=day(2, 1),
        ),
        "P3": ForwardItem.objects.create(body=corporate, title="Sufficiency"),
        "P4": ForwardItem.objects.create(
            body=corporate,
            title="Budget",
            meeting_on=day(6, 12),
            draft_deadline=day(2, 1),
            final_deadline=day(2, 20),
            comments="From the forward plan",
        ),
    }


def url(council, query=""):
    base = reverse("meetings:work_programme", args=[council.slug])
    return base + (f"?{query}" if query else "")


def shown(response):
    return [item.title for item in response.context["listing"].rows]


def titles(programme, keys):
    return [programme[key].title for key in keys]


FACETS = [
    ("committee={children}", ["P1", "P2"]),
    ("status=coming", ["P1"]),  # P4's meeting is to come, but its report is late
    ("status=unset", ["P3"]),
    ("status=past", []),  # P2's meeting has passed, but its report came
    ("status=overdue", ["P4"]),
    ("status=received", ["P2"]),
    ("year=2023", ["P1", "P2"]),  # May 2023 to April 2024
    ("year=2024", ["P4"]),
    ("month=2024-03", ["P1"]),
    ("source=board", ["P2"]),
    ("source=added", ["P1", "P3", "P4"]),
    ("committee={corporate}&status=received", []),
]


@pytest.mark.parametrize(("query", "keys"), FACETS)
def test_each_facet_narrows_the_programme(
    council, board_manager, client_for, programme, query, keys
):
    ids = {name: programme[name].pk for name in ("children", "corporate")}
    response = client_for(board_manager).get(url(council, query.format(**ids)))
    assert response.status_code == 200
    assert sorted(shown(response)) == sorted(titles(programme, keys))


SORTS = [
    ("", ["P2", "P1", "P4", "P3"]),  # meeting date, soonest first; a date to be set last
    ("sort=-meeting", ["P4", "P1", "P2", "P3"]),
    ("sort=deadline", ["P4", "P1", "P2", "P3"]),  # no deadline last
    ("sort=-deadline", ["P1", "P4", "P3", "P2"]),  # ties: the latest added first
    ("sort=committee", ["P2", "P1", "P4", "P3"]),
    ("sort=title", ["P2", "P4", "P1", "P3"]),
]


@pytest.mark.parametrize(("query", "keys"), SORTS)
def test_each_sort_orders_the_programme(council, board_manager, client_for, programme, query, keys):
    response = client_for(board_manager).get(url(council, query))
    assert shown(response) == titles(programme, keys)


def test_a_draft_deadline_sorts_among_the_final_ones(council, board_manager, client_for, programme):
    """An item with only a draft deadline is sorted by it, as `past_deadline` reads it,
    not after every item with a final one."""
    draft = ForwardItem.objects.create(
        body=programme["children"], title="Draft only", draft_deadline=day(2, 25)
    )
    programme["D"] = draft
    response = client_for(board_manager).get(url(council, "sort=deadline"))
    assert shown(response) == titles(programme, ["P4", "D", "P1", "P2", "P3"])
    response = client_for(board_manager).get(url(council, "sort=-deadline"))
    assert shown(response)[:3] == titles(programme, ["P1", "D", "P4"])


STATUS_WORDS = dict(lists.STATUS_TAGS)


@pytest.mark.parametrize("status", [key for key, _ in lists.PROGRAMME_STATUSES])
def test_each_status_keeps_exactly_the_items_tagged_with_it(
    council, board_manager, client_for, programme, status
):
    """The status filter and the status each row shows are the one rule: a report
    received or late is said before where the meeting stands, in both."""
    children = programme["children"]
    ForwardItem.objects.create(body=children, title="Heard", meeting_on=day(2, 12))
    ForwardItem.objects.create(
        body=children, title="Draft late", meeting_on=day(4, 9), draft_deadline=day(2, 28)
    )
    ForwardItem.objects.create(body=children, title="Unset but late", final_deadline=day(2, 2))
    ForwardItem.objects.create(
        body=children, title="Unset but received", report_received_on=day(2, 2)
    )
    client = client_for(board_manager)
    every = read_csv(client.get(url(council, "format=csv")))[1:]
    tagged = sorted(row[2] for row in every if row[3] == STATUS_WORDS[status][0])
    kept = read_csv(client.get(url(council, f"format=csv&status={status}")))[1:]
    assert tagged, "each status is someone's"
    assert sorted(row[2] for row in kept) == tagged
    assert {row[3] for row in kept} == {STATUS_WORDS[status][0]}
    page = client.get(url(council, f"status={status}"))
    assert sorted(shown(page)) == tagged


def test_only_live_scrutiny_committees_are_listed_and_offered(
    council, board_manager, client_for, programme
):
    response = client_for(board_manager).get(url(council))
    page = response.content.decode()
    assert response.context["listing"].total == 4
    assert "Cabinet&#x27;s own item" not in page and "An archived committee" not in page
    committees = response.context["listing"].filters.form.fields["committee"]
    assert [body.name for body in committees.queryset] == [
        "Children's scrutiny",
        "Corporate scrutiny",
    ]
    assert '<option value="2023">May 2023 to April 2024</option>' in page
    assert '<option value="2024-06">June 2024</option>' in page
    assert "Report past its deadline</strong>" in page and "Planned</strong>" in page


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_every_kept_item_in_words(council, board_manager, client_for, programme):
    response = client_for(board_manager).get(
        url(council, "format=csv&committee=" + str(programme["children"].pk))
    )
    assert (
        'filename="testshire-scrutiny-work-programme-items-2024-03-01.csv"'
        in response["Content-Disposition"]
    )
    rows = read_csv(response)
    assert rows == [
        [
            "Committee",
            "Meeting date",
            "Item",
            "Status",
            "Where it came from",
            "Contact officer",
            "Draft report deadline",
            "Final report deadline",
            "Report received",
            "Comments",
        ],
        [
            "Children's scrutiny",
            "2024-02-10",
            "Board report",
            "Report received",
            "Report of the Children's Services Improvement Board meeting of 10 January 2024",
            "",
            "",
            "",
            "2024-02-01",
            "",
        ],
        [
            "Children's scrutiny",
            "2024-03-20",
            "Caseloads",
            "Planned",
            "Added to the work programme",
            "Head of Service",
            "",
            "2024-03-05",
            "",
            "",
        ],
    ]
    every = read_csv(client_for(board_manager).get(url(council, "format=csv&sort=title")))
    assert [row[2] for row in every[1:]] == titles(programme, ["P2", "P4", "P1", "P3"])
    assert [row[3] for row in every[1:]] == [
        "Report received",
        "Report past its deadline",
        "Planned",
        "Meeting date to be set",
    ]


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ("month=2024-13", "Select a meeting month from the list", "id_month"),
        ("year=1999", "Select a municipal year from the list", "id_year"),
        ("committee=999999", "Select a committee from the list", "id_committee"),
        ("status=lost", "Select a status from the list", "id_status"),
    ],
)
def test_a_filter_that_cannot_be_read_is_named(
    council, board_manager, client_for, programme, query, message, anchor
):
    response = client_for(board_manager).get(url(council, query))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem with the filters" in page
    assert f'href="#{anchor}">{message}</a>' in page
    assert len(shown(response)) == 4


def test_a_committee_outside_scrutiny_is_not_a_choice(
    council, board_manager, client_for, programme
):
    cabinet = council.bodies.get(slug="cabinet")
    response = client_for(board_manager).get(url(council, f"committee={cabinet.pk}"))
    assert "Select a committee from the list" in response.content.decode()
    assert "Cabinet&#x27;s own item" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_every_role_in_the_council_reads_the_programme(council, cast, client_for, programme, role):
    assert client_for(cast[role]).get(url(council)).status_code == 200


def test_the_programme_is_the_councils_own(council, other_officer, client_for, programme):
    assert client_for(other_officer).get(url(council)).status_code == 404
    assert client_for(other_officer).get(url(council, "format=csv")).status_code == 404
    response = client_for(None).get(url(council))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_an_empty_programme_says_so(council, board_manager, client_for):
    page = client_for(board_manager).get(url(council)).content.decode()
    assert "Nothing is on the work programme of any scrutiny committee yet." in page
    assert "Download" not in page


def test_filters_that_keep_nothing_say_so(council, board_manager, client_for, programme):
    page = client_for(board_manager).get(url(council, "source=board&status=unset")).content.decode()
    assert "0 items match these filters." in page
    assert "No item on the work programme matches these filters." in page


def test_the_committee_page_and_the_meetings_page_link_to_the_list(
    council, board_manager, client_for, programme
):
    client = client_for(board_manager)
    children = programme["children"]
    body_page = reverse("meetings:body_detail", args=[council.slug, children.slug])
    assert f"{url(council)}?committee={children.pk}" in client.get(body_page).content.decode()
    index = client.get(reverse("meetings:index", args=[council.slug])).content.decode()
    assert f'href="{url(council)}">Scrutiny work programme</a>' in index


def page_queries(client, council, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(council, query))
        assert response.status_code == 200
    return len(queries)


# The session, the user, the council and the reader's roles (4), the months the
# programme's meetings fall in (for the year and month choices) and the committees (2),
# the count and the page (2), and one to read a chosen committee.
@pytest.mark.parametrize(
    ("query", "expected"), [("", 8), ("committee={children}&year=2023&sort=deadline", 9)]
)
def test_a_page_costs_the_same_queries_however_long_the_programme(
    council, board_manager, client_for, programme, query, expected
):
    client = client_for(board_manager)
    query = query.format(children=programme["children"].pk)
    client.get(url(council, query))
    small = page_queries(client, council, query)
    for number in range(40):
        ForwardItem.objects.create(
            body=programme["children"],
            title=f"More {number}",
            meeting_on=day(4, 1 + number % 28),
            source_meeting=programme["P2"].source_meeting,
        )
    assert page_queries(client, council, query) == small
    assert small == expected

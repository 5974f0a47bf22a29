"""The public site needs no sign-in, shows only what is published, and pins its queries."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from improvement.core.working_days import is_working_day
from improvement.meetings import minutes, services
from improvement.meetings.tests.factories import BodyFactory

UTC = datetime.UTC


@pytest.fixture
def board_meetings(council, board_manager, chair):
    board = BodyFactory(council=council)
    first = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 1, 10, 14, tzinfo=UTC), "Town Hall"
    )
    second = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 2, 21, 14, tzinfo=UTC), "Town Hall"
    )
    item = services.add_agenda_item(board_manager, first, "Plan progress", description="Progress")
    services.add_agenda_item(
        board_manager, first, "Staffing", description="Hidden", exempt_paragraph=1
    )
    minutes.draft_minute(board_manager, item, "The board noted progress.")
    for meeting in (first, second):
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 1, 2))
    return board, first, second, item


def test_the_public_pages_need_no_sign_in(council, board_meetings, client_for):
    board, first, _second, _item = board_meetings
    client = client_for(None)
    for url in [
        reverse("public:index"),
        reverse("public:council", args=[council.slug]),
        reverse("public:body", args=[council.slug, board.slug]),
        reverse("public:meeting", args=[council.slug, first.pk]),
        reverse("public:decisions", args=[council.slug]),
        reverse("public:council_ics", args=[council.slug]),
        reverse("public:body_ics", args=[council.slug, board.slug]),
        reverse("public:council_json", args=[council.slug]),
        reverse("public:meeting_json", args=[council.slug, first.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_an_unknown_council_or_unpublished_private_meeting_is_not_found(
    council, board_manager, client_for
):
    board = BodyFactory(council=council)
    # A public meeting is listed once scheduled (test_listed_meetings); one whose papers
    # are not published is not, until its agenda is.
    draft = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 5, 1, tzinfo=UTC), is_public=False
    )
    client = client_for(None)
    assert client.get(reverse("public:council", args=["nowhere"])).status_code == 404
    assert client.get(reverse("public:meeting", args=[council.slug, draft.pk])).status_code == 404


def test_minutes_appear_only_once_published(
    council, board_meetings, board_manager, chair, client_for
):
    _board, first, second, _item = board_meetings
    url = reverse("public:meeting", args=[council.slug, first.pk])
    client = client_for(None)
    assert "The board noted progress." not in client.get(url).content.decode()
    minutes.approve_minutes(chair, first, second)
    assert "The board noted progress." not in client.get(url).content.decode()
    minutes.publish_minutes(board_manager, first)
    assert "The board noted progress." in client.get(url).content.decode()


def test_the_json_uses_open_civic_data_event_fields(council, board_meetings, client_for):
    _board, first, _second, _item = board_meetings
    data = (
        client_for(None).get(reverse("public:meeting_json", args=[council.slug, first.pk])).json()
    )
    assert {"name", "start_time", "status", "location", "agenda", "documents"} <= set(data)
    assert [a["description"] for a in data["agenda"]] == ["Plan progress", "Staffing"]
    assert data["agenda"][1]["notes"] == ["Exempt: paragraph 1 of Schedule 12A"]
    # It took place in January: passed (the clock stands at 1 March 2024).
    assert data["status"] == "passed" and data["agenda"][0]["order"] == "1"
    # A board meets in private and still publishes its papers: the feed says both.
    assert data["description"] == "Held in private: the papers and minutes are published"


def test_the_calendar_lists_each_published_meeting(council, board_meetings, client_for):
    response = client_for(None).get(reverse("public:council_ics", args=[council.slug]))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 2
    assert "Hidden" not in response.content.decode()


def test_the_public_council_page_costs_the_same_queries_for_more_meetings(
    council, board_meetings, board_manager, client_for, django_assert_max_num_queries
):
    board = board_meetings[0]
    client = client_for(None)
    url = reverse("public:council", args=[council.slug])
    client.get(url)
    with django_assert_max_num_queries(10) as before:
        client.get(url)
    # Fourteen more meetings, each on a working day (meetings are never held on others).
    days = [d for d in range(2, 31) if is_working_day(datetime.date(2024, 4, d))][:14]
    for day in days:
        meeting = services.schedule_meeting(
            board_manager, board, datetime.datetime(2024, 4, day, 14, tzinfo=UTC)
        )
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)

"""A public meeting is listed on the public site and in its calendars from the day it is
scheduled, "agenda to follow", with nothing of its draft agenda; a cancelled one is
marked cancelled; in the Open Civic Data feed a meeting that has taken place is passed.

The tests run on 1 March 2024 (the suite's frozen clock) and read as an anonymous
visitor."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from improvement.accounts.tests.factories import CouncilFactory
from improvement.demo.meetings import load_meetings_demo
from improvement.meetings import services
from improvement.meetings.models import Meeting
from improvement.meetings.tests.factories import BodyFactory

UTC = datetime.UTC
SECRET = "SECRET draft item"


@pytest.fixture
def scheduled(council, board_manager):
    """A public meeting next month with a draft agenda, and one held in private."""
    board = BodyFactory(council=council)
    meeting = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 4, 3, 14, tzinfo=UTC), "Town Hall"
    )
    services.add_agenda_item(board_manager, meeting, SECRET, description="SECRET description")
    private = services.schedule_meeting(
        board_manager,
        board,
        datetime.datetime(2024, 4, 10, 14, tzinfo=UTC),
        "Room 2",
        is_public=False,
    )
    return board, meeting, private


def _events(response) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_scheduled_public_meeting_is_in_both_calendars_with_its_agenda_to_follow(
    council, scheduled, client_for
):
    board, meeting, _private = scheduled
    client = client_for(None)
    for url in [
        reverse("public:council_ics", args=[council.slug]),
        reverse("public:body_ics", args=[council.slug, board.slug]),
    ]:
        response = client.get(url)
        events = _events(response)
        assert [str(e["uid"]) for e in events] == [f"meeting-{meeting.pk}@testserver"]
        assert str(events[0]["description"]) == "Agenda to follow"
        assert str(events[0]["status"]) == "CONFIRMED"
        assert events[0].decoded("dtstart") == meeting.starts_at
        assert "SECRET" not in response.content.decode()


def test_a_scheduled_public_meeting_is_on_the_public_pages_without_its_draft_agenda(
    council, scheduled, client_for
):
    board, meeting, private = scheduled
    client = client_for(None)
    for url in [
        reverse("public:council", args=[council.slug]),
        reverse("public:body", args=[council.slug, board.slug]),
    ]:
        page = client.get(url).content.decode()
        assert reverse("public:meeting", args=[council.slug, meeting.pk]) in page
        assert "(agenda to follow)" in page
        assert reverse("public:meeting", args=[council.slug, private.pk]) not in page
    page = client.get(reverse("public:meeting", args=[council.slug, meeting.pk]))
    assert page.status_code == 200
    assert "Agenda to follow." in page.content.decode()
    assert "SECRET" not in page.content.decode()
    assert client.get(reverse("public:meeting", args=[council.slug, private.pk])).status_code == 404


def test_the_open_civic_data_feed_lists_it_with_no_agenda_yet(council, scheduled, client_for):
    _board, meeting, _private = scheduled
    client = client_for(None)
    response = client.get(reverse("public:council_json", args=[council.slug]))
    assert "SECRET" not in response.content.decode()
    [event] = response.json()["events"]
    assert event["id"] == f"meeting-{meeting.pk}"
    assert event["status"] == "confirmed" and event["agenda"] == []
    assert event["description"].endswith("Agenda to follow")
    one = client.get(reverse("public:meeting_json", args=[council.slug, meeting.pk]))
    assert one.json()["agenda"] == [] and "SECRET" not in one.content.decode()


def test_its_agenda_shows_once_published(council, scheduled, board_manager, client_for):
    _board, meeting, _private = scheduled
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    client = client_for(None)
    [event] = _events(client.get(reverse("public:council_ics", args=[council.slug])))
    assert str(event["description"]) == f"1. {SECRET}"
    page = client.get(reverse("public:meeting", args=[council.slug, meeting.pk])).content.decode()
    assert SECRET in page and "Agenda to follow" not in page


def test_a_cancelled_meeting_is_marked_cancelled_everywhere(council, scheduled, client_for):
    _board, meeting, _private = scheduled
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    client = client_for(None)
    [event] = _events(client.get(reverse("public:council_ics", args=[council.slug])))
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Cancelled: ")
    [data] = client.get(reverse("public:council_json", args=[council.slug])).json()["events"]
    assert data["status"] == "cancelled"
    page = client.get(reverse("public:meeting", args=[council.slug, meeting.pk])).content.decode()
    assert "This meeting has been cancelled." in page
    listing = client.get(reverse("public:council", args=[council.slug])).content.decode()
    assert "Cancelled</strong>" in listing


def test_a_meeting_that_has_taken_place_has_passed_in_the_open_civic_data_feed(
    council, board_manager, client_for
):
    """Nobody marked it held: it took place all the same, so it is not "confirmed"."""
    board = BodyFactory(council=council)
    held = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 2, 21, 14, tzinfo=UTC), "Town Hall"
    )
    coming = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 3, 20, 14, tzinfo=UTC), "Town Hall"
    )
    assert held.status == Meeting.Status.SCHEDULED
    client = client_for(None)
    events = client.get(reverse("public:council_json", args=[council.slug])).json()["events"]
    status = {e["id"]: e["status"] for e in events}
    assert status == {f"meeting-{held.pk}": "passed", f"meeting-{coming.pk}": "confirmed"}


def test_the_demo_calendar_holds_the_next_meetings(db, client_for):
    """The demo's calendar held only past meetings: a subscriber never saw the next."""
    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    load_meetings_demo(council)
    response = client_for(None).get(reverse("public:council_ics", args=[council.slug]))
    now = datetime.datetime(2024, 3, 1, tzinfo=UTC)
    coming = [e for e in _events(response) if e.decoded("dtstart") > now]
    # The board of 13 March 2024, its agenda not yet due.
    assert "Agenda to follow" in [str(e["description"]) for e in coming]
    page = client_for(None).get(reverse("public:council", args=[council.slug])).content.decode()
    assert "(agenda to follow)" in page


def test_a_council_with_only_a_scheduled_meeting_is_on_the_public_index(
    council, scheduled, client_for
):
    page = client_for(None).get(reverse("public:index")).content.decode()
    assert reverse("public:council", args=[council.slug]) in page

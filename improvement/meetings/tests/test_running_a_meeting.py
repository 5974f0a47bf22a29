"""Running a meeting: scheduling lands on the new meeting; publishing its agenda first
shows what the public will see and warns when it is late under the clear days rule.

The clock stands at Friday 1 March 2024 (the suite's frozen time)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.meetings import services
from improvement.meetings.models import Meeting
from improvement.meetings.tests.factories import BodyFactory

UTC = datetime.UTC


@pytest.fixture
def board(council):
    return BodyFactory(council=council)


def test_scheduling_a_meeting_lands_on_the_new_meeting(council, board, board_manager, client_for):
    url = reverse("meetings:meeting_create", args=[council.slug, board.slug])
    date = {"date_day": "10", "date_month": "4", "date_year": "2024"}
    response = client_for(board_manager).post(
        url, {**date, "time": "14:00", "location": "Town Hall", "is_public": "on"}
    )
    meeting = Meeting.objects.get(body=board)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "meetings:meeting_detail", args=[council.slug, meeting.pk]
    )


def _agenda(board_manager, board, day: int) -> Meeting:
    meeting = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 3, day, 14, tzinfo=UTC), "Town Hall"
    )
    item = services.add_agenda_item(board_manager, meeting, "Plan progress", description="Open")
    services.add_paper(
        board_manager, item, SimpleUploadedFile("progress.pdf", b"%PDF-1.4\n", "application/pdf")
    )
    services.add_agenda_item(
        board_manager,
        meeting,
        "Staffing matter",
        description="SECRET names of staff",
        exempt_paragraph=1,
    )
    return meeting


def test_the_preview_shows_what_the_public_will_see_and_exempt_items_by_paragraph_only(
    council, board, board_manager, client_for
):
    meeting = _agenda(board_manager, board, 20)
    client = client_for(board_manager)
    url = reverse("meetings:agenda_publish", args=[council.slug, meeting.pk])
    page = client.get(url).content.decode()
    assert "What the public will see" in page
    assert "1. Plan progress" in page and "progress.pdf" in page
    assert "2. Staffing matter" in page and "Exempt: paragraph 1 of Schedule 12A" in page
    assert "SECRET" not in page
    assert "This agenda is late" not in page and "Publish agenda</button>" in page
    meeting.refresh_from_db()
    assert meeting.agenda_published_on is None  # the preview alone publishes nothing
    response = client.post(url, {"version": meeting.version})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.agenda_published_on == datetime.date(2024, 3, 1)


def test_the_preview_warns_when_the_agenda_is_late_and_offers_no_button(
    council, board, board_manager, client_for
):
    """Wednesday 6 March: from Friday 1 March only two clear working days remain."""
    meeting = _agenda(board_manager, board, 6)
    url = reverse("meetings:agenda_publish", args=[council.slug, meeting.pk])
    page = client_for(board_manager).get(url).content.decode()
    deadline = services.agenda_deadline(meeting)
    assert deadline < datetime.date(2024, 3, 1)
    assert "This agenda is late" in page
    assert f"published by {deadline:%A %-d %B %Y}" in page and "only 2 remain" in page
    assert "Publish agenda</button>" not in page


def test_the_preview_of_a_meeting_held_in_private_says_only_its_date_is_shown(
    council, board, board_manager, client_for
):
    meeting = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 3, 20, 14, tzinfo=UTC), is_public=False
    )
    services.add_agenda_item(board_manager, meeting, "SECRET private item")
    url = reverse("meetings:agenda_publish", args=[council.slug, meeting.pk])
    page = client_for(board_manager).get(url).content.decode()
    assert "show only its date" in page and "SECRET private item" not in page

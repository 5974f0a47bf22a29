"""Running a meeting: scheduling lands on the new meeting; publishing its agenda first
shows what the public will see and warns when it is late under the clear days rule.

The clock stands at Friday 1 March 2024 (the suite's frozen time)."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.meetings import agenda, services
from improvement.meetings.models import AgendaItem, Meeting
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


@pytest.fixture
def three(board, board_manager):
    meeting = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 3, 20, 14, tzinfo=UTC), "Town Hall"
    )
    items = [services.add_agenda_item(board_manager, meeting, t) for t in ("A", "B", "C")]
    return meeting, items


def _titles(meeting: Meeting) -> list[tuple[int, str]]:
    return [(i.number, i.title) for i in meeting.items.all()]


def test_an_item_is_withdrawn_with_a_reason_kept_and_audited_and_the_rest_close_up(
    council, three, board_manager, client_for
):
    meeting, (a, b, _c) = three
    url = reverse("meetings:item_withdraw", args=[council.slug, b.pk])
    client = client_for(board_manager)
    refused = client.post(url, {"version": b.version, "reason": ""})
    assert "Enter why this item is being withdrawn" in refused.content.decode()
    response = client.post(url, {"version": b.version, "reason": "Report not ready"})
    assert response["Location"] == reverse(
        "meetings:meeting_detail", args=[council.slug, meeting.pk]
    )
    assert _titles(meeting) == [(1, "A"), (2, "C")]
    kept = AgendaItem.with_withdrawn.get(pk=b.pk)
    assert kept.archive_reason == "Report not ready" and kept.archived_at is not None
    entry = AuditEntry.objects.filter(object_id=str(b.pk), verb="withdrawn from the agenda")
    assert entry.exists()
    page = client.get(reverse("meetings:meeting_detail", args=[council.slug, meeting.pk]))
    assert "2. C" in page.content.decode() and ". B" not in page.content.decode()
    # Gone from the public calendar once the agenda is published, too.
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    ics = client_for(None).get(reverse("public:council_ics", args=[council.slug]))
    assert "B" not in str(
        icalendar.Calendar.from_ical(ics.content).walk("VEVENT")[0]["description"]
    )


def test_items_are_moved_up_and_down_and_each_move_is_audited(
    council, three, board_manager, client_for
):
    meeting, (a, b, c) = three
    client = client_for(board_manager)
    client.post(reverse("meetings:item_move", args=[council.slug, c.pk, "up"]), {"version": 1})
    assert _titles(meeting) == [(1, "A"), (2, "C"), (3, "B")]
    a.refresh_from_db()
    client.post(reverse("meetings:item_move", args=[council.slug, a.pk, "down"]), {"version": 1})
    assert _titles(meeting) == [(1, "C"), (2, "A"), (3, "B")]
    # At the top, up moves nothing.
    c.refresh_from_db()
    agenda.move_item(board_manager, c, agenda.UP)
    assert _titles(meeting) == [(1, "C"), (2, "A"), (3, "B")]
    assert AuditEntry.objects.filter(object_id=str(c.pk), verb="moved").count() == 2
    bad = reverse("meetings:item_move", args=[council.slug, c.pk, "sideways"])
    assert client.post(bad, {"version": c.version}).status_code == 404


def test_a_published_agenda_is_neither_reordered_nor_cut(council, three, board_manager, client_for):
    meeting, (_a, b, c) = three
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    client = client_for(board_manager)
    page = client.get(reverse("meetings:meeting_detail", args=[council.slug, meeting.pk]))
    assert "Move up" not in page.content.decode() and "Withdraw" not in page.content.decode()
    moved = client.post(
        reverse("meetings:item_move", args=[council.slug, c.pk, "up"]), {"version": c.version}
    )
    assert "can no longer be changed" in moved.content.decode()
    with pytest.raises(ValidationError):
        agenda.withdraw_item(board_manager, b, "Late")
    assert _titles(meeting) == [(1, "A"), (2, "B"), (3, "C")]


def test_only_the_board_manager_shapes_the_agenda(council, three, board_member, client_for):
    _meeting, (_a, b, _c) = three
    client = client_for(board_member)
    assert (
        client.get(reverse("meetings:item_withdraw", args=[council.slug, b.pk])).status_code == 403
    )
    move = reverse("meetings:item_move", args=[council.slug, b.pk, "up"])
    assert client.post(move, {"version": b.version}).status_code == 403

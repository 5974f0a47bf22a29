"""Every meetings page for every role of the fixed cast, and the forms that change them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.text import NOTES_TEXT
from improvement.meetings import services
from improvement.meetings.models import Meeting, Paper
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

ROLES = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]
SECRET = "Names of the staff under investigation"


@pytest.fixture
def setup(council, board_member):
    board = BodyFactory(council=council)
    member = PersonFactory(council=council, name="Bea Member", user=board_member)
    BodyMembershipFactory(body=board, person=member, role_title="Board member")
    meeting = MeetingFactory(
        body=board, starts_at=datetime.datetime(2024, 1, 10, 14, tzinfo=datetime.UTC)
    )
    later = MeetingFactory(
        body=board, starts_at=datetime.datetime(2024, 2, 21, 14, tzinfo=datetime.UTC)
    )
    meeting.attendance.create(person=member, status="present")
    open_item = AgendaItemFactory(meeting=meeting, title="Plan progress", description="Open text")
    exempt = AgendaItemFactory(
        meeting=meeting, title="Staffing matter", description=SECRET, exempt_paragraph=1
    )
    entry = meeting.action_log.create(council=council, text="Send the note")
    return {
        "board": board,
        "meeting": meeting,
        "later": later,
        "open": open_item,
        "exempt": exempt,
        "entry": entry,
    }


def read_urls(council, s):
    slug = council.slug
    return [
        reverse("meetings:index", args=[slug]),
        reverse("meetings:action_log", args=[slug]),
        reverse("meetings:body_detail", args=[slug, s["board"].slug]),
        reverse("meetings:meeting_detail", args=[slug, s["meeting"].pk]),
    ]


def manage_urls(council, s):
    slug, m, b, i = council.slug, s["meeting"].pk, s["board"].slug, s["open"].pk
    return [
        reverse("meetings:body_create", args=[slug]),
        reverse("meetings:member_add", args=[slug, b]),
        reverse("meetings:terms_add", args=[slug, b]),
        reverse("meetings:meeting_create", args=[slug, b]),
        reverse("meetings:programme_add", args=[slug, b]),
        reverse("meetings:body_routes", args=[slug, b]),
        reverse("meetings:item_add", args=[slug, m]),
        reverse("meetings:agenda_publish", args=[slug, m]),
        reverse("meetings:attendance_add", args=[slug, m]),
        reverse("meetings:minutes_publish", args=[slug, m]),
        reverse("meetings:action_add", args=[slug, m]),
        reverse("meetings:reporting_routes", args=[slug, m]),
        reverse("meetings:paper_add", args=[slug, i]),
        reverse("meetings:declaration_add", args=[slug, i]),
        reverse("meetings:minute_edit", args=[slug, i]),
        reverse("meetings:resolution_add", args=[slug, i]),
        reverse("meetings:action_close", args=[slug, s["entry"].pk]),
        reverse("meetings:attendance_change", args=[slug, s["meeting"].attendance.get().pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_in_the_council_reads_meetings(council, cast, setup, client_for, role):
    client = client_for(cast[role])
    for url in read_urls(council, setup):
        assert client.get(url).status_code == 200, url


def test_other_councils_officer_sees_nothing(council, cast, setup, client_for):
    client = client_for(cast["other_officer"])
    for url in read_urls(council, setup) + manage_urls(council, setup):
        assert client.get(url).status_code == 404, url


def test_the_public_is_asked_to_sign_in(council, setup, client_for):
    client = client_for(None)
    for url in read_urls(council, setup) + manage_urls(council, setup):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url


@pytest.mark.parametrize("role", ROLES)
def test_only_the_board_manager_opens_the_forms(council, cast, setup, client_for, role):
    client = client_for(cast[role])
    expected = 200 if role == "board_manager" else 403
    for url in manage_urls(council, setup):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("board_manager", True),
        ("chair", True),
        ("board_member", True),
        ("councillor", False),
        ("owner", False),
        ("complaints_manager", False),
    ],
)
def test_exempt_content_is_shown_only_to_members_manager_and_chair(
    council, cast, setup, client_for, role, sees
):
    url = reverse("meetings:meeting_detail", args=[council.slug, setup["meeting"].pk])
    body = client_for(cast[role]).get(url).content.decode()
    assert "Staffing matter" in body and "Exempt: paragraph 1 of Schedule 12A" in body
    assert (SECRET in body) is sees
    assert "Open text" in body


def test_an_exempt_paper_is_not_downloaded_by_a_councillor(
    council, cast, setup, client_for, board_manager
):
    paper = services.add_paper(
        board_manager, setup["exempt"], SimpleUploadedFile("s.txt", b"secret", "text/plain")
    )
    url = reverse("meetings:paper_download", args=[council.slug, paper.pk])
    assert client_for(cast["councillor"]).get(url).status_code == 404
    assert client_for(cast["board_member"]).get(url).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [("chair", 200), ("board_manager", 403), ("board_member", 403), ("councillor", 403)],
)
def test_the_chair_approves_board_minutes(council, cast, setup, client_for, role, expected):
    meeting = setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="draft")
    url = reverse("meetings:minutes_approve", args=[council.slug, meeting.pk])
    assert client_for(cast[role]).get(url).status_code == expected


def test_approving_minutes_through_the_form(council, chair, setup, client_for):
    meeting = setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="draft")
    url = reverse("meetings:minutes_approve", args=[council.slug, meeting.pk])
    meeting.refresh_from_db()
    response = client_for(chair).post(
        url, {"at_meeting": setup["later"].pk, "version": meeting.version}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == "approved" and meeting.minutes_approved_at == setup["later"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("board_member", 200), ("councillor", 403), ("chair", 403), ("board_manager", 200)],
)
def test_attendees_comment_on_draft_minutes(council, cast, setup, client_for, role, expected):
    meeting = setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="draft")
    url = reverse("meetings:comment_add", args=[council.slug, meeting.pk])
    assert client_for(cast[role]).get(url).status_code == expected


def test_the_agenda_builder_adds_an_exempt_item(council, board_manager, setup, client_for):
    meeting = setup["meeting"]
    url = reverse("meetings:item_add", args=[council.slug, meeting.pk])
    response = client_for(board_manager).post(
        url, {"title": "Legal advice", "exempt_paragraph": "5", "description": "Counsel"}
    )
    assert response.status_code == 302
    item = meeting.items.get(title="Legal advice")
    assert item.exempt_paragraph == 5 and item.number == setup["exempt"].number + 1


def test_publishing_an_agenda_too_late_is_refused_on_the_page(
    council, board_manager, setup, client_for
):
    soon = MeetingFactory(
        body=setup["board"], starts_at=datetime.datetime(2024, 3, 6, 14, tzinfo=datetime.UTC)
    )
    url = reverse("meetings:agenda_publish", args=[council.slug, soon.pk])
    response = client_for(board_manager).post(url, {"version": soon.version})
    assert response.status_code == 200
    assert "clear working days" in response.content.decode()
    soon.refresh_from_db()
    assert soon.agenda_published_on is None


def test_a_meeting_of_another_council_is_not_found(
    council, other_council, board_manager, client_for
):
    foreign = MeetingFactory(body=BodyFactory(council=other_council))
    url = reverse("meetings:meeting_detail", args=[council.slug, foreign.pk])
    assert client_for(board_manager).get(url).status_code == 404


def test_the_meetings_overview_costs_the_same_queries_for_more_meetings(
    council, board_manager, setup, client_for, django_assert_max_num_queries
):
    client = client_for(board_manager)
    url = reverse("meetings:index", args=[council.slug])
    client.get(url)
    with django_assert_max_num_queries(12) as before:
        client.get(url)
    for day in range(1, 20):
        MeetingFactory(
            body=setup["board"], starts_at=datetime.datetime(2024, 4, day, 14, tzinfo=datetime.UTC)
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)
    log = reverse("meetings:action_log", args=[council.slug])
    client.get(log)
    with django_assert_max_num_queries(12) as first:
        client.get(log)
    for n in range(10):
        setup["meeting"].action_log.create(council=council, text=f"More {n}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(log)
    assert Paper.objects.count() == 0


STALE = "after you opened it. Your changes have not been saved"
OUT_OF_DATE = "This page is out of date"


def _post(client, name, council, pk, data):
    return client.post(reverse(f"meetings:{name}", args=[council.slug, pk]), data)


def test_a_minute_without_a_version_is_refused(council, board_manager, setup, client_for):
    item = setup["open"]
    response = _post(client_for(board_manager), "minute_edit", council, item.pk, {"text": "Noted"})
    assert response.status_code == 200 and OUT_OF_DATE in response.content.decode()
    item.refresh_from_db()
    assert item.minute == ""


def test_a_stale_minute_is_refused_with_who_changed_it(council, board_manager, setup, client_for):
    item = setup["open"]
    client = client_for(board_manager)
    opened = item.version
    first = {"text": "First", "version": opened}
    assert _post(client, "minute_edit", council, item.pk, first).status_code == 302
    second = {"text": "Second", "version": opened}
    response = _post(client, "minute_edit", council, item.pk, second)
    assert STALE in response.content.decode() and "Penny Aubert" in response.content.decode()
    item.refresh_from_db()
    assert item.minute == "First"


def test_a_minute_longer_than_the_limit_is_refused(council, board_manager, setup, client_for):
    item = setup["open"]
    data = {"text": "x" * (NOTES_TEXT + 1), "version": item.version}
    response = _post(client_for(board_manager), "minute_edit", council, item.pk, data)
    assert response.status_code == 200 and "at most 20000 characters" in response.content.decode()
    item.refresh_from_db()
    assert item.minute == ""


def test_attendance_is_changed_only_at_the_version_it_was_read(
    council, board_manager, setup, client_for
):
    record = setup["meeting"].attendance.get()
    client = client_for(board_manager)
    change = {"status": "apologies"}
    response = _post(client, "attendance_change", council, record.pk, change)
    assert OUT_OF_DATE in response.content.decode()
    opened = record.version
    ok = _post(client, "attendance_change", council, record.pk, {**change, "version": opened})
    assert ok.status_code == 302
    again = {"status": "absent", "version": opened}
    assert STALE in _post(client, "attendance_change", council, record.pk, again).content.decode()
    record.refresh_from_db()
    assert record.status == "apologies"


def test_attendance_already_recorded_is_changed_not_recorded_again(
    council, board_manager, setup, client_for
):
    record = setup["meeting"].attendance.get()
    data = {"person": record.person_id, "status": "absent"}
    response = _post(
        client_for(board_manager), "attendance_add", council, setup["meeting"].pk, data
    )
    assert "already recorded: change it instead" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "present"


def test_closing_an_action_needs_the_version_it_was_read_at(
    council, board_manager, setup, client_for
):
    entry = setup["entry"]
    client = client_for(board_manager)
    response = _post(client, "action_close", council, entry.pk, {"outcome": "Sent"})
    assert OUT_OF_DATE in response.content.decode()
    stale = entry.version
    entry.text = "Send the note today"
    entry.version += 1
    entry.save()
    data = {"outcome": "Sent", "version": stale}
    assert STALE in _post(client, "action_close", council, entry.pk, data).content.decode()
    entry.refresh_from_db()
    assert entry.status == "open"


@pytest.mark.parametrize(
    ("name", "content", "refusal"),
    [
        ("payload.exe", b"MZ\x90\x00", "must be a"),
        ("minutes.pdf", b"<html>not a pdf</html>", "is not a real PDF file"),
        ("x" * 200 + ".pdf", b"%PDF-1.7", "filename has at most 200 characters"),
    ],
)
def test_a_paper_of_the_wrong_kind_is_refused_and_not_stored(
    council, board_manager, setup, client_for, name, content, refusal
):
    item = setup["open"]
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    response = _post(client_for(board_manager), "paper_add", council, item.pk, {"file": upload})
    assert response.status_code == 200 and refusal in response.content.decode()
    assert not Paper.objects.exists()


def test_a_paper_too_large_is_refused(council, board_manager, setup, client_for, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", b"x" * 2048, "text/plain")
    item = setup["open"]
    response = _post(client_for(board_manager), "paper_add", council, item.pk, {"file": upload})
    assert "must be smaller than" in response.content.decode()
    assert not Paper.objects.exists()


def test_a_real_pdf_paper_is_accepted(council, board_manager, setup, client_for):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7 report", "application/pdf")
    item = setup["open"]
    response = _post(client_for(board_manager), "paper_add", council, item.pk, {"file": upload})
    assert response.status_code == 302
    assert item.papers.get().name == "report.pdf"


def test_the_paper_service_refuses_a_file_of_the_wrong_kind(board_manager, setup):
    upload = SimpleUploadedFile("payload.exe", b"MZ", "application/octet-stream")
    with pytest.raises(ValidationError):
        services.add_paper(board_manager, setup["open"], upload)
    assert not Paper.objects.exists()


@pytest.mark.parametrize(
    ("role", "manages", "approves", "comments"),
    [
        ("board_manager", True, False, True),
        ("chair", False, True, False),
        ("board_member", False, False, True),
        ("councillor", False, False, False),
    ],
)
def test_each_role_is_offered_only_the_buttons_it_may_use(
    council, cast, setup, client_for, role, manages, approves, comments
):
    meeting = setup["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="draft")
    client = client_for(cast[role])
    page = client.get(reverse("meetings:meeting_detail", args=[council.slug, meeting.pk]))
    page = page.content.decode()
    assert ("Add an agenda item" in page) is manages
    assert ("Approve minutes" in page) is approves
    assert ("Comment on the draft minutes" in page) is comments
    index = client.get(reverse("meetings:index", args=[council.slug])).content.decode()
    assert ("Add a body" in index) is manages


def test_the_board_manager_names_the_boards_reporting_routes(
    council, setup, board_manager, client_for
):
    cabinet = BodyFactory(council=council, slug="cabinet", name="Cabinet", kind="cabinet")
    url = reverse("meetings:body_routes", args=[council.slug, setup["board"].slug])
    client = client_for(board_manager)
    assert "Cabinet" in client.get(url).content.decode()
    assert client.post(url, {"bodies": [cabinet.pk]}).status_code == 302
    assert list(setup["board"].reports_to.all()) == [cabinet]
    page = client.get(reverse("meetings:body_detail", args=[council.slug, setup["board"].slug]))
    assert "Reports to" in page.content.decode() and "Cabinet" in page.content.decode()

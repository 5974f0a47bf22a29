"""Changing a meeting and its items until the agenda is published, and a body's standard
agenda a new meeting starts from (ADR 040).

The clock stands at Friday 1 March 2024 (the suite's frozen time); the council gives
five clear working days' notice of a meeting."""

import datetime

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.models import AuditEntry
from improvement.core.tracking import StaleEdit
from improvement.meetings import agenda, forms, services
from improvement.meetings.models import Body, Meeting
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

UTC = datetime.UTC
WEDNESDAY_20TH = datetime.datetime(2024, 3, 20, 14, tzinfo=UTC)


@pytest.fixture
def board(council):
    return BodyFactory(council=council)


@pytest.fixture
def meeting(board, board_manager):
    return services.schedule_meeting(board_manager, board, WEDNESDAY_20TH, "Town Hall")


def _date(day: datetime.date) -> dict[str, str]:
    return {"date_day": str(day.day), "date_month": str(day.month), "date_year": str(day.year)}


def _change(client, council, meeting, day: datetime.date, **fields):
    url = reverse("meetings:meeting_edit", args=[council.slug, meeting.pk])
    data = {**_date(day), "time": "2pm", "location": "Town Hall", "is_public": "on"}
    data.update({"version": meeting.version, **fields})
    return client.post(url, {k: v for k, v in data.items() if v is not None}, follow=True)


def _page(client, council, meeting) -> str:
    url = reverse("meetings:meeting_detail", args=[council.slug, meeting.pk])
    return client.get(url).content.decode()


# Changing a meeting


def test_a_meeting_is_moved_and_its_venue_changed_audited_and_the_calendar_follows(
    council, board, meeting, board_manager, client_for
):
    planned = services.add_work_programme_item(
        board_manager, board, "Annual report", meeting=meeting
    )
    client = client_for(board_manager)
    form = client.get(reverse("meetings:meeting_edit", args=[council.slug, meeting.pk]))
    assert 'value="Town Hall"' in form.content.decode()
    assert "to be published by Tuesday 12 March 2024" in form.content.decode()
    response = _change(
        client,
        council,
        meeting,
        datetime.date(2024, 3, 27),
        time="2.30pm",
        location="Council Chamber",
        held_in_public="on",
    )
    assert "Meeting changed" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2024, 3, 27, 14, 30, tzinfo=UTC)
    assert meeting.location == "Council Chamber" and meeting.held_in_public
    entry = AuditEntry.objects.get(object_id=str(meeting.pk), verb="changed")
    assert set(entry.after) >= {"starts_at", "location", "held_in_public"}
    assert "Town Hall" in str(entry.before["location"])
    # The work programme item planned for its day moves with it, audited too.
    planned.refresh_from_db()
    assert planned.meeting_on == datetime.date(2024, 3, 27)
    assert AuditEntry.objects.filter(object_id=str(planned.pk), verb="moved with its meeting")
    # The public calendar reads the meeting itself: it has the new date and time.
    ics = client_for(None).get(reverse("public:council_ics", args=[council.slug]))
    event = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert event["dtstart"].dt == datetime.datetime(2024, 3, 27, 14, 30, tzinfo=UTC)


def test_moving_a_meeting_too_close_warns_that_the_agenda_is_now_late(
    council, meeting, board_manager, client_for
):
    """Thursday 7 March: from Friday 1 March only three clear working days remain."""
    response = _change(client_for(board_manager), council, meeting, datetime.date(2024, 3, 7))
    page = response.content.decode()
    assert "The agenda is now late" in page
    assert "5 clear working days" in page and "only 3 clear working days remain" in page
    meeting.refresh_from_db()
    assert services.meeting_day(meeting) == datetime.date(2024, 3, 7)


def test_a_meeting_is_not_moved_to_a_weekend(council, meeting, board_manager, client_for):
    response = _change(client_for(board_manager), council, meeting, datetime.date(2024, 3, 16))
    assert "Saturday 16 March 2024 is a weekend" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at == WEDNESDAY_20TH


def test_a_meeting_already_on_a_day_off_may_still_change_its_venue(board, board_manager):
    saturday = datetime.datetime(2024, 3, 16, 14, tzinfo=UTC)
    meeting = MeetingFactory(body=board, starts_at=saturday)
    agenda.change_meeting(
        board_manager,
        meeting,
        starts_at=saturday,
        location="Council Chamber",
        is_public=True,
        held_in_public=False,
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    assert meeting.location == "Council Chamber"


def test_a_stale_change_to_a_meeting_is_refused(council, meeting, board_manager, client_for):
    client = client_for(board_manager)
    stale = meeting.version
    agenda.change_meeting(
        board_manager,
        meeting,
        starts_at=WEDNESDAY_20TH,
        location="Sand Martin House",
        is_public=True,
        held_in_public=False,
        expected_version=stale,
    )
    response = _change(client, council, meeting, datetime.date(2024, 3, 27), version=stale)
    assert "after you opened it" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.location == "Sand Martin House" and meeting.starts_at == WEDNESDAY_20TH


def test_a_meeting_is_not_changed_once_its_agenda_is_published(
    council, meeting, board_manager, client_for
):
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    client = client_for(board_manager)
    assert "Change date, time or place" not in _page(client, council, meeting)
    url = reverse("meetings:meeting_edit", args=[council.slug, meeting.pk])
    page = client.get(url).content.decode()
    assert "can no longer be changed" in page and "published on 1 March 2024" in page
    assert 'name="version"' not in page  # no form to fill in only to be refused
    _change(client, council, meeting, datetime.date(2024, 3, 27))
    with pytest.raises(ValidationError, match="can no longer be changed"):
        agenda.change_meeting(
            board_manager,
            meeting,
            starts_at=WEDNESDAY_20TH,
            location="Elsewhere",
            is_public=True,
            held_in_public=False,
        )
    meeting.refresh_from_db()
    assert meeting.starts_at == WEDNESDAY_20TH and meeting.location == "Town Hall"


def test_a_cancelled_meeting_is_not_changed(meeting, board_manager):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="cancelled"):
        agenda.change_meeting(
            board_manager,
            meeting,
            starts_at=WEDNESDAY_20TH,
            location="Elsewhere",
            is_public=True,
            held_in_public=False,
        )


# Changing an item


@pytest.fixture
def item(meeting, board_manager):
    return services.add_agenda_item(
        board_manager, meeting, "Plan progress", description="Open", report_author="Director"
    )


def test_an_item_is_changed_and_audited(council, meeting, item, board_manager, client_for):
    action = ActionFactory(council=council, objective=ObjectiveFactory(council=council))
    client = client_for(board_manager)
    url = reverse("meetings:item_edit", args=[council.slug, item.pk])
    form = client.get(url).content.decode()
    assert 'value="Plan progress"' in form
    meeting_page = reverse("meetings:meeting_detail", args=[council.slug, meeting.pk])
    assert f'href="{meeting_page}">Cancel' in form  # not to items/<pk>/, which is no page
    response = client.post(
        url,
        {
            "version": item.version,
            "title": "Plan progress: the front door",
            "description": "MASH timeliness",
            "report_author": "Service Director",
            "exempt_paragraph": "3",
            "actions": [action.pk],
        },
    )
    assert response["Location"] == reverse(
        "meetings:meeting_detail", args=[council.slug, meeting.pk]
    )
    item.refresh_from_db()
    assert (item.title, item.description, item.report_author, item.exempt_paragraph) == (
        "Plan progress: the front door",
        "MASH timeliness",
        "Service Director",
        3,
    )
    assert list(item.actions.all()) == [action]
    entry = AuditEntry.objects.get(object_id=str(item.pk), verb="changed")
    assert entry.before["title"] == "Plan progress" and entry.after["actions"] == [action.pk]
    assert "Change<span" in _page(client, council, meeting)


def test_a_stale_change_to_an_item_is_refused(council, item, board_manager, client_for):
    stale = item.version
    agenda.change_item(board_manager, item, {"title": "Renamed"}, expected_version=stale)
    url = reverse("meetings:item_edit", args=[council.slug, item.pk])
    response = client_for(board_manager).post(url, {"version": stale, "title": "Mine"})
    assert "after you opened it" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Renamed"
    with pytest.raises(StaleEdit):
        agenda.change_item(board_manager, item, {"title": "Mine"}, expected_version=stale)


def test_an_item_is_not_changed_once_the_agenda_is_published(
    council, meeting, item, board_manager, client_for
):
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    client = client_for(board_manager)
    assert "Change<span" not in _page(client, council, meeting)
    url = reverse("meetings:item_edit", args=[council.slug, item.pk])
    assert "can no longer be changed" in client.get(url).content.decode()
    client.post(url, {"version": item.version, "title": "Late change"})
    with pytest.raises(ValidationError, match="can no longer be changed"):
        agenda.change_item(board_manager, item, {"title": "Late change"})
    item.refresh_from_db()
    assert item.title == "Plan progress"


# A body's standard agenda


def test_the_standard_agenda_is_set_one_item_a_line_and_shown_on_the_body_page(
    council, board, board_manager, client_for
):
    client = client_for(board_manager)
    body_page = reverse("meetings:body_detail", args=[council.slug, board.slug])
    assert "No standard agenda" in client.get(body_page).content.decode()
    url = reverse("meetings:standard_agenda", args=[council.slug, board.slug])
    text = "1. Apologies for absence\r\n\r\n2) Declarations of interest\r\n- Any other business\r\n"
    response = client.post(url, {"version": board.version, "items": text})
    assert response["Location"] == body_page
    board.refresh_from_db()
    assert board.standard_items == [
        "Apologies for absence",
        "Declarations of interest",
        "Any other business",
    ]
    assert AuditEntry.objects.filter(object_id=str(board.pk), verb="standard agenda set")
    page = client.get(body_page).content.decode()
    assert "<li>Declarations of interest</li>" in page
    too_long = client.post(url, {"version": board.version, "items": "Fine\n" + "x" * 501})
    assert "Item 2 must be 500 characters or fewer" in too_long.content.decode()


def test_a_meeting_scheduled_from_the_standard_agenda_has_its_items_in_order(
    council, board, board_manager, client_for
):
    agenda.set_standard_agenda(
        board_manager, board, "Apologies\nDeclarations of interest\nMinutes\nAny other business"
    )
    client = client_for(board_manager)
    url = reverse("meetings:meeting_create", args=[council.slug, board.slug])
    form = client.get(url).content.decode()
    assert "Start the agenda from the standard agenda" in form
    assert "checked" in form.split('name="standard_agenda"')[1].split(">")[0]
    base = {"time": "2pm", "location": "Town Hall", "is_public": "on"}
    client.post(url, {**_date(datetime.date(2024, 3, 20)), **base, "standard_agenda": "on"})
    client.post(url, {**_date(datetime.date(2024, 3, 27)), **base})
    first, second = Meeting.objects.filter(body=board).order_by("starts_at")
    assert [(i.number, i.title) for i in first.items.all()] == [
        (1, "Apologies"),
        (2, "Declarations of interest"),
        (3, "Minutes"),
        (4, "Any other business"),
    ]
    assert not second.items.exists()  # unticked: the agenda starts empty


def test_a_body_without_a_standard_agenda_offers_no_tick_box(council, board):
    assert "standard_agenda" not in forms.MeetingForm(council=council, standard_items=[]).fields
    ticked = forms.MeetingForm(council=council, standard_items=["Apologies"])
    assert ticked.fields["standard_agenda"].initial is True


# Who may change what


@pytest.mark.parametrize("role", ["chair", "board_member", "councillor", "owner"])
def test_only_the_board_manager_changes_a_meeting_an_item_or_a_standard_agenda(
    request, role, council, board, meeting, item, client_for
):
    user = request.getfixturevalue(role)
    client = client_for(user)
    urls = [
        reverse("meetings:meeting_edit", args=[council.slug, meeting.pk]),
        reverse("meetings:item_edit", args=[council.slug, item.pk]),
        reverse("meetings:standard_agenda", args=[council.slug, board.slug]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403
        assert client.post(url, {"version": 1, "title": "X", "items": "X"}).status_code == 403
    with pytest.raises(PermissionDenied):
        agenda.change_item(user, item, {"title": "X"})
    with pytest.raises(PermissionDenied):
        agenda.set_standard_agenda(user, board, "X")
    with pytest.raises(PermissionDenied):
        agenda.change_meeting(
            user,
            meeting,
            starts_at=WEDNESDAY_20TH,
            location="X",
            is_public=True,
            held_in_public=True,
        )
    item.refresh_from_db()
    board.refresh_from_db()
    assert item.title == "Plan progress" and board.standard_agenda == ""


def test_another_councils_meeting_is_not_found(
    other_council, council, meeting, item, board_manager, client_for
):
    client = client_for(board_manager)
    assert (
        client.get(
            reverse("meetings:meeting_edit", args=[other_council.slug, meeting.pk])
        ).status_code
        == 404
    )
    other_board = BodyFactory(council=other_council)
    with pytest.raises(PermissionDenied):
        agenda.set_standard_agenda(board_manager, other_board, "X")


# Lists within forms in their natural order


def test_form_choices_come_in_plan_order_and_people_by_name(council):
    first = ObjectiveFactory(council=council, ref="1", position=1)
    second = ObjectiveFactory(council=council, ref="2", position=2)
    refs = [("2.1", second, 1), ("1.10", first, 10), ("1.2", first, 2), ("1.1", first, 1)]
    for ref, objective, position in refs:
        ActionFactory(council=council, objective=objective, ref=ref, position=position)
    for name in ("Zara Young", "Adam Ball", "Mo Khan"):
        PersonFactory(council=council, name=name)
    item_form = forms.ItemForm(council=council)
    assert [a.ref for a in item_form.fields["actions"].queryset] == ["1.1", "1.2", "1.10", "2.1"]
    log_form = forms.MeetingActionForm(council=council)
    assert [a.ref for a in log_form.fields["plan_action"].queryset] == [
        "1.1",
        "1.2",
        "1.10",
        "2.1",
    ]
    names = [p.name for p in log_form.fields["owner"].queryset]
    assert names == sorted(names) and "Adam Ball" in names


def test_the_standard_items_ignore_blank_lines_numbers_and_bullets():
    assert agenda.standard_items(" 1. Apologies \n\n• Minutes\n* AOB\n10) Close\n2024 budget") == [
        "Apologies",
        "Minutes",
        "AOB",
        "Close",
        "2024 budget",
    ]
    assert Body().standard_items == []


@pytest.mark.parametrize(
    "past",
    [
        {"starts_at": datetime.datetime(2024, 2, 28, 14, tzinfo=UTC)},  # it took place
        {"minutes_status": Meeting.Minutes.PUBLISHED},  # its minutes are out
    ],
    ids=["held", "minuted"],
)
def test_a_meeting_held_or_minuted_keeps_its_agenda_though_it_was_never_published(
    council, meeting, item, board_manager, client_for, past
):
    """The agenda of a meeting that has taken place, or whose minutes are begun, is the
    record its minutes hang on: no item is changed, withdrawn or moved, in the service
    or on the page, and the meeting's page offers none of it."""
    Meeting.objects.filter(pk=meeting.pk).update(**past)
    meeting.refresh_from_db()
    item.refresh_from_db()
    calls = [
        lambda: agenda.change_item(board_manager, item, {"title": "Rewritten"}),
        lambda: agenda.withdraw_item(board_manager, item, "Gone"),
        lambda: agenda.move_item(board_manager, item, agenda.DOWN),
        lambda: agenda.change_meeting(
            board_manager,
            meeting,
            starts_at=WEDNESDAY_20TH,
            location="Elsewhere",
            is_public=True,
            held_in_public=False,
        ),
    ]
    for call in calls:
        with pytest.raises(ValidationError, match="can no longer be changed"):
            call()
    client = client_for(board_manager)
    for name, args in (
        ("meetings:item_edit", [item.pk]),
        ("meetings:item_withdraw", [item.pk]),
        ("meetings:meeting_edit", [meeting.pk]),
    ):
        page = client.get(reverse(name, args=[council.slug, *args])).content.decode()
        assert "This can no longer be changed here." in page
    detail = _page(client, council, meeting)
    assert reverse("meetings:item_withdraw", args=[council.slug, item.pk]) not in detail
    assert reverse("meetings:item_edit", args=[council.slug, item.pk]) not in detail
    item.refresh_from_db()
    assert item.title == "Plan progress" and item.archived_at is None

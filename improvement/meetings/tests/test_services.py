"""The meeting verbs: scheduling, clear days, the minutes workflow and the log."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from improvement.accounts.tests.factories import PersonFactory
from improvement.core import access
from improvement.core.audit import history_for
from improvement.core.working_days import is_working_day
from improvement.meetings import minutes, services
from improvement.meetings.models import Body, Decision, Meeting
from improvement.meetings.permissions import is_body_member
from improvement.meetings.queries import open_actions_carried_forward, overdue_work_programme_items
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

UTC = datetime.UTC


def at(year, month, day, hour=14):
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


@pytest.fixture
def board(council):
    return BodyFactory(council=council)


@pytest.fixture
def scrutiny(council):
    return BodyFactory(
        council=council,
        slug="scrutiny",
        name="Children and Education Scrutiny Committee",
        kind=Body.Kind.SCRUTINY,
    )


def test_a_series_is_scheduled_every_six_weeks_until_the_date(board, board_manager):
    meetings = services.schedule_series(
        board_manager, board, at(2023, 11, 8), until=datetime.date(2024, 3, 1)
    )
    assert [m.starts_at.date() for m in meetings] == [
        datetime.date(2023, 11, 8),
        datetime.date(2023, 12, 20),
        datetime.date(2024, 1, 31),
    ]
    assert len({m.series for m in meetings}) == 1


def test_a_series_date_on_new_years_day_moves_to_the_next_working_day(board, board_manager):
    # Six-weekly from Wednesday 8 November 2023, the tenth meeting would be Wednesday
    # 1 January 2025, a bank holiday: it is held on Thursday 2 January instead, and the
    # cycle carries on from its own dates.
    meetings = services.schedule_series(
        board_manager, board, at(2023, 11, 8), until=datetime.date(2025, 2, 20)
    )
    days = [services.meeting_day(m) for m in meetings]
    assert datetime.date(2025, 1, 1) not in days
    assert days[-2:] == [datetime.date(2025, 1, 2), datetime.date(2025, 2, 12)]
    assert all(is_working_day(day) for day in days)


@pytest.mark.parametrize(
    "day",
    [datetime.date(2025, 1, 1), datetime.date(2024, 3, 29), datetime.date(2024, 3, 2)],
    ids=["new-years-day", "good-friday", "saturday"],
)
def test_a_meeting_is_not_scheduled_on_a_weekend_or_bank_holiday(board, board_manager, day):
    with pytest.raises(ValidationError, match="meetings are held on working days"):
        services.schedule_meeting(board_manager, board, at(day.year, day.month, day.day))
    assert not board.meetings.exists()


def test_an_agenda_is_not_published_on_a_sunday(board, board_manager):
    meeting = MeetingFactory(body=board, starts_at=at(2024, 3, 20))
    with pytest.raises(ValidationError, match="Sunday 10 March 2024 is a weekend"):
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 10))
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 8))
    meeting.refresh_from_db()
    assert meeting.agenda_published_on == datetime.date(2024, 3, 8)


def test_only_the_board_manager_schedules(board, chair, councillor):
    for user in (chair, councillor):
        with pytest.raises(PermissionDenied):
            services.schedule_meeting(user, board, at(2024, 4, 1))


@pytest.mark.parametrize(
    ("published", "meeting", "clear"),
    [
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 8), 4),  # Fri to Fri
        (datetime.date(2024, 2, 29), datetime.date(2024, 3, 8), 5),
        (datetime.date(2024, 3, 28), datetime.date(2024, 4, 5), 3),  # Good Friday, Easter Monday
        (datetime.date(2024, 3, 26), datetime.date(2024, 4, 5), 5),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1), 0),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 4), 0),  # weekend only
    ],
)
def test_clear_days_count_neither_the_publication_nor_the_meeting_day(published, meeting, clear):
    assert services.clear_days(published, meeting) == clear


def test_the_agenda_is_refused_when_fewer_than_the_clear_days_remain(board, board_manager):
    meeting = MeetingFactory(body=board, starts_at=at(2024, 3, 8))
    with pytest.raises(ValidationError, match="only 4 remain"):
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 2, 29))
    meeting.refresh_from_db()
    assert meeting.agenda_published_on == datetime.date(2024, 2, 29)
    assert history_for(meeting).filter(verb="agenda published").exists()


def test_the_clear_days_setting_is_the_councils(council, board, board_manager):
    council.agenda_clear_days = 2
    council.save()
    meeting = MeetingFactory(body=board, starts_at=at(2024, 3, 6))
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))


def test_an_exempt_item_needs_a_paragraph_from_one_to_seven(board, board_manager):
    meeting = MeetingFactory(body=board)
    with pytest.raises(ValidationError):
        services.add_agenda_item(board_manager, meeting, "Secret", exempt_paragraph=8)
    item = services.add_agenda_item(board_manager, meeting, "Staffing", exempt_paragraph=1)
    assert item.number == 1 and item.exempt_notice == "Exempt: paragraph 1 of Schedule 12A"


@pytest.fixture
def held(board, board_member):
    meeting = MeetingFactory(body=board, starts_at=at(2024, 1, 10))
    nxt = MeetingFactory(body=board, starts_at=at(2024, 2, 21))
    person = PersonFactory(council=board.council, name="Bea Member", user=board_member)
    meeting.attendance.create(person=person, status="present")
    return meeting, nxt, AgendaItemFactory(meeting=meeting)


def test_minutes_go_draft_approved_published_by_the_permitted_roles(
    held, board_manager, chair, board_member, councillor
):
    meeting, nxt, item = held
    with pytest.raises(PermissionDenied):
        minutes.draft_minute(chair, item, "Noted")
    minutes.draft_minute(board_manager, item, "The board noted the report.")
    minutes.comment_on_minutes(board_member, meeting, "Add my apologies for lateness")
    with pytest.raises(PermissionDenied):
        minutes.comment_on_minutes(councillor, meeting, "I was not there")
    for user in (board_manager, board_member, councillor):
        with pytest.raises(PermissionDenied):
            minutes.approve_minutes(user, meeting, nxt)
    with pytest.raises(ValidationError):
        minutes.publish_minutes(board_manager, meeting)
    decision = minutes.approve_minutes(chair, meeting, nxt)
    assert decision.kind == Decision.Kind.MINUTES and decision.meeting == nxt
    with pytest.raises(ValidationError):
        minutes.draft_minute(board_manager, item, "Rewritten")
    for user in (chair, board_member):
        with pytest.raises(PermissionDenied):
            minutes.publish_minutes(user, meeting)
    minutes.publish_minutes(board_manager, meeting)
    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.Minutes.PUBLISHED
    verbs = set(history_for(meeting).values_list("verb", flat=True))
    assert {"minutes drafted", "minutes approved", "minutes published"} <= verbs
    assert history_for(item).filter(verb="minute drafted").exists()


def test_minutes_are_approved_only_at_a_later_meeting_of_the_body(held, chair):
    meeting, _nxt, item = held
    meeting.minutes_status = "draft"
    meeting.save()
    with pytest.raises(ValidationError):
        minutes.approve_minutes(chair, meeting, meeting)


def test_an_officer_request_becomes_a_tracked_action_and_is_carried_forward(
    held, board_manager, owner_person
):
    meeting, nxt, item = held
    entry = minutes.add_meeting_action(
        board_manager,
        meeting,
        "Provide a briefing note",
        owner_person,
        datetime.date(2024, 2, 1),
        item=item,
        kind="officer_request",
    )
    assert list(open_actions_carried_forward(nxt)) == [entry]
    minutes.close_meeting_action(board_manager, entry, "Sent")
    assert list(open_actions_carried_forward(nxt)) == []
    assert history_for(entry).filter(verb="action closed").exists()


def test_an_action_log_entry_can_create_and_change_a_plan_action(
    council, held, board_manager, owner_person
):
    meeting, _nxt, _item = held
    objective = ObjectiveFactory(council=council)
    entry = minutes.add_meeting_action(
        board_manager,
        meeting,
        "Audit strategy discussions",
        owner_person,
        datetime.date(2024, 5, 1),
        new_plan_action={"objective": objective, "ref": "9.1"},
    )
    assert entry.plan_action.objective == objective and entry.plan_action.ref == "9.1"
    assert list(entry.plan_action.owners.all()) == [owner_person]
    action = entry.plan_action
    minutes.change_plan_action(
        board_manager, entry, {"title": "Audit all strategy discussions"}, action.version
    )
    action.refresh_from_db()
    assert action.title == "Audit all strategy discussions"


def test_a_plan_action_of_another_council_cannot_be_linked(held, board_manager, other_council):
    meeting, _nxt, _item = held
    foreign = ActionFactory(objective=ObjectiveFactory(council=other_council))
    with pytest.raises(ValidationError):
        minutes.add_meeting_action(board_manager, meeting, "X", plan_action=foreign)


def test_a_board_report_route_lands_once_on_each_named_committee_including_cabinet(
    council, board, scrutiny, board_manager
):
    # Seed 000 routes the board's recommendations through Cabinet, the Children and
    # Education Scrutiny Committee and Full Council.
    full = BodyFactory(council=council, slug="council", name="Full Council", kind="full_council")
    lscp = BodyFactory(council=council, slug="lscp", name="LSCP", kind="safeguarding")
    cabinet = BodyFactory(council=council, slug="cabinet", name="Cabinet", kind="cabinet")
    other = BodyFactory(council=council, slug="adults", name="Adults Scrutiny", kind="scrutiny")
    services.set_reporting_routes(board_manager, board, [cabinet, scrutiny, full, lscp])
    later = MeetingFactory(body=scrutiny, starts_at=at(2024, 3, 11))
    meeting = MeetingFactory(body=board, starts_at=at(2024, 2, 7))
    items = services.add_reporting_route_items(board_manager, meeting)
    assert sorted(i.body.name for i in items) == sorted(
        b.name for b in (cabinet, scrutiny, full, lscp)
    )
    assert len(items) == 4
    assert not other.forward_items.exists()
    assert next(i for i in items if i.body == scrutiny).meeting == later
    assert services.add_reporting_route_items(board_manager, meeting) == []
    for body in (cabinet, scrutiny, full, lscp):
        assert body.forward_items.filter(source_meeting=meeting).count() == 1


def test_a_board_with_no_routes_named_is_told_to_name_them(board, board_manager):
    meeting = MeetingFactory(body=board, starts_at=at(2024, 2, 7))
    with pytest.raises(ValidationError, match="Name the bodies this board reports to"):
        services.add_reporting_route_items(board_manager, meeting)


def test_reporting_routes_are_the_boards_and_name_this_councils_bodies(
    council, other_council, board, scrutiny, board_manager
):
    foreign = BodyFactory(council=other_council, slug="cabinet", name="Cabinet", kind="cabinet")
    with pytest.raises(ValidationError):
        services.set_reporting_routes(board_manager, board, [foreign])
    with pytest.raises(ValidationError, match="belong to an improvement board"):
        services.set_reporting_routes(board_manager, scrutiny, [board])
    with pytest.raises(ValidationError):
        services.set_reporting_routes(board_manager, board, [board])


def test_work_programme_items_past_their_deadline_are_flagged(council, scrutiny, board_manager):
    late = services.add_work_programme_item(
        board_manager,
        scrutiny,
        "SEND report",
        meeting_on=datetime.date(2024, 3, 11),
        draft_deadline=datetime.date(2024, 2, 19),
        final_deadline=datetime.date(2024, 2, 27),
    )
    services.add_work_programme_item(
        board_manager,
        scrutiny,
        "Later",
        meeting_on=datetime.date(2024, 4, 11),
        draft_deadline=datetime.date(2024, 3, 19),
        final_deadline=datetime.date(2024, 3, 27),
    )
    assert list(overdue_work_programme_items(council)) == [late]


def test_terms_of_reference_are_versioned_and_say_who_approved_them(board, board_manager):
    first = services.add_terms_of_reference(
        board_manager, board, "v1", datetime.date(2023, 11, 1), approved_by_name="Full Council"
    )
    second = services.add_terms_of_reference(
        board_manager, board, "v2", datetime.date(2024, 1, 10), approved_by_name="The board"
    )
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ValidationError):
        services.add_terms_of_reference(board_manager, board, "v3", datetime.date(2024, 2, 1))


def test_minutes_cannot_be_written_before_the_meeting_starts(board, board_manager):
    future = MeetingFactory(body=board, starts_at=at(2024, 3, 20))
    with pytest.raises(ValidationError, match="once the meeting has started"):
        minutes.draft_minute(board_manager, AgendaItemFactory(meeting=future), "Noted")


def test_minutes_are_approved_only_at_a_meeting_that_has_taken_place(
    held, board_manager, chair, board
):
    meeting, _, item = held
    minutes.draft_minute(board_manager, item, "The board noted the report.")
    upcoming = MeetingFactory(body=board, starts_at=at(2024, 4, 3))
    with pytest.raises(ValidationError, match="meeting that has taken place"):
        minutes.approve_minutes(chair, meeting, upcoming)
    meeting.refresh_from_db()
    assert meeting.minutes_status == "draft"


def test_a_member_whose_membership_has_ended_no_longer_sees_exempt_items(board, board_member):
    person = PersonFactory(council=board.council, name="Former Member", user=board_member)
    BodyMembershipFactory(
        body=board, person=person, role_title="Member", ends_on=datetime.date(2024, 2, 1)
    )
    assert not is_body_member(board_member, board)
    assert not access.allowed(board_member, "meetings.see_exempt", board)

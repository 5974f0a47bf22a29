"""The meetings port the plan asks how far back owners may date an update."""

import datetime

from improvement.meetings.models import Body, Meeting
from improvement.meetings.ports import last_board_meeting_before
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory
from improvement.plans.dating import owners_earliest


def _at(day):
    return datetime.datetime(day.year, day.month, day.day, 14, tzinfo=datetime.UTC)


def test_the_last_board_meeting_is_the_latest_held_by_the_improvement_board(council):
    board = BodyFactory(council=council, kind=Body.Kind.IMPROVEMENT_BOARD)
    scrutiny = BodyFactory(council=council, kind=Body.Kind.SCRUTINY, slug="scrutiny")
    MeetingFactory(body=board, starts_at=_at(datetime.date(2024, 1, 10)))
    MeetingFactory(body=scrutiny, starts_at=_at(datetime.date(2024, 2, 20)))
    MeetingFactory(
        body=board, starts_at=_at(datetime.date(2024, 2, 14)), status=Meeting.Status.CANCELLED
    )
    MeetingFactory(body=board, starts_at=_at(datetime.date(2024, 3, 20)))
    today = datetime.date(2024, 3, 1)
    assert last_board_meeting_before(council, today) == datetime.date(2024, 1, 10)
    assert owners_earliest(council) == datetime.date(2024, 1, 10)


def test_a_board_that_has_not_met_has_no_last_meeting(council):
    assert last_board_meeting_before(council, datetime.date(2024, 3, 1)) is None

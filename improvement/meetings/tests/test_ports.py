"""What other domain apps rely on from meetings."""

import datetime

from improvement.meetings import ports
from improvement.meetings.models import Body
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory

D = datetime.date


def at(month, day):
    return datetime.datetime(2024, month, day, 14, tzinfo=datetime.UTC)


def test_the_last_board_meeting_on_or_before_a_date(council, other_council):
    board = BodyFactory(council=council)
    scrutiny = BodyFactory(council=council, slug="scrutiny", kind=Body.Kind.SCRUTINY)
    MeetingFactory(body=board, starts_at=at(1, 10))
    MeetingFactory(body=board, starts_at=at(2, 21))
    MeetingFactory(body=board, starts_at=at(2, 28), status="cancelled")
    MeetingFactory(body=scrutiny, starts_at=at(2, 26))
    MeetingFactory(body=BodyFactory(council=other_council), starts_at=at(2, 27))
    assert ports.last_board_meeting_before(council, D(2024, 2, 21)) == D(2024, 2, 21)
    assert ports.last_board_meeting_before(council, D(2024, 2, 29)) == D(2024, 2, 21)
    assert ports.last_board_meeting_before(council, D(2024, 2, 20)) == D(2024, 1, 10)
    assert ports.last_board_meeting_before(council, D(2024, 1, 9)) is None

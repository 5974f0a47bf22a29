import datetime

import pytest
from django.core.cache import cache

from improvement.meetings import minutes, services
from improvement.meetings.tests.factories import BodyFactory

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db):
    """The API's per-address limit lives in the shared (database) cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def record(council, board_manager, chair):
    """Two board meetings with published agendas, the first with an open item whose
    minutes are published and an exempt one; and a meeting never published."""
    board = BodyFactory(council=council)
    first = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 1, 10, 14, tzinfo=UTC), "Town Hall"
    )
    second = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 2, 21, 14, tzinfo=UTC), "Town Hall"
    )
    draft = services.schedule_meeting(
        board_manager, board, datetime.datetime(2024, 4, 3, 14, tzinfo=UTC), "Town Hall"
    )
    services.add_agenda_item(board_manager, draft, "Not yet published", description="Draft")
    item = services.add_agenda_item(
        board_manager, first, "Plan progress", description='=HYPERLINK("http://x")'
    )
    exempt = services.add_agenda_item(
        board_manager, first, "Staffing", description="SECRET staffing", exempt_paragraph=1
    )
    minutes.draft_minute(board_manager, item, "The board noted progress.")
    minutes.draft_minute(board_manager, exempt, "SECRET minute")
    minutes.record_resolution(board_manager, exempt, "SECRET resolution")
    for meeting in (first, second):
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 1, 2))
    minutes.approve_minutes(chair, first, second)
    minutes.publish_minutes(board_manager, first)
    return {"board": board, "first": first, "second": second, "draft": draft, "item": item}

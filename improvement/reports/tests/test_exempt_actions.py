from improvement.accounts.tests.factories import PersonFactory
from improvement.documents.html import print_html
from improvement.meetings import minutes
from improvement.meetings.tests.factories import AgendaItemFactory
from improvement.reports.board import board_progress
from improvement.reports.tests.factories import board_meeting


def test_actions_from_exempt_items_never_reach_the_board_report(council, board_manager):
    meeting = board_meeting(council)
    person = PersonFactory(council=council, name="Head of Service")
    open_item = AgendaItemFactory(meeting=meeting, title="Progress")
    exempt_item = AgendaItemFactory(meeting=meeting, title="Staffing", exempt_paragraph=1)
    minutes.add_meeting_action(
        board_manager, meeting, "Circulate the scorecard", person, item=open_item
    )
    minutes.add_meeting_action(
        board_manager, meeting, "SECRET interim cover for the post", person, item=exempt_item
    )
    html = print_html(board_progress(meeting))
    assert "Circulate the scorecard" in html
    assert "SECRET" not in html
    assert "1 action arising from exempt items" in html


def test_the_services_refuse_people_who_may_not_write_reports(council, board_manager, councillor):
    import pytest
    from django.core.exceptions import PermissionDenied

    from improvement.reports import services

    meeting = board_meeting(council)
    with pytest.raises(PermissionDenied):
        services.create_report(
            councillor, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
        )
    report = services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    for call in (services.finalise, services.publish, services.revise):
        with pytest.raises(PermissionDenied):
            call(councillor, report)

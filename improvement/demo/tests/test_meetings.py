"""The demo loads the board and committees of the seeds, twice without change."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from improvement.accounts.tests.factories import CouncilFactory
from improvement.core.models import AuditEntry
from improvement.demo.meetings import load_meetings_demo
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory


def test_the_demo_loads_without_a_plan_and_is_idempotent(db):
    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    load_meetings_demo(council)
    count = AuditEntry.objects.count()
    load_meetings_demo(council)
    assert AuditEntry.objects.count() == count
    board = council.bodies.get(slug="improvement-board")
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    assert board.memberships.get(position="chair").person.name == "Sally Rowe"
    assert board.terms.get().approver == "Full Council"
    first = board.meetings.first()
    assert first.starts_at.date() == datetime.date(2023, 11, 8)
    assert first.minutes_status == "published" and first.items.filter(exempt_paragraph=1).exists()
    assert board.meetings.filter(starts_at__date__gte=datetime.date(2024, 3, 1)).exists()
    sept = scrutiny.meetings.get(starts_at__date=datetime.date(2023, 9, 25))
    assert sorted(sept.items.values_list("minute_number", flat=True)) == list(range(11, 22))
    assert sept.action_log.filter(kind="officer_request").count() == 5
    nov = scrutiny.meetings.get(starts_at__date=datetime.date(2023, 11, 6))
    assert list(nov.items.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7, 9]
    assert scrutiny.forward_items.filter(source_meeting=None).count() == 26
    assert scrutiny.forward_items.exclude(source_meeting=None).count() == 3  # board reports
    cabinet = council.bodies.get(slug="cabinet")
    assert cabinet.forward_items.exclude(source_meeting=None).count() == 3  # seed 000's route
    assert scrutiny.memberships.filter(co_opted="statutory").count() == 2
    assert council.decisions.filter(kind="executive").exists()


def test_the_demo_links_board_actions_to_plan_actions_by_ref(db):
    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    action = ActionFactory(objective=ObjectiveFactory(council=council), ref="1.1")
    load_meetings_demo(council)
    assert action.meeting_actions.exists() and action.agenda_items.exists()


def test_the_command_loads_the_demo_for_a_council(db):
    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    out = StringIO()
    call_command("load_demo", "--only", "meetings", "--council", "peterborough", stdout=out)
    assert council.bodies.count() == 5 and "loaded" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("load_demo", "--only", "meetings", "--council", "nowhere")


def test_no_demo_meeting_or_agenda_falls_on_a_weekend_or_bank_holiday(db):
    import time_machine
    from django.utils import timezone

    from improvement.core.working_days import is_working_day
    from improvement.meetings.models import Meeting

    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    # Loaded as if in March 2025, so the six-weekly board cycle reaches New Year's Day 2025.
    with time_machine.travel(datetime.datetime(2025, 3, 3, 12, tzinfo=datetime.UTC), tick=False):
        load_meetings_demo(council)
    meetings = list(Meeting.objects.filter(council=council))
    assert any(
        timezone.localtime(m.starts_at).date() == datetime.date(2025, 1, 2) for m in meetings
    )
    for meeting in meetings:
        day = timezone.localtime(meeting.starts_at).date()
        assert is_working_day(day), f"{meeting.body} meets on {day:%A %-d %B %Y}"
        if meeting.agenda_published_on:
            published = meeting.agenda_published_on
            assert is_working_day(published), f"agenda of {meeting} on {published:%A %-d %B %Y}"

"""The demo loads the board and committees of the seeds, twice without change."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from improvement.accounts.tests.factories import CouncilFactory
from improvement.core.models import AuditEntry, Council
from improvement.core.working_days import is_working_day
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
    # Each body has a standard agenda for its next meeting to start from.
    assert board.standard_items[:2] == [
        "Welcome, introductions and apologies",
        "Declarations of interest",
    ]
    assert all(body.standard_items for body in council.bodies.all())
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


def _peterborough_board(db):
    council = CouncilFactory(slug="peterborough", name="Peterborough City Council")
    load_meetings_demo(council)
    return council, council.bodies.get(slug="improvement-board")


def test_the_board_stands_as_the_notice_requires_and_meets_in_private(db):
    council, board = _peterborough_board(db)
    assert board.standing == "notice" and not board.members_vote and not board.meets_in_public
    assert "Required by the DfE Improvement Notice" in board.get_standing_display()
    assert "statutory board" not in board.description.lower()
    meetings = list(board.meetings.all())
    assert meetings and all(not m.held_in_public and m.is_public for m in meetings)
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    assert scrutiny.members_vote and all(m.held_in_public for m in scrutiny.meetings.all())


def test_the_board_manager_is_the_secretariat_and_the_chair_is_not_the_dfe(db):
    _council, board = _peterborough_board(db)
    secretariat = board.memberships.get(position="secretariat")
    assert secretariat.role_title == "Children's Services Improvement Board Manager"
    assert not secretariat.voting and not secretariat.counts_as_member
    chair = board.memberships.get(position="chair")
    assert chair.independent and chair.organisation is None and chair.seat != "dfe"
    assert chair.person.organisation is None
    dfe = board.memberships.get(seat="dfe")
    assert dfe.person != chair.person
    assert dfe.role_title == "Department for Education (DfE) representative"


def test_the_police_seat_is_recorded_absent_at_every_board_meeting(db):
    _council, board = _peterborough_board(db)
    police = board.memberships.get(role_title="Representative from the Police")
    assert police.seat == "safeguarding_partner"
    held = [m for m in board.meetings.all() if m.attendance.exists()]
    assert held
    for meeting in held:
        assert meeting.attendance.get(person=police.person).status == "absent"
        seats = board.memberships.exclude(position="secretariat").count()
        assert meeting.attendance.exclude(status="in_attendance").count() == seats


def test_the_terms_hold_the_four_purposes_the_scope_and_the_twelve_responsibilities(db):
    _council, board = _peterborough_board(db)
    terms = board.terms.get()
    assert len(terms.purpose_list) == 4
    assert terms.purpose_list[3] == (
        "To establish relevant links with the City Council and its partners' relevant "
        "scrutiny functions."
    )
    assert "DfE Improvement Advisor" in terms.scope
    assert len(terms.responsibility_list) == 12
    assert terms.responsibility_list[0].startswith("To deploy resources, bring decision makers")
    assert terms.responsibility_list[11] == (
        "Routinely, report regularly to Council and Scrutiny after each Improvement Board meeting."
    )
    assert terms.quorum is None and terms.voting.startswith("Members do not vote")
    assert "six weekly" in terms.text


def test_shropshire_has_its_voluntary_advisory_board_chaired_by_the_chief_executive(db):
    import time_machine

    from improvement.demo.shropshire import load_shropshire

    with time_machine.travel(datetime.datetime(2024, 6, 3, 12, tzinfo=datetime.UTC), tick=False):
        load_shropshire(datetime.date(2024, 6, 3))
        board = Council.objects.get(slug="shropshire").bodies.get(slug="improvement-board")
        count = AuditEntry.objects.count()
        load_shropshire(datetime.date(2024, 6, 3))
        assert AuditEntry.objects.count() == count
    assert board.standing == "voluntary" and not board.members_vote
    assert board.memberships.get(position="chair").role_title == "Chief Executive"
    assert not board.memberships.filter(independent=True).exists()
    titles = set(board.memberships.values_list("role_title", flat=True))
    assert {
        "Portfolio Holder for Children and Education",
        "Chair of the People Overview and Scrutiny Committee",
        "Executive Director of People",
        "LGA representative",
    } <= titles
    assert board.memberships.get(position="secretariat").person is not None
    meetings = list(board.meetings.all())
    assert len(meetings) >= 5 and meetings[0].starts_at.date() == datetime.date(2024, 1, 23)
    assert meetings[0].minutes_status == "published" and meetings[0].attendance.exists()
    for meeting in meetings:
        assert is_working_day(meeting.starts_at.date())
        if meeting.agenda_published_on:
            assert is_working_day(meeting.agenda_published_on)
    terms = board.terms.get()
    assert terms.approved_on == datetime.date(2024, 3, 21) and terms.approver == "Council"
    assert "advisory" in terms.voting.lower()
    assert list(board.reports_to.values_list("name", flat=True)) == [
        "People Overview and Scrutiny Committee"
    ]

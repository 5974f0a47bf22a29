"""Stage clocks count England and Wales working days, as the regulations do."""

import datetime

from improvement.complaints.clock import open_stage, overdue
from improvement.complaints.models import Representation

D = datetime.date


def complaint(**fields) -> Representation:
    values = {"kind": "complaint", "process": "statutory", "stage1_route": "formal"}
    values["received_on"] = D(2024, 2, 1)
    return Representation(**{**values, **fields})


def test_stage1_is_due_ten_working_days_after_receipt():
    clock = open_stage(complaint(received_on=D(2024, 2, 1)), today=D(2024, 2, 8))
    assert clock.stage == "Stage 1 response"
    assert clock.due_on == D(2024, 2, 15)
    assert clock.used == 5
    assert not clock.overdue


def test_christmas_and_boxing_day_and_new_year_do_not_count():
    # Received Friday 22 December 2023: 25, 26 Dec and 1 Jan are bank holidays.
    clock = open_stage(complaint(received_on=D(2023, 12, 22)), today=D(2024, 1, 2))
    assert clock.due_on == D(2024, 1, 10)
    assert clock.used == 4  # 27, 28, 29 December and 2 January


def test_easter_good_friday_and_easter_monday_do_not_count():
    # Easter 2024: Good Friday 29 March, Easter Monday 1 April.
    clock = open_stage(complaint(received_on=D(2024, 3, 27)), today=D(2024, 4, 2))
    assert clock.due_on == D(2024, 4, 12)
    assert clock.used == 2  # 28 March and 2 April


def test_a_complaint_received_on_a_saturday_starts_its_clock_on_monday():
    clock = open_stage(complaint(received_on=D(2024, 2, 3)), today=D(2024, 2, 5))
    assert clock.used == 1
    assert clock.due_on == D(2024, 2, 16)


def test_an_agreed_extension_allows_twenty_working_days():
    rep = complaint(received_on=D(2024, 1, 2), stage1_extended=True)
    clock = open_stage(rep, today=D(2024, 1, 22))
    assert clock.allowed == 20
    assert clock.due_on == D(2024, 1, 30)
    assert not clock.overdue
    assert open_stage(complaint(received_on=D(2024, 1, 2)), today=D(2024, 1, 22)).overdue


def test_informal_resolution_has_three_working_days():
    clock = open_stage(complaint(stage1_route="informal"), today=D(2024, 2, 7))
    assert (clock.allowed, clock.due_on, clock.overdue) == (3, D(2024, 2, 6), True)


def test_stage2_has_25_working_days_or_65_when_extended():
    rep = complaint(stage1_responded_on=D(2024, 1, 5), stage2_requested_on=D(2024, 1, 8))
    assert open_stage(rep, today=D(2024, 2, 1)).due_on == D(2024, 2, 12)
    rep.stage2_extended = True
    assert open_stage(rep, today=D(2024, 2, 1)).due_on == D(2024, 4, 10)  # Easter skipped


def test_stage3_panel_then_report_then_response():
    rep = complaint(
        stage1_responded_on=D(2023, 10, 2),
        stage2_requested_on=D(2023, 10, 3),
        stage2_completed_on=D(2023, 11, 1),
        stage3_requested_on=D(2023, 11, 6),
    )
    assert open_stage(rep, today=D(2023, 11, 7)).stage == "Stage 3 panel"
    rep.stage3_panel_on = D(2023, 12, 1)
    assert open_stage(rep, today=D(2023, 12, 4)).due_on == D(2023, 12, 8)
    rep.stage3_report_on = D(2023, 12, 8)
    clock = open_stage(rep, today=D(2023, 12, 11))
    assert (clock.stage, clock.due_on) == ("Stage 3 council response", D(2024, 1, 3))
    rep.stage3_response_on = D(2023, 12, 20)
    assert open_stage(rep, today=D(2023, 12, 21)) is None


def test_answered_withdrawn_and_not_logged_have_no_clock():
    assert open_stage(complaint(stage1_responded_on=D(2024, 2, 5))) is None
    assert open_stage(complaint(stage1_route="withdrawn")) is None
    assert open_stage(complaint(process="not_logged")) is None


def test_overdue_lists_only_late_stages_earliest_first():
    late = complaint(reference="late", received_on=D(2024, 1, 2))
    later = complaint(reference="later", received_on=D(2024, 1, 10))
    fine = complaint(reference="fine", received_on=D(2024, 2, 28))
    found = overdue([fine, later, late], today=D(2024, 3, 1))
    assert [rep.reference for rep, _ in found] == ["late", "later"]


def test_a_corporate_complaint_runs_on_the_councils_corporate_timescales(council):
    from improvement.complaints.models import ComplaintsSettings

    # Defaults: stage 1 in 10 working days, stage 2 in 20 (not the Children Act's 25).
    rep = complaint(
        council=council,
        process="corporate",
        stage1_responded_on=D(2024, 1, 5),
        stage2_requested_on=D(2024, 1, 8),
    )
    clock = open_stage(rep, today=D(2024, 1, 9))
    assert (clock.allowed, clock.due_on) == (20, D(2024, 2, 5))
    statutory = complaint(
        council=council,
        process="statutory",
        stage1_responded_on=D(2024, 1, 5),
        stage2_requested_on=D(2024, 1, 8),
    )
    assert open_stage(statutory, today=D(2024, 1, 9)).allowed == 25
    ComplaintsSettings.objects.create(
        council=council, corporate_stage1_days=15, corporate_stage2_days=30
    )
    assert open_stage(rep, today=D(2024, 1, 9)).allowed == 30
    first = complaint(council=council, process="corporate", received_on=D(2024, 2, 1))
    assert open_stage(first, today=D(2024, 2, 2)).allowed == 15
    assert open_stage(statutory, today=D(2024, 1, 9)).allowed == 25


def test_with_clocks_reads_the_corporate_policy_once_for_the_council(council):
    from improvement.complaints.clock import with_clocks

    reps = [
        complaint(council=council, process="corporate", reference="C-1"),
        complaint(council=council, process="statutory", reference="S-1"),
    ]
    clocks = {rep.reference: clock.allowed for rep, clock in with_clocks(reps, D(2024, 2, 2))}
    assert clocks == {"C-1": 10, "S-1": 10}

"""The procedure's order, as the register and the forms enforce it."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from improvement.complaints.procedure import procedure_errors

D = datetime.date
BASE = {"kind": "complaint", "process": "statutory", "received_on": D(2023, 4, 3)}


def test_a_sound_record_has_no_errors():
    data = {**BASE, "stage1_responded_on": D(2023, 4, 14), "stage1_outcome": "upheld"}
    assert procedure_errors(data) == {}


def test_an_outcome_needs_its_date():
    errors = procedure_errors({**BASE, "stage2_outcome": "upheld"})
    assert errors == {"stage2_outcome": "a stage 2 outcome needs the completion date"}


def test_stage3_request_before_stage2_completion_is_refused():
    data = {
        **BASE,
        "stage1_responded_on": D(2023, 4, 14),
        "stage2_requested_on": D(2023, 4, 20),
        "stage2_completed_on": D(2023, 6, 1),
        "stage3_requested_on": D(2023, 5, 30),
    }
    assert procedure_errors(data) == {
        "stage3_requested_on": "the stage 3 request is before the stage 2 completion"
    }


def test_ombudsman_straight_after_stage1_is_allowed_but_not_before_it():
    after = {**BASE, "stage1_responded_on": D(2023, 4, 14), "ombudsman_referred_on": D(2023, 5, 1)}
    assert procedure_errors(after) == {}
    before = {**after, "ombudsman_referred_on": D(2023, 4, 10)}
    assert "ombudsman_referred_on" in procedure_errors(before)


def test_not_logged_needs_a_reason_and_only_then():
    assert "not_logged_reason" in procedure_errors({**BASE, "process": "not_logged"})
    assert "not_logged_reason" in procedure_errors({**BASE, "not_logged_reason": "other"})


@given(st.dates(D(2020, 1, 1), D(2030, 1, 1)), st.integers(0, 400), st.integers(0, 400))
def test_stage2_in_order_is_always_accepted(received, to_response, to_request):
    responded = received + datetime.timedelta(days=to_response)
    data = {
        **BASE,
        "received_on": received,
        "stage1_responded_on": responded,
        "stage2_requested_on": responded + datetime.timedelta(days=to_request),
    }
    assert procedure_errors(data) == {}

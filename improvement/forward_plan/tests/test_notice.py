"""The 28 clear days rule, the key-decision test and the urgency routes, as pure notice."""

import datetime
from types import SimpleNamespace

from improvement.forward_plan import notice

D = datetime.date


def decision(**fields):
    values = {
        "status": "planned",
        "is_key": True,
        "is_private": False,
        "first_notice_on": D(2023, 10, 20),
        "private_notice_on": None,
        "urgency_route": "",
        "urgency_reason": "",
        "urgency_chair": "",
        "urgency_agreed_on": None,
        "urgency_recorded_on": None,
    }
    values.update(fields)
    return SimpleNamespace(get_status_display=lambda: values["status"].title(), **values)


def test_clear_days_exclude_the_day_of_publication_and_the_day_of_decision():
    # Monday 2 October to Wednesday 4 October: only Tuesday is clear.
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 4)) == 1
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 3)) == 0
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 2)) == 0


def test_clear_days_exclude_weekends():
    # Friday 20 October to Monday 23 October: Saturday and Sunday do not count.
    assert notice.clear_days(D(2023, 10, 20), D(2023, 10, 23)) == 0
    # Friday to the Friday after: Monday to Thursday.
    assert notice.clear_days(D(2023, 10, 20), D(2023, 10, 27)) == 4


def test_clear_days_exclude_bank_holidays():
    # Christmas Day and Boxing Day 2023 are bank holidays (Monday and Tuesday).
    assert notice.clear_days(D(2023, 12, 22), D(2023, 12, 28)) == 1  # only Wednesday 27th


def test_28_clear_days_from_the_seed_edition():
    published = D(2023, 10, 20)
    # 20 November, the plan's "key decisions from" date, is 20 clear (working) days on.
    assert notice.clear_days(published, D(2023, 11, 20)) == 20
    assert notice.earliest_decision_date(published, 28) == D(2023, 11, 30)
    assert notice.clear_days(published, D(2023, 11, 30)) == 28
    assert notice.clear_days(published, D(2023, 11, 29)) == 27


def test_key_decision_test_is_a_threshold_or_two_wards():
    assert notice.key_decision_reasons(None, 0, 500_000, 2) == []
    assert notice.key_decision_reasons(500_000, 1, 500_000, 2) == []
    assert notice.key_decision_reasons(500_001, 0, 500_000, 2) == [
        "spending or saving £500,001, above £500,000"
    ]
    assert notice.key_decision_reasons(None, 2, 500_000, 2) == ["a significant effect on 2 wards"]


def test_key_decision_with_28_clear_days_may_be_taken():
    assert notice.may_be_taken(decision(), D(2023, 11, 30)) == ""


def test_key_decision_short_of_notice_is_refused_with_the_reason():
    reason = notice.may_be_taken(decision(), D(2023, 11, 29))
    assert "A key decision must appear in a published forward plan at least 28 clear days" in reason
    assert "published on 20 October 2023, 27 clear days before 29 November 2023" in reason
    assert "Record the general exception or special urgency route" in reason


def test_key_decision_never_advertised_is_refused():
    reason = notice.may_be_taken(decision(first_notice_on=None), D(2024, 1, 1))
    assert "it has not appeared in one" in reason


def test_non_key_open_decision_needs_no_notice():
    assert notice.may_be_taken(decision(is_key=False, first_notice_on=None), D(2023, 10, 21)) == ""


def test_private_meeting_needs_its_own_28_days_notice_in_part_2():
    private = decision(is_key=False, is_private=True, private_notice_on=D(2023, 10, 20))
    assert "Notice of a private meeting" in notice.may_be_taken(private, D(2023, 11, 1))
    assert notice.may_be_taken(private, D(2023, 11, 30)) == ""


def test_special_urgency_with_the_chairs_agreement_allows_it_at_once():
    urgent = decision(
        first_notice_on=None,
        urgency_route="special_urgency",
        urgency_reason="Contract ends",
        urgency_chair="Cllr Chair",
        urgency_agreed_on=D(2023, 11, 1),
        urgency_recorded_on=D(2023, 11, 1),
    )
    assert notice.may_be_taken(urgent, D(2023, 11, 1)) == ""


def test_urgency_without_the_chairs_agreement_is_refused():
    urgent = decision(first_notice_on=None, urgency_route="special_urgency", urgency_reason="x")
    assert "scrutiny chair's agreement" in notice.may_be_taken(urgent, D(2023, 11, 1))


def test_general_exception_needs_five_clear_days_after_its_notice():
    exception = decision(
        first_notice_on=None,
        urgency_route="general_exception",
        urgency_reason="Grant deadline",
        urgency_chair="Cllr Chair",
        urgency_agreed_on=D(2023, 11, 1),
        urgency_recorded_on=D(2023, 11, 1),  # Wednesday
    )
    reason = notice.may_be_taken(exception, D(2023, 11, 7))
    assert "not before 9 November 2023" in reason
    assert notice.may_be_taken(exception, D(2023, 11, 9)) == ""


def test_a_decision_taken_is_not_taken_again():
    assert "already taken" in notice.may_be_taken(decision(status="taken"), D(2024, 1, 1))


def test_parts():
    assert notice.part_for(decision()) == 1
    assert notice.part_for(decision(is_private=True)) == 2
    assert notice.part_for(decision(is_key=False)) == 3
    assert notice.part_for(decision(status="taken", urgency_route="special_urgency")) == 4

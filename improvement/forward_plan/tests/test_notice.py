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
        "urgency_informed_on": None,
        "urgency_agreed_on": None,
        "urgency_notice_on": None,
        "urgency_recorded_on": None,
    }
    values.update(fields)
    return SimpleNamespace(get_status_display=lambda: values["status"].title(), **values)


def test_clear_days_exclude_the_day_of_publication_and_the_day_of_decision():
    # Monday 2 October to Wednesday 4 October: only Tuesday is clear.
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 4)) == 1
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 3)) == 0
    assert notice.clear_days(D(2023, 10, 2), D(2023, 10, 2)) == 0


def test_clear_days_are_calendar_days_by_default():
    # Friday 20 October to Monday 23 October: Saturday and Sunday are clear days.
    assert notice.clear_days(D(2023, 10, 20), D(2023, 10, 23)) == 2
    # Christmas Day and Boxing Day 2023 count like any other day.
    assert notice.clear_days(D(2023, 12, 22), D(2023, 12, 28)) == 5


def test_a_council_counting_working_days_leaves_out_weekends_and_bank_holidays():
    assert notice.clear_days(D(2023, 10, 20), D(2023, 10, 23), working=True) == 0
    assert notice.clear_days(D(2023, 10, 20), D(2023, 10, 27), working=True) == 4
    assert notice.clear_days(D(2023, 12, 22), D(2023, 12, 28), working=True) == 1


def test_the_seed_edition_of_20_october_2023_allows_key_decisions_from_20_november():
    # Seed 003: the edition published 20 October 2023 is headed "KEY DECISIONS FROM
    # 20 NOVEMBER 2023". Counting calendar days, that date has 30 clear days' notice.
    published = D(2023, 10, 20)
    assert notice.clear_days(published, D(2023, 11, 20)) == 30
    assert notice.may_be_taken(decision(first_notice_on=published), D(2023, 11, 20)) == ""
    assert notice.earliest_decision_date(published, 28) == D(2023, 11, 18)


def test_counting_working_days_the_same_edition_would_wait_until_30_november():
    published = D(2023, 10, 20)
    assert notice.clear_days(published, D(2023, 11, 20), working=True) == 20
    assert notice.earliest_decision_date(published, 28, working=True) == D(2023, 11, 30)
    assert notice.may_be_taken(decision(), D(2023, 11, 20), working=True) != ""
    assert notice.may_be_taken(decision(), D(2023, 11, 30), working=True) == ""


def test_the_refusal_follows_the_councils_settings():
    calendar = SimpleNamespace(
        notice_clear_days=28, general_exception_clear_days=5, counts_working_days=False
    )
    working = SimpleNamespace(
        notice_clear_days=28, general_exception_clear_days=5, counts_working_days=True
    )
    assert notice.refusal(decision(), D(2023, 11, 20), calendar) == ""
    assert "20 clear days before 20 November 2023" in notice.refusal(
        decision(), D(2023, 11, 20), working
    )


def test_key_decision_test_is_a_threshold_or_two_wards():
    assert notice.key_decision_reasons(None, 0, 500_000, 2) == []
    assert notice.key_decision_reasons(500_000, 1, 500_000, 2) == []
    assert notice.key_decision_reasons(500_001, 0, 500_000, 2) == [
        "spending or saving £500,001, above £500,000"
    ]
    assert notice.key_decision_reasons(None, 2, 500_000, 2) == ["a significant effect on 2 wards"]


def test_key_decision_with_28_clear_days_may_be_taken():
    assert notice.may_be_taken(decision(), D(2023, 11, 18)) == ""


def test_key_decision_short_of_notice_is_refused_with_the_reason():
    reason = notice.may_be_taken(decision(), D(2023, 11, 17))
    assert "A key decision must appear in a published forward plan at least 28 clear days" in reason
    assert "published on 20 October 2023, 27 clear days before 17 November 2023" in reason
    assert "Record the general exception" in reason and "or special urgency" in reason


def test_key_decision_never_advertised_is_refused():
    reason = notice.may_be_taken(decision(first_notice_on=None), D(2024, 1, 1))
    assert "it has not appeared in one" in reason


def test_non_key_open_decision_needs_no_notice():
    assert notice.may_be_taken(decision(is_key=False, first_notice_on=None), D(2023, 10, 21)) == ""


def test_private_meeting_needs_its_own_28_days_notice_in_part_2():
    private = decision(is_key=False, is_private=True, private_notice_on=D(2023, 10, 20))
    assert "Notice of a private meeting" in notice.may_be_taken(private, D(2023, 11, 1))
    assert "Notice of a private meeting" in notice.may_be_taken(private, D(2023, 11, 17))
    assert notice.may_be_taken(private, D(2023, 11, 18)) == ""


def special(**fields):
    values = {
        "first_notice_on": None,
        "urgency_route": "special_urgency",
        "urgency_reason": "Contract ends",
        "urgency_chair": "Cllr Chair",
        "urgency_agreed_on": D(2023, 11, 1),
        "urgency_notice_on": D(2023, 11, 1),
        "urgency_recorded_on": D(2023, 11, 1),
    }
    return decision(**{**values, **fields})


def general(**fields):
    values = {
        "first_notice_on": None,
        "urgency_route": "general_exception",
        "urgency_reason": "Grant deadline",
        "urgency_chair": "Cllr Chair",
        "urgency_informed_on": D(2023, 11, 1),
        "urgency_notice_on": D(2023, 11, 1),  # Wednesday
        "urgency_recorded_on": D(2023, 11, 1),
    }
    return decision(**{**values, **fields})


def test_special_urgency_with_the_chairs_agreement_allows_it_at_once():
    assert notice.may_be_taken(special(), D(2023, 11, 1)) == ""


def test_special_urgency_without_the_chairs_agreement_is_refused():
    reason = notice.may_be_taken(special(urgency_agreed_on=None), D(2023, 11, 1))
    assert "Special urgency needs the date of the chair's agreement" in reason
    reason = notice.may_be_taken(special(urgency_chair=""), D(2023, 11, 1))
    assert "the scrutiny chair who agreed" in reason


def test_special_urgency_agreed_only_after_the_decision_is_refused():
    reason = notice.may_be_taken(special(urgency_agreed_on=D(2023, 11, 2)), D(2023, 11, 1))
    assert "agrees before the decision is taken" in reason


def test_special_urgency_needs_its_notice_of_reasons():
    reason = notice.may_be_taken(special(urgency_notice_on=None), D(2023, 11, 1))
    assert "notice of reasons" in reason


def test_general_exception_with_the_chair_informed_is_accepted_without_agreement():
    exception = general()
    assert exception.urgency_agreed_on is None
    assert notice.may_be_taken(exception, D(2023, 11, 7)) == ""


def test_general_exception_needs_the_chair_informed_in_writing_and_a_notice():
    reason = notice.may_be_taken(general(urgency_informed_on=None), D(2023, 11, 9))
    assert "the date the chair was informed in writing" in reason
    reason = notice.may_be_taken(general(urgency_notice_on=None), D(2023, 11, 9))
    assert "the date its public notice was published" in reason


def test_general_exception_needs_five_clear_days_after_its_notice():
    # Notice on Wednesday 1 November: 2 to 6 November are the five clear days.
    reason = notice.may_be_taken(general(), D(2023, 11, 6))
    assert "not before 7 November 2023" in reason
    assert notice.may_be_taken(general(), D(2023, 11, 7)) == ""
    # Counting working days, the weekend does not count.
    assert "not before 9 November 2023" in notice.may_be_taken(
        general(), D(2023, 11, 7), working=True
    )
    assert notice.may_be_taken(general(), D(2023, 11, 9), working=True) == ""


def test_general_exception_does_not_cover_a_meeting_in_private():
    private = general(is_private=True, exempt_paragraph=3)
    reason = notice.may_be_taken(private, D(2023, 11, 9))
    assert "does not cover a meeting in private" in reason
    agreed = special(is_private=True, exempt_paragraph=3)
    assert notice.may_be_taken(agreed, D(2023, 11, 1)) == ""


def test_a_decision_taken_is_not_taken_again():
    assert "already taken" in notice.may_be_taken(decision(status="taken"), D(2024, 1, 1))


def test_parts():
    assert notice.part_for(decision()) == 1
    assert notice.part_for(decision(is_private=True)) == 2
    assert notice.part_for(decision(is_key=False)) == 3
    assert notice.part_for(decision(status="taken", urgency_route="special_urgency")) == 4

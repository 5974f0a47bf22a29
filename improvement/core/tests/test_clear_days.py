"""Clear days: neither the day of publication nor the day of the meeting or decision counts."""

import datetime

from improvement.core.working_days import clear_days_between, earliest_after_clear_days

D = datetime.date


def test_calendar_clear_days_exclude_only_the_two_end_days():
    assert clear_days_between(D(2023, 10, 2), D(2023, 10, 4)) == 1
    assert clear_days_between(D(2023, 10, 2), D(2023, 10, 3)) == 0
    assert clear_days_between(D(2023, 10, 2), D(2023, 10, 2)) == 0
    # Friday to Monday: Saturday and Sunday are clear days in their ordinary meaning.
    assert clear_days_between(D(2023, 10, 20), D(2023, 10, 23)) == 2


def test_the_seed_edition_gives_28_calendar_clear_days_before_20_november_2023():
    # The forward plan published 20 October 2023 is headed "KEY DECISIONS FROM 20 NOVEMBER 2023".
    assert clear_days_between(D(2023, 10, 20), D(2023, 11, 20)) == 30
    assert clear_days_between(D(2023, 10, 20), D(2023, 11, 17)) == 27
    assert earliest_after_clear_days(D(2023, 10, 20), 28) == D(2023, 11, 18)


def test_working_clear_days_leave_out_weekends_and_bank_holidays():
    assert clear_days_between(D(2023, 10, 20), D(2023, 10, 23), working=True) == 0
    assert clear_days_between(D(2023, 10, 20), D(2023, 10, 27), working=True) == 4
    # Christmas Day and Boxing Day 2023 fall on Monday and Tuesday.
    assert clear_days_between(D(2023, 12, 22), D(2023, 12, 28), working=True) == 1
    assert clear_days_between(D(2023, 10, 20), D(2023, 11, 20), working=True) == 20
    assert earliest_after_clear_days(D(2023, 10, 20), 28, working=True) == D(2023, 11, 30)


def test_the_earliest_date_is_the_first_with_enough_clear_days():
    for working in (False, True):
        for days in (1, 5, 28):
            start = D(2023, 12, 20)
            earliest = earliest_after_clear_days(start, days, working)
            assert clear_days_between(start, earliest, working) >= days
            assert clear_days_between(start, earliest - datetime.timedelta(days=1), working) < days

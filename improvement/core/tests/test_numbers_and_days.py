import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from improvement.core.bank_holiday_dates import ENGLAND
from improvement.core.numbers import percentage
from improvement.core.working_days import (
    add_working_days,
    bank_holidays,
    holidays_package,
    working_days_between,
)


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (219, 240, "91.3"),
        (1737, 6000, "29.0"),
        (1, 8, "12.5"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (35, 44, "79.5"),
        (0, 5, "0.0"),
        (5, 5, "100.0"),
    ],
)
def test_percentages_round_half_away_from_zero_on_the_exact_fraction(num, den, expected):
    assert str(percentage(num, den)) == expected


def test_percentage_of_nothing_is_none():
    assert percentage(0, 0) is None


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_percentage_is_within_a_twentieth_of_the_true_value(num, den):
    assert abs(float(percentage(num, den)) - num * 100 / den) <= 0.05 + 1e-9


def test_same_day_is_zero_working_days():
    day = datetime.date(2024, 3, 1)
    assert working_days_between(day, day) == 0


def test_christmas_and_boxing_day_are_not_working_days():
    # Fri 22 Dec 2023 to Fri 29 Dec 2023: Mon 25 and Tue 26 are bank holidays.
    assert working_days_between(datetime.date(2023, 12, 22), datetime.date(2023, 12, 29)) == 3


def test_easter_bank_holidays_are_skipped():
    # Good Friday 29 March and Easter Monday 1 April 2024.
    assert add_working_days(datetime.date(2024, 3, 28), 1) == datetime.date(2024, 4, 2)


def test_a_weekend_start_counts_from_the_monday():
    assert working_days_between(datetime.date(2024, 3, 2), datetime.date(2024, 3, 4)) == 1
    assert add_working_days(datetime.date(2024, 3, 2), 10) == datetime.date(2024, 3, 15)


@pytest.mark.parametrize("year", sorted(ENGLAND))
def test_the_written_bank_holidays_are_the_holidays_package_s(year):
    # If this fails after upgrading `holidays`, write the year's line again from it.
    assert bank_holidays(year) == holidays_package(year)


def test_a_year_outside_the_written_ones_comes_from_the_package():
    assert 2041 not in ENGLAND
    assert datetime.date(2041, 12, 25) in bank_holidays(2041)

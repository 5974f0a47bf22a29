from decimal import Decimal

import pytest

from improvement.evidence import ratings
from improvement.evidence.ratings import (
    IMPROVING,
    NO_CHANGE,
    OFF_TARGET,
    ON_TARGET,
    WITHIN_TOLERANCE,
    WORSENING,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("80", ON_TARGET),
        ("75", ON_TARGET),
        ("74.9", WITHIN_TOLERANCE),
        ("70", WITHIN_TOLERANCE),
        ("69.9", OFF_TARGET),
        ("0", OFF_TARGET),
    ],
)
def test_higher_is_better_rating_uses_target_and_tolerance(value, expected):
    assert ratings.rate(D(value), D("75"), D("5"), "higher") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10", ON_TARGET),
        ("15", ON_TARGET),
        ("15.1", WITHIN_TOLERANCE),
        ("18", WITHIN_TOLERANCE),
        ("18.1", OFF_TARGET),
    ],
)
def test_lower_is_better_rating_mirrors_it(value, expected):
    assert ratings.rate(D(value), D("15"), D("3"), "lower") == expected


def test_zero_tolerance_means_anything_short_of_target_is_off_target():
    assert ratings.rate(D("74.9"), D("75"), D("0"), "higher") == OFF_TARGET
    assert ratings.rate(D("74.9"), D("75"), None, "higher") == OFF_TARGET


def test_negative_tolerance_is_read_as_its_size():
    assert ratings.rate(D("72"), D("75"), D("-5"), "higher") == WITHIN_TOLERANCE


def test_no_rating_without_a_value_or_a_target():
    assert ratings.rate(None, D("75"), D("5"), "higher") is None
    assert ratings.rate(D("70"), None, D("5"), "higher") is None


@pytest.mark.parametrize(
    ("values", "polarity", "expected"),
    [
        (["60", "62", "65"], "higher", IMPROVING),
        (["65", "62", "60"], "higher", WORSENING),
        (["65", "62", "60"], "lower", IMPROVING),
        (["60", "62", "65"], "lower", WORSENING),
        (["60", "70", "60"], "higher", NO_CHANGE),
        (["60", "50", "61"], "higher", IMPROVING),
        (["10", "99", "60", "62", "65"], "higher", IMPROVING),
        (["60", "61"], "higher", IMPROVING),
        (["60"], "higher", None),
        ([], "higher", None),
    ],
)
def test_direction_compares_newest_with_oldest_of_last_three(values, polarity, expected):
    assert ratings.direction([D(v) for v in values], polarity) == expected


def test_only_last_three_values_count_for_direction():
    # Long improvement, then three flat months: no change.
    assert ratings.direction([D(v) for v in ["10", "40", "60", "60", "60"]], "higher") == NO_CHANGE


@pytest.mark.parametrize(
    ("rating", "travel", "slow"),
    [
        (OFF_TARGET, WORSENING, True),
        (OFF_TARGET, NO_CHANGE, True),
        (OFF_TARGET, None, True),
        (OFF_TARGET, IMPROVING, False),
        (WITHIN_TOLERANCE, WORSENING, False),
        (ON_TARGET, WORSENING, False),
        (None, None, False),
    ],
)
def test_measure_rule_flags_off_target_and_not_improving(rating, travel, slow):
    assert ratings.is_slow(rating, travel) is slow

"""The open actions' dates, set relative to the load date, fall on working days."""

import datetime

import pytest

from improvement.core.working_days import is_working_day
from improvement.demo.peterborough_live import live_actions

# Load dates whose offsets reach Christmas, New Year, Easter and a weekend.
LOAD_DATES = [datetime.date(2026, 11, 30), datetime.date(2026, 12, 6), datetime.date(2027, 3, 3)]


@pytest.mark.parametrize("today", LOAD_DATES)
def test_every_open_action_starts_and_is_due_on_a_working_day(today):
    for ref, specs in live_actions(today).items():
        for spec in specs:
            dates = [spec.start, spec.due, *(change.old_due for change in spec.reprofiles)]
            assert all(is_working_day(day) for day in dates), (ref, dates)

"""Working days: Monday to Friday less England and Wales bank holidays.

"Working days from A to B" counts the days d with A < d <= B, so the same day
is 0. Bank holidays are the `holidays` package's (United Kingdom, subdivision ENG),
substitute and one-off days included, written out for 2000 to 2040 (bank_holiday_dates).
"""

import datetime
from functools import lru_cache

from improvement.core.bank_holiday_dates import ENGLAND


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[datetime.date]:
    written = ENGLAND.get(year)
    if written is None:
        return holidays_package(year)
    return frozenset(datetime.date(year, int(day[:2]), int(day[3:])) for day in written.split())


def holidays_package(year: int) -> frozenset[datetime.date]:
    """The year's bank holidays from the `holidays` package itself."""
    # Imported here: `holidays` loads the calendar of every country (0.1-0.3 s).
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days d with start < d <= end; 0 when end is on or before start."""
    if end <= start:
        return 0
    count = 0
    day = start + datetime.timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date that is `days` working days after `start`."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def clear_days_between(start: datetime.date, end: datetime.date, working: bool = False) -> int:
    """Clear days between two dates: the days d with start < d < end, so neither the day
    of publication nor the day of the meeting or decision counts. Calendar days by
    default (the ordinary meaning); only working days when `working` is true."""
    if end <= start + datetime.timedelta(days=1):
        return 0
    if not working:
        return (end - start).days - 1
    return working_days_between(start, end - datetime.timedelta(days=1))


def earliest_after_clear_days(
    start: datetime.date, days: int, working: bool = False
) -> datetime.date:
    """The first date with `days` clear days between `start` and it."""
    if not working:
        return start + datetime.timedelta(days=days + 1)
    return add_working_days(start, days) + datetime.timedelta(days=1)

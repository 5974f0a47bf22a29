"""Financial years, which run from 1 April: the report's and the figures' unit of time."""

import datetime


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """The financial year starting 1 April `year`: its first and last days."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def year_label(year: int) -> str:
    return f"{year}-{str(year + 1)[-2:]}"


def financial_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1

"""The KPI engine (formats/kpis.md): every KPI as array operations over the used rows.

Each KPI is a function returning the rows of its denominator, those of its
numerator and the event date of each row; `summarise` turns that into the
figures and the by_month series. Working days use a NumPy business-day
calendar built from core.working_days.bank_holidays, the one source of holidays.
"""

import datetime
from dataclasses import dataclass
from typing import Any

import numpy as np

from improvement.annex_a.parse import BAD, Table, day_number
from improvement.annex_a.schema import LISTS
from improvement.core.numbers import percentage
from improvement.core.working_days import bank_holidays

OFFSET = 2**20  # shifts day numbers (year 1 onwards) above zero
SPAN = 2**22  # room for every day number in one child's key


@dataclass
class Outcome:
    table: Table
    den: np.ndarray
    num: np.ndarray
    event: np.ndarray | None = None


class Context:
    """The tables of one import, its reference date, and a working-day calendar."""

    def __init__(self, tables: dict[int, Table], reference: datetime.date) -> None:
        self.tables = {n: tables.get(n) or empty_table(n) for n in LISTS}
        self.reference = reference
        self.r = day_number(reference)
        self._calendars: dict[int, np.busdaycalendar] = {}

    def __getitem__(self, number: int) -> Table:
        return self.tables[number]

    def calendar(self, *arrays: np.ndarray) -> np.busdaycalendar:
        """A business-day calendar holding every bank holiday from the earliest date given."""
        valid = [a[a > BAD] for a in arrays if len(a)]
        first = _year(min([int(a.min()) for a in valid if len(a)] + [self.r]))
        if first not in self._calendars:
            years = range(first, self.reference.year + 2)
            days = sorted(day for year in years for day in bank_holidays(year))
            self._calendars[first] = np.busdaycalendar(
                weekmask="1111100", holidays=np.array(days, dtype="datetime64[D]")
            )
        return self._calendars[first]

    def working_days(self, start: np.ndarray, end: np.ndarray | int) -> np.ndarray:
        """Working days d with start < d <= end; 0 when end is on or before start."""
        end = np.broadcast_to(np.asarray(end, dtype=np.int64), start.shape)
        out = np.zeros(len(start), dtype=np.int64)
        ok = (end > start) & (start > BAD)
        if ok.any():
            calendar = self.calendar(start[ok], end[ok])
            begin = (start[ok] + 1).astype("datetime64[D]")
            out[ok] = np.busday_count(
                begin, (end[ok] + 1).astype("datetime64[D]"), busdaycal=calendar
            )
        return out


def _year(days: int) -> int:
    return int(np.datetime64(days, "D").astype("datetime64[Y]").astype(int)) + 1970


def empty_table(number: int) -> Table:
    fields: dict[str, np.ndarray] = {"row": np.zeros(0, dtype=np.int64)}
    for column in LISTS[number].columns:
        if column.kind == "id":
            fields[column.field] = np.zeros(0, dtype=str)
        elif column.kind == "yes":
            fields[column.field] = np.zeros(0, dtype=bool)
        elif column.kind != "text":
            fields[column.field] = np.zeros(0, dtype=np.int64)
    return Table(number, fields)


def valid(days: np.ndarray) -> np.ndarray:
    return days > BAD


def has_match(
    child: np.ndarray,
    day: np.ndarray,
    other_child: np.ndarray,
    other_day: np.ndarray,
    lo: int,
    hi: int,
) -> np.ndarray:
    """For each (child, day): does the same child have an other_day in [day + lo, day + hi]?"""
    if not len(child) or not len(other_child):
        return np.zeros(len(child), dtype=bool)
    _, codes = np.unique(np.concatenate([child, other_child]), return_inverse=True)
    codes = codes.astype(np.int64) * SPAN
    keys = codes[: len(child)] + day + OFFSET
    others = np.sort(codes[len(child) :] + other_day + OFFSET)
    left = np.searchsorted(others, keys + lo, side="left")
    return np.searchsorted(others, keys + hi, side="right") > left


def summarise(outcome: Outcome, count: bool = False) -> dict[str, Any]:
    numerator = int(np.count_nonzero(outcome.num & outcome.den))
    denominator = int(np.count_nonzero(outcome.den))
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": numerator if count else _value(numerator, denominator),
        "by_month": by_month(outcome) if outcome.event is not None else [],
    }


def _value(numerator: int, denominator: int) -> float | None:
    result = percentage(numerator, denominator)
    return None if result is None else float(result)


def by_month(outcome: Outcome) -> list[dict[str, Any]]:
    event = outcome.event[outcome.den]
    hits = (outcome.num & outcome.den)[outcome.den]
    months = event.astype("datetime64[D]").astype("datetime64[M]")
    labels, index = np.unique(months, return_inverse=True)
    dens = np.bincount(index, minlength=len(labels))
    nums = np.bincount(index, weights=hits, minlength=len(labels)).astype(np.int64)
    return [
        {"month": str(label), "numerator": n, "denominator": d, "value": _value(n, d)}
        for label, n, d in zip(labels, nums.tolist(), dens.tolist(), strict=True)
    ]


def icpc_before_s47_start(tables: dict[int, Table]) -> int:
    table = tables.get(5)
    if table is None:
        return 0
    icpc = table["icpc_date"]
    return int(np.count_nonzero(valid(icpc) & (icpc < table["s47_start"])))

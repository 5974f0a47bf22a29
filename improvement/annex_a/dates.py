"""Checking the reference date against the workbook's own dates (docs/adr/032).

A reference date typed wrong moves every "in the last 12 months" window: too early,
and the newest rows are left out as dated after it; too late, and the latest
months read as falls. The workbook cannot say which date is right, but its dates
can say when the one given is unlikely, naming the sheet and cell to look at."""

import datetime
from typing import Any

from improvement.annex_a.parse import Table, to_date
from improvement.annex_a.reader import AnnexAError
from improvement.core.text import plural

# The latest date in an extract is rarely more than a month before it was taken.
STALE_DAYS = 31


def _day(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _after(table: Table, reference: datetime.date) -> tuple[str, str, int] | None:
    found = table.dates.get("first_after")
    if not found:
        return None
    days, cell = found
    count = table.quality["rejected"]["date_after_reference_date"]
    return cell, _day(to_date(days)), count


def check_reference(tables: dict[int, Table], reference: datetime.date) -> list[str]:
    """Warnings for a reference date the workbook's dates make unlikely. Refuses the
    file (AnnexAError) when no row can be used and rows were left out for being dated
    after the reference date: the date given is then surely wrong."""
    warnings = []
    for table in tables.values():
        found = _after(table, reference)
        if found is None:
            continue
        cell, day, count = found
        sheet = table.quality["sheet"]
        if not any(len(t) for t in tables.values()):
            raise AnnexAError(
                f"Sheet '{sheet}', cell {cell} holds {day}, after the reference date "
                f"{_day(reference)}, and no row of the file can be used, so nothing was "
                "imported. Enter the date the extract was taken as the reference date, "
                "then import the workbook again."
            )
        warnings.append(
            f"Sheet '{sheet}', cell {cell} holds {day}, after the reference date "
            f"{_day(reference)}: {plural(count, 'row')} dated after it "
            "were left out. If the extract was taken later, import it again with that date."
        )
    return warnings + _stale(tables, reference)


def _stale(tables: dict[int, Table], reference: datetime.date) -> list[str]:
    latest: tuple[int, str, Any] | None = None
    for table in tables.values():
        found = table.dates.get("latest")
        if found and (latest is None or found[0] > latest[0]):
            latest = (found[0], found[1], table.quality["sheet"])
    if latest is None:
        return []
    day = to_date(latest[0])
    gap = (reference - day).days
    if gap <= STALE_DAYS:
        return []
    return [
        f"The latest date in the workbook is {_day(day)} (sheet '{latest[2]}', cell "
        f"{latest[1]}), {gap} days before the reference date {_day(reference)}. If the "
        "extract was taken earlier, the latest months will read as falls: check the "
        "reference date before you confirm."
    ]

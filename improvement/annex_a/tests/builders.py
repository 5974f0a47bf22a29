"""Small hand-built Annex A workbooks for tests."""

import datetime
from pathlib import Path

from openpyxl import Workbook

from improvement.annex_a.schema import LISTS

D = datetime.date


def row(number: int, **values) -> list:
    """A full row of a list in the template's column order, blank where not given."""
    return [values.get(column.field, "") for column in LISTS[number].columns]


def headings(number: int) -> list[str]:
    return [column.heading for column in LISTS[number].columns]


def write_workbook(path: Path, sheets: dict[str, tuple[list, list[list]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        for values in rows:
            sheet.append([None if v == "" else v for v in values])
    book.save(path)
    return path


def lists_workbook(path: Path, lists: dict[int, list[list]]) -> Path:
    sheets = {f"List {n} - {LISTS[n].name}"[:31]: (headings(n), rows) for n, rows in lists.items()}
    return write_workbook(path, sheets)

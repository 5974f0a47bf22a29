"""Reading a measure's values from a CSV or Excel file, checking every row first.

Columns (a header row, in any order, any case): period (required: YYYY-MM or a
date such as 2024-01-31 or 31/01/2024, meaning that month), then either value,
or numerator and denominator (a percentage or rate is worked out from them);
note is optional. Every problem is reported with its sheet, row and column and
what to do; nothing is written unless every row is good.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from python_calamine import CalamineWorkbook

from improvement.evidence.models import Measure

COLUMNS = ("period", "numerator", "denominator", "value", "note")
DATE_FORMATS = ("%Y-%m", "%Y-%m-%d", "%d/%m/%Y", "%m/%Y", "%b %Y", "%B %Y")


@dataclass
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}, row {self.row}" if self.sheet else f"Row {self.row}"
        column = f", column {self.column}" if self.column else ""
        return f"{where}{column}: {self.message}"


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def read_table(name: str, content: bytes) -> tuple[str, list[list[Any]]]:
    """The first sheet (or the CSV) as rows of cells, and the sheet's name."""
    if name.lower().endswith((".xlsx", ".xls", ".ods")):
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
        except Exception as exc:  # calamine raises several kinds for a bad file
            raise ImportRefused(
                [Problem("", 1, "", "The file is not a readable Excel workbook: save it again")]
            ) from exc
        sheet = book.sheet_names[0]
        return f"Sheet {sheet}", book.get_sheet_by_name(sheet).to_python()
    if not name.lower().endswith(".csv"):
        raise ImportRefused([Problem("", 1, "", "Upload a CSV or Excel (.xlsx) file")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            [Problem("", 1, "", "The file is not UTF-8 text: save it as CSV UTF-8")]
        ) from exc
    return "", list(csv.reader(io.StringIO(text)))


def _blank(cell: Any) -> bool:
    return cell is None or str(cell).strip() == ""


def parse_period(cell: Any) -> datetime.date | None:
    """The first day of the month a cell names, or None if it names none."""
    if isinstance(cell, datetime.datetime):
        cell = cell.date()
    if isinstance(cell, datetime.date):
        return cell.replace(day=1)
    text = str(cell).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().replace(day=1)  # noqa: DTZ007
        except ValueError:
            continue
    return None


def parse_number(cell: Any) -> Decimal | None:
    if _blank(cell):
        return None
    text = str(cell).strip().replace(",", "").rstrip("%")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite():
        raise ValueError(text)
    return number


class RowReader:
    def __init__(self, sheet: str, header: list[Any]) -> None:
        self.sheet = sheet
        self.index = {str(h).strip().lower(): i for i, h in enumerate(header) if not _blank(h)}
        self.problems: list[Problem] = []

    def missing_columns(self) -> list[Problem]:
        problems = []
        if "period" not in self.index:
            problems.append(Problem(self.sheet, 1, "period", "Add a column headed period"))
        if "value" not in self.index and not {"numerator", "denominator"} <= set(self.index):
            problems.append(
                Problem(self.sheet, 1, "value", "Add a value column, or numerator and denominator")
            )
        return problems

    def cell(self, cells: list[Any], column: str) -> Any:
        i = self.index.get(column)
        return cells[i] if i is not None and i < len(cells) else None

    def problem(self, number: int, column: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, number, column, message))

    def number(self, cells: list[Any], number: int, column: str) -> Decimal | None:
        try:
            value = parse_number(self.cell(cells, column))
        except ValueError as exc:
            self.problem(number, column, f"'{exc}' is not a number: write a number such as 61")
            return None
        if value is not None and value < 0:
            self.problem(number, column, "cannot be negative: correct it")
        return value

    def read(self, cells: list[Any], number: int) -> dict[str, Any] | None:
        before = len(self.problems)
        period = parse_period(self.cell(cells, "period"))
        if period is None:
            shown = self.cell(cells, "period")
            self.problem(
                number,
                "period",
                f"'{shown or ''}' is not a month: write it as YYYY-MM, for example 2024-01",
            )
        row = {name: self.number(cells, number, name) for name in COLUMNS[1:4]}
        row["note"] = "" if _blank(self.cell(cells, "note")) else str(self.cell(cells, "note"))
        self.check_value(row, number)
        if len(self.problems) > before:
            return None
        return {"period": period, **row}

    def check_value(self, row: dict[str, Any], number: int) -> None:
        if row["value"] is not None:
            return
        if row["numerator"] is None or not row["denominator"]:
            self.problem(
                number,
                "value",
                "is blank: give a value, or a numerator and a denominator above 0",
            )


def parse_values(measure: Measure, name: str, content: bytes) -> list[dict[str, Any]]:
    """Every row of the file as keyword arguments for `record_value`, or ImportRefused."""
    sheet, table = read_table(name, content)
    rows = [(n, list(r)) for n, r in enumerate(table, start=1) if not all(_blank(c) for c in r)]
    if not rows:
        raise ImportRefused([Problem(sheet, 1, "", "The file is empty: add a header row")])
    reader = RowReader(sheet, rows[0][1])
    if missing := reader.missing_columns():
        raise ImportRefused(missing)
    parsed, seen = [], {}
    for number, cells in rows[1:]:
        row = reader.read(cells, number)
        if row is None:
            continue
        if row["period"] in seen:
            reader.problem(
                number,
                "period",
                f"{row['period']:%B %Y} is also on row {seen[row['period']]}: "
                "keep one row per month",
            )
        seen[row["period"]] = number
        parsed.append(row)
    if reader.problems:
        raise ImportRefused(reader.problems)
    if not parsed:
        raise ImportRefused([Problem(sheet, 2, "", "There are no rows of values under the header")])
    return parsed

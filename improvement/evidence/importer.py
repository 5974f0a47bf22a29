"""Reading a measure's values from a CSV or Excel file, checking every row first.

Columns (a header row, in any order, any case): period (required: YYYY-MM or a
date such as 2024-01-31 or 31/01/2024, meaning that month), then either value,
or numerator and denominator (a percentage or rate is worked out from them);
note is optional. The file is read through core.spreadsheets, bounded to what a
measure's monthly values can be; every problem is reported with its sheet, row
and column and what to do; nothing is written unless every row is good.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.core import spreadsheets
from improvement.core.spreadsheets import MB, Limits, SheetProblem, is_blank
from improvement.core.text import LONG_TEXT
from improvement.evidence.models import Measure

COLUMNS = ("period", "numerator", "denominator", "value", "note")
MONTH_FORMATS = ("%Y-%m", "%m/%Y", "%b %Y", "%B %Y")
# A century of monthly values, with room for notes; matches the upload form's limit.
LIMITS = Limits(
    max_file_bytes=5 * MB,
    max_uncompressed_bytes=50 * MB,
    max_rows=2_000,
    max_columns=40,
    max_cells=40_000,
    max_sheets=50,
)
DIGITS = 14  # MeasureValue's numbers: 14 digits, 2 of them decimals

Problem = SheetProblem


class ImportRefused(Exception):
    def __init__(self, problems: list[SheetProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def read_table(name: str, content: bytes) -> tuple[str, list[list[Any]]]:
    """The first sheet (or the CSV) as rows of cells, and the sheet's name ("" for a CSV)."""
    try:
        sheet = spreadsheets.read_sheets(content, name, LIMITS, first=True)[0]
        rows = [row for _number, row in sheet.rows()]
    except SheetProblem as problem:
        raise ImportRefused([problem]) from None
    return ("" if name.lower().endswith(".csv") else sheet.name), rows


def parse_period(cell: Any) -> datetime.date | None:
    """The first day of the month a cell names, or None if it names none."""
    day = spreadsheets.parse_date(cell) if not isinstance(cell, int | float) else None
    if day is not None:
        return day.replace(day=1)
    text = str(cell).strip()
    for fmt in MONTH_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


class RowReader:
    def __init__(self, sheet: str, header: list[Any]) -> None:
        self.sheet = sheet
        self.index = {str(h).strip().lower(): i for i, h in enumerate(header) if not is_blank(h)}
        self.problems: list[SheetProblem] = []

    def missing_columns(self) -> list[SheetProblem]:
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
        cell = self.cell(cells, column)
        try:
            value = spreadsheets.check_number(cell, (self.sheet, number, column), max_digits=DIGITS)
        except SheetProblem as problem:
            if "out of range" in problem.message:
                self.problems.append(problem)
            else:
                shown = spreadsheets.cell_text(cell)[:40]
                self.problem(
                    number, column, f"'{shown}' is not a number: write a number such as 61"
                )
            return None
        if value is not None and value < 0:
            self.problem(number, column, "cannot be negative: correct it")
        return value

    def note(self, cells: list[Any], number: int) -> str:
        try:
            return spreadsheets.check_text(
                self.cell(cells, "note"), LONG_TEXT, (self.sheet, number, "note")
            )
        except SheetProblem as problem:
            self.problems.append(problem)
            return ""

    def read(self, cells: list[Any], number: int) -> dict[str, Any] | None:
        before = len(self.problems)
        period = parse_period(self.cell(cells, "period"))
        if period is None:
            shown = spreadsheets.cell_text(self.cell(cells, "period"))[:40]
            self.problem(
                number,
                "period",
                f"'{shown}' is not a month: write it as YYYY-MM, for example 2024-01",
            )
        row = {name: self.number(cells, number, name) for name in COLUMNS[1:4]}
        row["note"] = self.note(cells, number)
        self.check_value(row, number)
        if len(self.problems) > before:
            return None
        return {"period": period, **row}

    def check_value(self, row: dict[str, Any], number: int) -> None:
        if row["value"] is not None:
            return
        if row["numerator"] is None or not row["denominator"]:
            self.problem(
                number, "value", "is blank: give a value, or a numerator and a denominator above 0"
            )


def parse_values(measure: Measure, name: str, content: bytes) -> list[dict[str, Any]]:
    """Every row of the file as keyword arguments for `record_value`, or ImportRefused.

    `name` is the file's name as the person uploaded it."""
    sheet, table = read_table(name, content)
    rows = [(n, list(r)) for n, r in enumerate(table, start=1) if not all(map(is_blank, r))]
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

"""Reading a complaints register (formats/complaints-register.md), CSV or XLSX.

The file is read through core.spreadsheets, bounded to what a register can be.
Every row is checked before anything is written; any problem is reported with its
row and column and what to do, and then nothing is written at all.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.complaints import models as m
from improvement.complaints.procedure import procedure_errors
from improvement.complaints.services import add_representation, normalise_category
from improvement.core import spreadsheets
from improvement.core.actors import require_actor
from improvement.core.spreadsheets import MB, Limits, SheetProblem, is_blank, row_is_blank
from improvement.core.text import LONG_TEXT

DATE_COLUMNS = (
    "received_on",
    "stage1_responded_on",
    "stage2_requested_on",
    "stage2_completed_on",
    "stage3_requested_on",
    "stage3_panel_on",
    "ombudsman_referred_on",
    "ombudsman_decided_on",
)
YES_NO_COLUMNS = ("advocate", "stage1_extended", "manager_contacted")
CODE_COLUMNS = {
    "kind": m.Kind,
    "process": m.Process,
    "not_logged_reason": m.NotLoggedReason,
    "service": m.Service,
    "complainant_type": m.ComplainantType,
    "stage1_route": m.Route,
    "stage1_outcome": m.Outcome,
    "stage2_outcome": m.Outcome,
    "stage3_outcome": m.Outcome,
    "ombudsman_outcome": m.OmbudsmanOutcome,
}
TEXT_COLUMNS = ("reference", "team", "category", "service_improvement")
COLUMNS = ("reference", "received_on", "kind", "process", "not_logged_reason", "service", "team",
           "complainant_type", "advocate", "category", "stage1_route", "stage1_extended",
           "stage1_responded_on", "stage1_outcome", "manager_contacted", "stage2_requested_on",
           "stage2_completed_on", "stage2_outcome", "stage3_requested_on", "stage3_panel_on",
           "stage3_outcome", "ombudsman_referred_on", "ombudsman_decided_on", "ombudsman_outcome",
           "service_improvement")  # fmt: skip
REQUIRED = ("reference", "received_on", "kind", "service")
# A large council's registers for many years; the register has 25 columns.
LIMITS = Limits(
    max_file_bytes=10 * MB,
    max_uncompressed_bytes=100 * MB,
    max_rows=50_000,
    max_columns=60,
    max_cells=1_500_000,
    max_sheets=20,
)


def _text_limit(column: str) -> int:
    return m.Representation._meta.get_field(column).max_length or LONG_TEXT


TEXT_LIMITS = {column: _text_limit(column) for column in TEXT_COLUMNS}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.row and not self.column:
            return self.message  # the file as a whole
        where = f"Row {self.row}" if self.row else "Header row"
        return f"{where}, column {self.column}: {self.message}"


class RegisterError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def read_rows(path: Path, file_name: str = "") -> list[tuple[int, dict[str, Any]]]:
    """The register's rows, with their row numbers, as dicts keyed by header.

    `file_name` is the name the person gave the file (it names the file in problems)."""
    name = file_name or Path(path).name
    try:
        sheet = spreadsheets.read_sheets(path, name, LIMITS, first=True)[0]
        rows = list(sheet.rows())
    except SheetProblem as problem:
        raise RegisterError([Problem(problem.row or 0, problem.column, str(problem))]) from None
    if not rows:
        return []
    names = [str(cell).strip().lower() for cell in rows[0][1] if cell is not None]
    return [
        (number, dict(zip(names, row, strict=False)))
        for number, row in rows[1:]
        if not row_is_blank(row)
    ]


def parse_date(value: Any) -> datetime.date | None:
    day = spreadsheets.parse_date(value)
    if day is None:
        text = spreadsheets.cell_text(value)[:40]
        raise ValueError(f"“{text}” is not a date: use yyyy-mm-dd or dd/mm/yyyy")
    return day


def _parse_cell(column: str, raw: Any) -> Any:
    text = spreadsheets.cell_text(raw) if column in TEXT_LIMITS else str(raw or "").strip()
    if column in DATE_COLUMNS:
        return parse_date(raw) if text else None
    if column in YES_NO_COLUMNS:
        if text.lower() not in ("", "yes", "no"):
            raise ValueError(f"“{text}” must be yes or no (blank means no)")
        return text.lower() == "yes"
    if column in CODE_COLUMNS and text:
        codes = CODE_COLUMNS[column].values
        if text.lower() not in codes:
            raise ValueError(f"“{text}” is not one of: {', '.join(codes)}")
        return text.lower()
    if column in TEXT_LIMITS:
        try:
            return spreadsheets.check_text(raw, TEXT_LIMITS[column], ("", 0, column))
        except SheetProblem as problem:
            raise ValueError(f"{problem.message} {problem.fix}") from None
    return text


def parse_row(number: int, raw: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    data: dict[str, Any] = {}
    problems = []
    for column in COLUMNS:
        try:
            data[column] = _parse_cell(column, raw.get(column))
        except ValueError as exc:
            problems.append(Problem(number, column, str(exc)))
    for column in REQUIRED:
        if column in data and is_blank(data[column]):
            problems.append(Problem(number, column, "is required: fill it in"))
    if not problems:
        problems += [
            Problem(number, column, f"{message}: correct the dates or outcome")
            for column, message in procedure_errors(data, timezone.localdate()).items()
        ]
    return data, problems


def _header_problems(rows: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    seen = set(rows[0][1]) if rows else set()
    missing = [column for column in REQUIRED if column not in seen]
    unknown = sorted(seen - set(COLUMNS) - {""})
    problems = [Problem(0, column, "is missing from the header row") for column in missing]
    problems += [
        Problem(0, column, "is not a register column: rename or remove it") for column in unknown
    ]  # noqa: E501
    return problems


def check_register(council: Any, rows: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rows ready to write, or RegisterError listing every problem found."""
    problems = _header_problems(rows)
    if problems:
        raise RegisterError(problems)
    existing = set(council.representations.values_list("reference", flat=True))
    parsed, seen = [], set()
    for number, raw in rows:
        data, row_problems = parse_row(number, raw)
        ref = data.get("reference")
        if ref in existing or ref in seen:
            row_problems.append(Problem(number, "reference", f"{ref} is already recorded"))
        seen.add(ref)
        try:
            data["category"] = normalise_category(council, data.get("category", ""))
        except ValidationError:
            row_problems.append(
                Problem(number, "category", f"“{data['category']}” is not in the category list")
            )
        problems += row_problems
        parsed.append(data)
    if problems:
        raise RegisterError(problems)
    return parsed


@transaction.atomic
def import_complaints(actor: Any, council: Any, path: Path, file_name: str = "") -> int:
    """Import a whole register or nothing; the number of records written."""
    require_actor(actor)
    rows = check_register(council, read_rows(path, file_name))
    for data in rows:
        add_representation(actor, council, data)
    return len(rows)

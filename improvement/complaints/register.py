"""Reading a complaints register (formats/complaints-register.md), CSV or XLSX.

Every row is checked before anything is written; any problem is reported with its row
and column and what to do, and then nothing is written at all.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from improvement.complaints import models as m
from improvement.complaints.rules import procedure_errors
from improvement.complaints.services import add_representation, normalise_category

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
EXCEL_EPOCH = datetime.date(1899, 12, 30)


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row else "Header row"
        return f"{where}, column {self.column}: {self.message}"


class RegisterError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The register's rows as dicts keyed by header, from a CSV or XLSX file."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        header, *body = sheet or [[]]
    else:
        text = path.read_text(encoding="utf-8-sig")
        header, *body = list(csv.reader(io.StringIO(text))) or [[]]
    names = [str(name).strip().lower() for name in header]
    return [dict(zip(names, row, strict=False)) for row in body if any(_blank(v) for v in row)]


def _blank(value: Any) -> bool:
    return value not in (None, "") and str(value).strip() != ""


def parse_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)):
        return EXCEL_EPOCH + datetime.timedelta(days=int(value))
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date: use yyyy-mm-dd or dd/mm/yyyy")


def _parse_cell(column: str, raw: Any) -> Any:
    text = "" if raw is None else str(raw).strip()
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
        if column in data and data[column] in ("", None):
            problems.append(Problem(number, column, "is required: fill it in"))
    if not problems:
        problems += [
            Problem(number, column, f"{message}: correct the dates or outcome")
            for column, message in procedure_errors(data).items()
        ]
    return data, problems


def _header_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    seen = set(rows[0]) if rows else set()
    missing = [column for column in REQUIRED if column not in seen]
    unknown = sorted(seen - set(COLUMNS) - {""})
    problems = [Problem(0, column, "is missing from the header row") for column in missing]
    problems += [
        Problem(0, column, "is not a register column: rename or remove it") for column in unknown
    ]  # noqa: E501
    return problems


def check_register(council: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows ready to write, or RegisterError listing every problem found."""
    problems = _header_problems(rows)
    if problems:
        raise RegisterError(problems)
    existing = set(council.representations.values_list("reference", flat=True))
    parsed, seen = [], set()
    for number, raw in enumerate(rows, start=2):
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
def import_complaints(actor: Any, council: Any, path: Path) -> int:
    """Import a whole register or nothing; the number of records written."""
    rows = check_register(council, read_rows(path))
    for data in rows:
        add_representation(actor, council, data)
    return len(rows)

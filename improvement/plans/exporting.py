"""Writing the plan as a workbook that opens cleanly in Excel and imports back unchanged.

The headers are ones the importer maps (formats/plan-workbook.md), and dates
are real Excel dates, so the council can sort and filter them.
"""

import datetime
import io
from typing import Any

from django.utils import timezone

from improvement.core.models import Council
from improvement.core.text import clean_text

COLUMNS: tuple[tuple[str, int], ...] = (
    ("Ref", 10),
    ("Objective", 30),
    ("Finding", 30),
    ("Action", 50),
    ("Owner", 22),
    ("Organisation", 22),
    ("Start date", 12),
    ("Due date", 12),
    ("RAG", 8),
    ("RAG reason", 30),
    ("Progress update", 50),
    ("Update date", 12),
    ("Success measures", 30),
    ("Evidence of impact", 30),
    ("Support needed", 25),
)
DATE_COLUMNS = {"Start date", "Due date", "Update date"}
DATE_FORMAT = "dd/mm/yyyy"
HEADER_ROW = 3
SHEET_TITLE = "Improvement plan"


def plan_rows(council: Council) -> tuple[list[str], list[dict[str, Any]]]:
    """The extra headers, and one row of values per live action, in the plan's order."""
    actions = list(
        council.actions.live()
        .filter(objective__archived_at__isnull=True)
        .select_related("objective", "organisation")
        .prefetch_related("owners", "findings", "updates")
        .order_by("objective__position", "objective__id", "position", "id")
    )
    extras: list[str] = []
    for action in actions:
        for key in action.extra or {}:
            if key not in extras:
                extras.append(key)
    return extras, [_row(action) for action in actions]


def _row(action: Any) -> dict[str, Any]:
    objective = action.objective
    updates = sorted(action.updates.all(), key=lambda u: (u.as_of, u.pk), reverse=True)
    latest = updates[0] if updates else None
    row = {
        "Ref": action.ref,
        "Objective": f"{objective.ref} {objective.title}".strip(),
        "Finding": "\n".join(f.text for f in action.findings.all()),
        "Action": action.title,
        "Owner": "\n".join(p.name for p in action.owners.all()),
        "Organisation": action.organisation.name,
        "Start date": action.start_on,
        "Due date": action.due_on or action.due_text,
        "Success measures": action.success_measure,
        "Evidence of impact": action.evidence_planned,
    }
    if latest is not None:
        row.update(
            {
                "RAG": latest.get_rating_display() if latest.rating else "",
                "RAG reason": latest.reason,
                "Progress update": latest.narrative,
                "Update date": latest.as_of,
                "Support needed": latest.support_needed,
            }
        )
    row.update({key: _plain(value) for key, value in (action.extra or {}).items()})
    return row


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, datetime.date)) or value is None:
        return value
    return str(value)


def export_plan(council: Council) -> bytes:
    """The plan as .xlsx bytes."""
    # openpyxl costs start-up time and memory in every process that imports this
    # module (the web workers, every command); only an export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    extras, rows = plan_rows(council)
    headers = [name for name, _ in COLUMNS] + extras
    widths = dict(COLUMNS)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    exported = timezone.localdate()
    sheet.cell(row=1, column=1, value=clean_text(f"{council.name} improvement plan"))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.cell(row=2, column=1, value=f"Exported on {exported:%-d %B %Y}")
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=clean_text(header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(header, 25)
    wrapped = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=1):
        _write_row(sheet, HEADER_ROW + offset, headers, row, wrapped)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    if rows:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _write_row(
    sheet: Any, number: int, headers: list[str], row: dict[str, Any], wrapped: Any
) -> None:
    for column, header in enumerate(headers, start=1):
        # Text saved before it was cleaned on the way in would break the whole file.
        value = clean_text(row.get(header))
        if value in (None, ""):
            continue
        cell = sheet.cell(row=number, column=column)
        cell.value = value
        cell.alignment = wrapped
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, str):
            cell.data_type = "s"  # text starting "=" is not a formula

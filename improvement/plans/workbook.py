"""Reading an improvement plan workbook into plain data (see formats/plan-workbook.md).

Nothing here touches the database: `read_workbook` turns a council's own
spreadsheet into objectives and actions, and says what it could not read and
how to fix it. `importing.py` applies the result. The file is read through
core.spreadsheets, bounded to what a plan can be; the words of a plan are in
`workbook_words.py`, one sheet's reading in `workbook_sheet.py`.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from improvement.core import spreadsheets
from improvement.core.spreadsheets import MB, Limits, SheetProblem, cell_text, is_blank
from improvement.plans.workbook_data import (
    HeaderMatch,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    Problem,
)
from improvement.plans.workbook_sheet import Sheet, SheetReader
from improvement.plans.workbook_words import (
    FIELDS,
    HEADER_FIELDS,
    SYNONYMS,
    match_header,
    normalise,
    parse_date,
    parse_rating,
    split_owners,
    split_ref,
)

__all__ = [
    "FIELDS",
    "FILE_TYPES",
    "HEADER_FIELDS",
    "LIMITS",
    "SYNONYMS",
    "HeaderMatch",
    "ParsedAction",
    "ParsedObjective",
    "ParsedPlan",
    "Problem",
    "cell_text",
    "match_header",
    "normalise",
    "parse_date",
    "parse_mappings",
    "parse_rating",
    "read_workbook",
    "split_owners",
    "split_ref",
]

HEADER_SEARCH_ROWS = 20
BLANK_RUN_LIMIT = 200
FILE_TYPES = (".xlsx", ".xlsm", ".csv")
# The largest plans run to a few hundred actions over a few dozen columns.
LIMITS = Limits(
    max_file_bytes=10 * MB,
    max_uncompressed_bytes=100 * MB,
    max_rows=20_000,
    max_columns=200,
    max_cells=1_000_000,
    max_sheets=50,
)
CANNOT_READ_FIX = "Save it from Excel as a .xlsx workbook (or a .csv file) and try again."


def parse_mappings(mappings: Iterable[str]) -> tuple[dict[str, str], list[Problem]]:
    """`--map "HEADER=field"` options as {normalised header: field}, and any mistakes."""
    found: dict[str, str] = {}
    problems = []
    for mapping in mappings:
        header, sep, name = mapping.rpartition("=")
        name = name.strip().lower().replace(" ", "_")
        if not sep or not header.strip() or name not in FIELDS:
            problems.append(
                Problem(
                    "",
                    None,
                    "",
                    f"--map '{mapping}' is not HEADER=field with a known field.",
                    'Write it as --map "Lead officer(s)=owner"; the fields are '
                    + ", ".join(FIELDS)
                    + ".",
                )
            )
            continue
        found[normalise(header)] = name
    return found, problems


# Sheets ------------------------------------------------------------------------------


def load_sheets(source: str | Path | IO[bytes], filename: str | None = None) -> list[Sheet]:
    """The sheets of a .xlsx, .xlsm or .csv file, as rows of cell values (None for blank).

    A run of more than BLANK_RUN_LIMIT blank rows ends a sheet."""
    name = Path(filename or str(source)).name
    found = []
    for sheet in spreadsheets.read_sheets(source, name, LIMITS):
        rows: list[list[Any]] = []
        blank_run = 0
        for _number, row in sheet.rows():
            values = [None if is_blank(value) else value for value in row]
            blank_run = 0 if any(v is not None for v in values) else blank_run + 1
            if blank_run > BLANK_RUN_LIMIT:
                break
            rows.append(values)
        found.append(Sheet(sheet.name, rows, _merged_rows(sheet.merged)))
    return found


def _merged_rows(ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> set[int]:
    """The (1-based) rows merged across three or more columns: section headings."""
    rows: set[int] = set()
    for (first_row, first_column), (last_row, last_column) in ranges:
        if last_column - first_column >= 2:
            rows.update(range(first_row + 1, last_row + 2))
    return rows


# Reading the plan --------------------------------------------------------------------


def find_header(sheet: Sheet, overrides: dict[str, str]) -> int | None:
    """The index of the header row, if this sheet holds a plan."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        fields = {match_header(cell_text(v), overrides)[0] for v in row if not is_blank(v)}
        fields.discard(None)
        if "action" in fields and len(fields) >= 3:
            return index
    return None


def read_workbook(
    source: str | Path | IO[bytes],
    filename: str | None = None,
    *,
    mappings: Iterable[str] = (),
    scale: Iterable[dict[str, str]] = (),
) -> ParsedPlan:
    """Read a plan workbook. Never raises for a bad file: problems go in the report.

    `filename` is the name the person gave the file; problems name it."""
    name = Path(filename or str(source)).name
    plan = ParsedPlan(filename=name)
    overrides, problems = parse_mappings(mappings)
    plan.errors += problems
    try:
        sheets = load_sheets(source, name)
    except SheetProblem as problem:
        if not problem.fix:
            problem.fix = CANNOT_READ_FIX
        plan.errors.append(problem)
        return plan
    except OSError as exc:
        plan.errors.append(
            Problem("", None, "", f"{name} could not be read ({exc.strerror}).", CANNOT_READ_FIX)
        )
        return plan
    _read_sheets(plan, sheets, overrides, list(scale))
    return plan


def _read_sheets(
    plan: ParsedPlan, sheets: list[Sheet], overrides: dict[str, str], scale: list[dict[str, str]]
) -> None:
    for sheet in sheets:
        found = find_header(sheet, overrides) if not plan.sheet else None
        if found is None:
            plan.ignored_sheets.append(sheet.name)
            continue
        SheetReader(plan, sheet, found, overrides, scale).read()
    if not plan.sheet:
        plan.errors.append(
            Problem(
                "",
                None,
                "",
                "No sheet has a header row with an action column and two other known columns "
                "within its first 20 rows.",
                "Check the plan has headers such as Action, Owner and Due date, or name the "
                'columns with --map "HEADER=field".',
            )
        )

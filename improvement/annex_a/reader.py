"""Reading an Annex A workbook (or one CSV per list) into its lists, through the one
bounded reader of core.spreadsheets.

A sheet is recognised by its name ("List 3", "List 3 - Referrals") or, failing
that, by its headings. The header row is whichever of the first ten rows matches
most of the list's headings, so title rows above it are skipped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from improvement.annex_a import headers
from improvement.annex_a.schema import LISTS, Column
from improvement.core.spreadsheets import MB, Limits, SheetProblem, read_sheets

SPREADSHEETS = {".xlsx", ".xlsm"}


def limits() -> Limits:
    """A large council's year of Annex A (List 1 has about 60,000 contacts) with room to
    spare; the widest list has under 40 columns."""
    return Limits(
        max_file_bytes=getattr(settings, "ANNEX_A_MAX_BYTES", 50 * MB),
        max_uncompressed_bytes=400 * MB,
        max_rows=300_000,
        max_columns=80,
        max_cells=8_000_000,
        max_sheets=30,
        clean=False,  # parse.py cleans the distinct values of the columns it keeps
    )


class AnnexAError(Exception):
    """The file cannot be imported at all (as opposed to rows that are rejected)."""


@dataclass
class RawList:
    number: int
    sheet: str
    found: list
    mapping: dict[int, Column]
    rows: list[list]
    first_row: int  # the spreadsheet row number of rows[0]

    @property
    def headers_mapped(self) -> dict[str, str]:
        return {str(self.found[pos]).strip(): col.heading for pos, col in self.mapping.items()}


Progress = Callable[[int], None] | None


def _sheets(path: Path, name: str) -> list[tuple[str, list[list]]]:
    """Each sheet's rows; `name` is the file as the person called it."""
    try:
        sheets = read_sheets(path, name, limits())
        return [(sheet.name, sheet.all_rows()) for sheet in sheets]
    except SheetProblem as problem:
        raise AnnexAError(f"{name}: {problem}") from None


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in SPREADSHEETS | {".csv"})
    if not path.exists():
        raise AnnexAError(f"There is no file at {path}")
    return [path]


def _recognise(name: str, rows: list[list]) -> RawList | None:
    number = headers.list_from_name(name)
    if number is not None:
        index, mapping = headers.find_header_row(LISTS[number], rows)
    else:
        number, index, mapping = headers.recognise_by_headers(rows)
    if number is None or not mapping:
        return None
    return RawList(number, name, list(rows[index]), mapping, rows[index + 1 :], index + 2)


def read_lists(
    path: str | Path, on_progress: Progress = None, file_name: str = ""
) -> dict[int, RawList]:
    """Every recognised list in the file (or directory of CSVs), by list number.

    `file_name` is the name the person uploaded (the file itself may be temporary)."""
    found: dict[int, RawList] = {}
    rows_read = 0
    files = _files(Path(path))
    for file in files:
        shown = file_name if file_name and len(files) == 1 else file.name
        for name, rows in _sheets(file, shown):
            raw = _recognise(name, rows)
            rows_read += len(rows)
            if on_progress:
                on_progress(rows_read)
            if raw is not None and raw.number not in found:
                found[raw.number] = raw
    if not found:
        raise AnnexAError(
            f"No Annex A list was recognised in {file_name or Path(path).name}: name each sheet "
            "'List 1', 'List 3' and so on, or keep the Ofsted template's headings"
        )
    return found

"""Reading an Annex A workbook (or one CSV per list) into its lists, with python-calamine.

A sheet is recognised by its name ("List 3", "List 3 - Referrals") or, failing
that, by its headings. The header row is whichever of the first ten rows matches
most of the list's headings, so title rows above it are skipped.
"""

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

from improvement.annex_a import headers
from improvement.annex_a.schema import LISTS, Column

SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


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


def _sheets(path: Path) -> list[tuple[str, list[list]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [(path.stem, list(csv.reader(handle)))]
    if suffix in SPREADSHEETS:
        try:
            book = CalamineWorkbook.from_path(str(path))
        except Exception as error:  # calamine raises several unrelated types
            raise AnnexAError(f"{path.name} could not be read as a workbook: {error}") from error
        return [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]
    raise AnnexAError(f"{path.name} is not an .xlsx workbook or a .csv file")


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


def read_lists(path: str | Path, on_progress: Progress = None) -> dict[int, RawList]:
    """Every recognised list in the file (or directory of CSVs), by list number."""
    found: dict[int, RawList] = {}
    rows_read = 0
    for file in _files(Path(path)):
        for name, rows in _sheets(file):
            raw = _recognise(name, rows)
            rows_read += len(rows)
            if on_progress:
                on_progress(rows_read)
            if raw is not None and raw.number not in found:
                found[raw.number] = raw
    if not found:
        raise AnnexAError(
            f"No Annex A list was recognised in {Path(path).name}: name each sheet "
            "'List 1', 'List 3' and so on, or keep the Ofsted template's headings"
        )
    return found

"""The one way to read a spreadsheet a person gives us: bounded before the work starts.

python-calamine reads (openpyxl only writes). Before calamine sees a workbook we
check it ourselves, because calamine allocates a whole sheet's grid at once: a 5 KB
file with one cell at XFD1048576 asks for 512 GB and aborts the process, and a
2 MB zip can hold 500 MB of XML. So, in order:

1. the file's size (`Limits.max_file_bytes`);
2. the zip's central directory: the declared uncompressed size of every part
   (`max_uncompressed_bytes`), and then each part is streamed through `zipfile`,
   which refuses a part larger than it declares (a lying bomb fails its CRC);
3. each sheet's extent, measured from its XML as calamine will place its cells
   (`core.sheet_extent`), against the rows, columns and cells the caller's format
   needs;

and only then does calamine build the sheet. Rows come out lazily, text cleaned of
XML-illegal characters; every refusal is a `SheetProblem` naming the sheet, the row
and the column, and the file as the person named it. Writing a CSV: `core.csv_files`.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import IO, Any

from python_calamine import CalamineWorkbook

from improvement.core.sheet_extent import measure, scan_part, sheet_names
from improvement.core.text import clean_text

EXCEL_EPOCH = datetime.date(1899, 12, 30)
LAST_SERIAL = 2958465  # 31/12/9999
SPREADSHEETS = (".xlsx", ".xlsm")
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The most a format may hold; each importer gives its own."""

    max_file_bytes: int = 20 * MB
    max_uncompressed_bytes: int = 200 * MB
    max_rows: int = 100_000
    max_columns: int = 100
    max_cells: int = 2_000_000
    max_sheets: int = 50
    # Remove XML-illegal characters from every text cell. A caller that reads only a few
    # columns of a large file may say False and clean the distinct values it keeps.
    clean: bool = True


class SheetProblem(Exception):
    """Why a file (or one of its cells) cannot be used, and where: raised or collected."""

    def __init__(
        self, sheet: str, row: int | None, column: str | int | None, message: str, fix: str = ""
    ) -> None:
        self.sheet = sheet
        self.row = row
        self.column = column_letter(column) if isinstance(column, int) else (column or "")
        self.message = message
        self.fix = fix
        super().__init__(str(self))

    @property
    def place(self) -> str:
        parts = [f"Sheet '{self.sheet}'"] if self.sheet else []
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        place = self.place[:1].upper() + self.place[1:]
        text = f"{place}: {self.message}" if place else self.message
        return f"{text} {self.fix}".strip()


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Cells ------------------------------------------------------------------------------


def is_blank(value: Any) -> bool:
    """True for an empty cell: None, or text of nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def row_is_blank(row: list[Any]) -> bool:
    return all(is_blank(value) for value in row)


# A time after the date (as case systems export it) is ignored.
DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ Tt].*)?$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ Tt].*)?$")
NUMBER = re.compile(r"^\d+(?:\.\d*)?$")


def excel_serial(number: float) -> datetime.date | None:
    """The date of an Excel (1900 system) serial; None outside 1 to 31/12/9999."""
    if not 1 <= number <= LAST_SERIAL:
        return None
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def parse_date(value: Any) -> datetime.date | None:
    """A date from a date or datetime cell, an Excel serial, or text as yyyy-mm-dd or
    dd/mm/yyyy (UK order); None when the cell holds no date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return excel_serial(value)
    text = str(value).strip()
    for pattern, order in ((ISO, (1, 2, 3)), (DMY, (3, 2, 1))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match[i]) for i in order)
            try:
                return datetime.date(year, month, day)
            except ValueError:
                return None
    if NUMBER.match(text):
        return excel_serial(float(text))
    return None


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: 12.0 -> "12", a date -> yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def check_text(value: Any, max_length: int, where: tuple[str, int, str | int]) -> str:
    """The cell's text, or a SheetProblem when it is longer than the field can hold."""
    text = clean_text(cell_text(value))
    if len(text) > max_length:
        raise SheetProblem(
            *where,
            f"has {len(text):,} characters, more than the {max_length:,} this field holds.",
            "Shorten it and upload the file again.",
        )
    return text


def check_number(
    value: Any, where: tuple[str, int, str | int], *, max_digits: int = 12, places: int = 2
) -> Decimal | None:
    """A number that fits a decimal field of `max_digits` (with `places` decimals);
    None for a blank cell; a SheetProblem for text or a number out of range."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise SheetProblem(*where, f"'{value}' is not a number.", "Write a number such as 61.")
    text = str(value).strip().replace(",", "").rstrip("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise SheetProblem(
            *where, f"'{clean_text(text)[:40]}' is not a number.", "Write a number such as 61."
        ) from None
    largest = Decimal(10) ** (max_digits - places)
    if not number.is_finite() or abs(number) >= largest:
        raise SheetProblem(
            *where,
            f"{text[:40]} is out of range.",
            f"Write a number smaller than {largest:,}.",
        )
    return number


# Sheets -----------------------------------------------------------------------------


@dataclass
class Sheet:
    """One sheet whose size has been checked; `rows()` yields (row number, cells)."""

    name: str
    height: int
    width: int
    merged: list[tuple[tuple[int, int], tuple[int, int]]]
    _source: Any
    limits: Limits
    first_column: int = 0  # calamine leaves out the empty columns left of the data
    _grid: Any = None  # a workbook sheet's whole grid from calamine, in one call

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """Each row as a list of cells, text cleaned of XML-illegal characters; stops
        with a SheetProblem past the row or cell budget."""
        limits = self.limits
        cells = 0
        pad = [""] * self.first_column
        for number, row in enumerate(self._source(), start=1):
            if pad:
                row = pad + row
            if number > limits.max_rows:
                raise _too_many(self.name, number, "rows", limits.max_rows)
            cells += len(row)
            if cells > limits.max_cells:
                raise _too_many(self.name, number, "cells", limits.max_cells)
            if len(row) > limits.max_columns:
                row = row[: limits.max_columns]
            if limits.clean:
                for index, value in enumerate(row):
                    if value.__class__ is str and not value.isprintable():
                        row[index] = clean_text(value)
            yield number, row

    def all_rows(self) -> list[list[Any]]:
        """Every row at once, the first being row 1, as `rows()` gives them. A workbook's
        sheet comes from calamine in one call, a fifth quicker than a row at a time: its
        extent was checked before its grid was built, so no row needs counting."""
        if self._grid is None or self.limits.clean:
            return [row for _number, row in self.rows()]
        return self._grid()


def _too_many(sheet: str, row: int | None, what: str, limit: int) -> SheetProblem:
    return SheetProblem(
        sheet,
        row,
        None,
        f"has more {what} than this import reads (at most {limit:,}).",
        "Delete the rows and columns the import does not need (and any stray cell far to "
        "the right or below), then upload the file again.",
    )


def read_sheets(
    source: str | Path | bytes | IO[bytes], filename: str, limits: Limits, *, first: bool = False
) -> list[Sheet]:
    """The sheets of a .xlsx, .xlsm or .csv file, each checked against the limits.

    `filename` is the name the person gave the file (never a temporary name): it
    chooses the format and names the file in every problem. `first`: only the first
    sheet is built."""
    data = _bytes(source, filename, limits)
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return [_csv_sheet(data, filename, limits)]
    if suffix in SPREADSHEETS:
        return _workbook_sheets(data, filename, limits, first)
    raise SheetProblem(
        "", None, None, f"{filename} is not a .xlsx workbook or a .csv file.", "Save it as one."
    )


def _bytes(source: str | Path | bytes | IO[bytes], filename: str, limits: Limits) -> bytes:
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str | Path):
        path = Path(source)
        if path.stat().st_size > limits.max_file_bytes:
            raise _too_big(filename, limits)
        data = path.read_bytes()
    else:
        data = source.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise _too_big(filename, limits)
    return data


def _too_big(filename: str, limits: Limits) -> SheetProblem:
    return SheetProblem(
        "",
        None,
        None,
        f"{filename} is larger than {limits.max_file_bytes // MB} MB.",
        "Remove what the import does not need, or split the file.",
    )


def _csv_sheet(data: bytes, filename: str, limits: Limits) -> Sheet:
    name = Path(filename).stem
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SheetProblem(
            name,
            line,
            None,
            f"{filename} is not UTF-8 text.",
            "Save it from Excel as 'CSV UTF-8 (Comma delimited)' and upload it again.",
        ) from None
    if "\x00" in text:
        raise SheetProblem(name, None, None, f"{filename} is not a text file.", "Save it as CSV.")

    def rows() -> Iterator[list[Any]]:
        try:
            for row in csv.reader(io.StringIO(text)):
                yield [cell if cell.strip() else None for cell in row]
        except csv.Error as exc:
            raise SheetProblem(
                name, None, None, f"{filename} is not a readable CSV: {exc}."
            ) from None

    return Sheet(name, 0, 0, [], rows, limits)


def _workbook_sheets(data: bytes, filename: str, limits: Limits, first: bool) -> list[Sheet]:
    check_archive(data, filename, limits)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises several unrelated types
        raise _unreadable(filename, exc) from None
    names = book.sheet_names[:1] if first else book.sheet_names
    if len(names) > limits.max_sheets:
        raise _too_many(filename, None, "sheets", limits.max_sheets)
    return [_open_sheet(book, name, filename, limits) for name in names]


def _unreadable(filename: str, error: Any = None) -> SheetProblem:
    detail = f" ({str(error)[:120]})" if error else ""
    return SheetProblem(
        "",
        None,
        None,
        f"{filename} could not be read as an Excel workbook{detail}.",
        "Check it opens in Excel, save it as a .xlsx workbook and upload it again.",
    )


def _open_sheet(book: CalamineWorkbook, name: str, filename: str, limits: Limits) -> Sheet:
    try:
        sheet = book.get_sheet_by_name(name)
    except Exception as exc:  # noqa: BLE001 - a chart sheet or a damaged part
        raise _unreadable(filename, exc) from None
    height, width = sheet.total_height, sheet.total_width
    _check_extent(name, height, width, limits)
    first_column = sheet.start[1] if sheet.start else 0
    merged = sheet.merged_cell_ranges or []
    # From A1 (no empty rows or columns before the data to keep) to_python's default is
    # the same grid, and quicker.
    whole = sheet.to_python if not any(sheet.start or ()) else partial(sheet.to_python, False)
    return Sheet(name, height, width, merged, sheet.iter_rows, limits, first_column, whole)


def _check_extent(name: str, height: int, width: int, limits: Limits) -> None:
    if height > limits.max_rows:
        raise _too_many(name, height, "rows", limits.max_rows)
    if width > limits.max_columns:
        raise SheetProblem(
            name,
            None,
            column_letter(width - 1),
            f"is used, but this import reads at most {limits.max_columns} columns.",
            "Delete the columns to the right of the table (and any stray cell), then upload "
            "the file again.",
        )
    if height * width > limits.max_cells:
        raise _too_many(name, None, "cells", limits.max_cells)


# The archive ------------------------------------------------------------------------


def check_archive(data: bytes, filename: str, limits: Limits) -> None:
    """Refuse a zip whose parts unpack past the limit, or a worksheet whose cell
    references reach past the rows, columns or cells the format needs, without
    building any grid."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _unreadable(filename) from None
    declared = sum(part.file_size for part in parts)
    if declared > limits.max_uncompressed_bytes:
        raise SheetProblem(
            "",
            None,
            None,
            f"{filename} unpacks to {declared // MB:,} MB, more than the "
            f"{limits.max_uncompressed_bytes // MB} MB this import reads.",
            "Delete what the import does not need (images, other sheets) and upload it again.",
        )
    names = sheet_names(archive)
    for part in parts:
        is_sheet = part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")
        try:
            extent = measure(archive, part) if is_sheet else scan_part(archive, part, None)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise _unreadable(filename) from None
        if extent is not None:
            height, width = extent.size()
            _check_extent(names.get(part.filename, part.filename), height, width, limits)

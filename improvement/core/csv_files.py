"""The one way to write a CSV file people will open in a spreadsheet (reading one is
`core.spreadsheets`; an Excel workbook is written with openpyxl).

A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "-1+2",
"@SUM") is written as text, with the leading apostrophe spreadsheets read as "this
is text" (OWASP's advice on CSV injection).
"""

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet will read it safely: text that would start a formula
    is made text; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(headers: list[str], rows: Iterable[list[Any]]) -> bytes:
    """A CSV file in UTF-8 with a byte order mark (so Excel reads it as UTF-8), every
    text cell neutralised (`safe_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(header) for header in headers])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_lines(headers: list[str], rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """The same file as `csv_bytes`, a line at a time, for a response streamed as it is
    read (a long list's download never sits in memory whole)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def line(cells: list[Any]) -> bytes:
        out.seek(0)
        out.truncate()
        writer.writerow([safe_cell(cell) for cell in cells])
        return out.getvalue().encode("utf-8")

    yield "\ufeff".encode() + line(headers)
    for row in rows:
        yield line(row)

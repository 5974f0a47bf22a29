"""Turning a list's cells into columns of numbers, and rejecting the rows that cannot be used.

Each distinct cell value is parsed once and the column is then mapped through
that lookup, so the cost is one dictionary lookup a cell, not one parse a cell.
Dates become days since 1970-01-01 (int64), with two sentinels below any real
date: BLANK and BAD (unreadable).
"""

import datetime
import re
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import numpy as np

from improvement.annex_a.reader import AnnexAError, RawList
from improvement.annex_a.schema import DATE, ID, INT, LISTS, YES
from improvement.core import spreadsheets, text
from improvement.core.spreadsheets import column_letter, is_blank
from improvement.core.text import clean_text

BLANK = np.int64(-(2**62))
BAD = np.int64(-(2**62) + 1)
EPOCH = datetime.date(1970, 1, 1).toordinal()
REASONS = ("missing_child_unique_id", "unreadable_required_date", "date_after_reference_date")
# Each reason as the import's pages and messages say it: "2 rows with no Child Unique ID",
# "row 7 (no Child Unique ID)"; the codes stay in the stored report.
REASON_WORDS = {
    "missing_child_unique_id": "no Child Unique ID",
    "unreadable_required_date": "a required date that could not be read",
    "date_after_reference_date": "a date after the reference date",
}
CODE_PREFIX = re.compile(r"^[a-z]{1,2}\d?\)\s*")
BRACKETED = re.compile(r"\s*\[.*\]\s*$")
LONGEST_ID = 100  # case systems' IDs are a dozen characters; a longer one is a wrong column


def reason_words(reason: str) -> str:
    return REASON_WORDS.get(reason, reason.replace("_", " "))


def rejected_words(rejected: dict[str, int]) -> list[str]:
    """The rejected rows counted by reason, in words, leaving out reasons with none."""
    return [
        f"{text.plural(count, 'row')} with {reason_words(reason)}"
        for reason, count in rejected.items()
        if count
    ]


def day_number(day: datetime.date) -> int:
    return day.toordinal() - EPOCH


def to_date(days: int) -> datetime.date:
    return datetime.date.fromordinal(int(days) + EPOCH)


def parse_date(value: Any) -> int:
    """Days since 1970 for a date cell; BLANK or BAD when it holds none."""
    if is_blank(value):
        return BLANK
    day = spreadsheets.parse_date(value)
    return BAD if day is None else day_number(day)


def normalise_id(value: Any) -> str:
    """A Child Unique ID held as a whole number is its digits; all IDs are trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = str(value)
    return (text if text.isprintable() else clean_text(text)).strip()


def normalise_code(value: Any) -> str:
    """The bare label of an Ofsted dropdown code: 'a) Yes [Yes]' -> 'Yes'."""
    text = BRACKETED.sub("", clean_text(str(value if value is not None else "")).strip())
    return CODE_PREFIX.sub("", text).strip()


def is_yes(value: Any) -> bool:
    if value is True:
        return True
    return normalise_code(value).lower() in {"yes", "y"}


def parse_int(value: Any) -> int:
    """A count, or -1 when blank or unreadable (which never rejects a row)."""
    if isinstance(value, bool) or value is None:
        return -1
    try:
        number = float(value)
    except (TypeError, ValueError):
        return -1
    # A count past a billion is a typing slip or a hostile file, never a child's count.
    return int(number) if 0 <= number < 1e9 else -1


PARSERS = {DATE: (parse_date, np.int64), YES: (is_yes, bool), INT: (parse_int, np.int64)}


def _lookup(values: list, kind: str) -> dict:
    """Each distinct value's parse. The cells calamine has already typed as the column
    wants (a date, printable text) take a short way, without a call each."""
    distinct = set(values)
    if kind == ID:
        return {v: v.strip() if v.__class__ is str and v.isprintable() else normalise_id(v)
                for v in distinct}  # fmt: skip
    if kind == DATE:
        return {v: v.toordinal() - EPOCH if v.__class__ is datetime.date else parse_date(v)
                for v in distinct}  # fmt: skip
    parse = PARSERS[kind][0]
    return {value: parse(value) for value in distinct}


def convert(values: list, kind: str) -> np.ndarray:
    """A column of cells as a NumPy array, each distinct value parsed once."""
    lookup = _lookup(values, kind)
    if kind == ID:
        return np.array(list(map(lookup.__getitem__, values)), dtype=str)
    dtype = PARSERS[kind][1]
    return np.fromiter(map(lookup.__getitem__, values), dtype=dtype, count=len(values))


@dataclass
class Table:
    """The used rows of one list, column by column, with the report on the rest."""

    number: int
    fields: dict[str, np.ndarray]
    quality: dict[str, Any] = field(default_factory=dict)
    # The workbook's own dates, to check the reference date against (annex_a/dates.py).
    dates: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.fields["row"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self.fields[name]


def _has_value(row: list) -> bool:
    return row.count("") + row.count(None) < len(row)


def _nonblank(raw: RawList) -> tuple[list[list], np.ndarray]:
    # any() stops at the first filled cell, usually the first; only rows it calls empty
    # (which may hold zeros) get the exact test.
    keep = np.fromiter(map(any, raw.rows), dtype=bool, count=len(raw.rows))
    for index in np.flatnonzero(~keep):
        keep[index] = _has_value(raw.rows[index])
    rows = list(compress(raw.rows, keep))
    return rows, np.flatnonzero(keep).astype(np.int64) + raw.first_row


def _columns(raw: RawList, rows: list[list]) -> dict[str, np.ndarray]:
    spec = LISTS[raw.number]
    width = len(raw.found)
    if rows and min(map(len, rows)) < width:
        rows = [list(row) + [""] * (width - len(row)) for row in rows]
    by_field = {column.field: position for position, column in raw.mapping.items()}
    columns = {}
    for column in spec.columns:
        if column.kind == "text" or column.field in columns:
            continue
        position = by_field.get(column.field)
        cells = [row[position] for row in rows] if position is not None else [None] * len(rows)
        columns[column.field] = convert(cells, column.kind)
    return columns


def _reasons(number: int, columns: dict[str, np.ndarray], reference: int) -> np.ndarray:
    """0 for a used row, else 1 + the index of its reason in REASONS."""
    spec = LISTS[number]
    missing = columns["child_id"] == ""
    unreadable = np.zeros(len(missing), dtype=bool)
    for name in spec.required:
        unreadable |= columns[name] <= BAD
    after = np.zeros(len(missing), dtype=bool)
    for column in spec.columns:
        if column.kind == DATE and column.field != "dob":
            after |= columns[column.field] > reference
    return np.select([missing, unreadable, after], [1, 2, 3], 0)


def _rejected_sample(numbers: np.ndarray, reasons: np.ndarray, limit: int = 50) -> list[dict]:
    where = np.flatnonzero(reasons)[:limit]
    return [{"row": int(numbers[i]), "reason": REASONS[reasons[i] - 1]} for i in where]


def _check_ids(raw: RawList, ids: np.ndarray, numbers: np.ndarray) -> None:
    """Refuse the file when a Child Unique ID is far longer than any case system writes."""
    if not len(ids) or ids.dtype.itemsize // 4 <= LONGEST_ID:
        return
    index = int(np.flatnonzero(np.char.str_len(ids) > LONGEST_ID)[0])
    position = next(p for p, column in raw.mapping.items() if column.field == "child_id")
    raise AnnexAError(
        f"Sheet '{raw.sheet}', row {numbers[index]}, column {column_letter(position)}: the "
        f"Child Unique ID has {len(ids[index]):,} characters, more than {LONGEST_ID}. "
        "Check the column holds the IDs, then import the file again."
    )


def _date_facts(
    raw: RawList, columns: dict[str, np.ndarray], numbers: np.ndarray, reference: int
) -> dict[str, Any]:
    """The first cell dated after the reference date, and the cell with the latest date
    (a date of birth is neither: an unborn child's is rightly later)."""
    first_after: tuple[int, str, int] | None = None
    latest: tuple[int, str] | None = None
    for position, column in raw.mapping.items():
        if column.kind != DATE or column.field == "dob" or not len(numbers):
            continue
        values = columns[column.field]
        cell = f"{column_letter(position)}"
        after = np.flatnonzero(values > reference)
        if len(after) and (first_after is None or numbers[after[0]] < first_after[2]):
            first_after = (int(values[after[0]]), f"{cell}{numbers[after[0]]}", numbers[after[0]])
        top = int(np.argmax(values))
        if values[top] > BAD and (latest is None or values[top] > latest[0]):
            latest = (int(values[top]), f"{cell}{numbers[top]}")
    return {
        "first_after": first_after[:2] if first_after else None,
        "latest": latest,
    }


def build_table(raw: RawList, reference: datetime.date) -> Table:
    """The used rows of a list, and its data_quality entry."""
    rows, numbers = _nonblank(raw)
    columns = _columns(raw, rows)
    _check_ids(raw, columns["child_id"], numbers)
    reasons = _reasons(raw.number, columns, day_number(reference))
    used = reasons == 0
    counts = np.bincount(reasons, minlength=4)
    unreadable_optional = 0
    for name, values in columns.items():
        if values.dtype == np.int64 and name not in LISTS[raw.number].required:
            bad = values == BAD
            if LISTS[raw.number].column(name).kind == DATE:
                unreadable_optional += int(np.count_nonzero(bad & used))
                values[bad] = BLANK
    quality = {
        "sheet": raw.sheet,
        "rows": len(rows),
        "used": int(counts[0]),
        "rejected": {reason: int(counts[i + 1]) for i, reason in enumerate(REASONS)},
        "unreadable_optional_dates": unreadable_optional,
        "headers_mapped": raw.headers_mapped,
        "rejected_rows": _rejected_sample(numbers, reasons),
    }
    dates = _date_facts(raw, columns, numbers, day_number(reference))
    fields = {name: values[used] for name, values in columns.items()}
    fields["row"] = numbers[used]
    return Table(raw.number, fields, quality, dates)


def empty_quality() -> dict[str, Any]:
    return {
        "sheet": None,
        "rows": 0,
        "used": 0,
        "rejected": dict.fromkeys(REASONS, 0),
        "unreadable_optional_dates": 0,
        "headers_mapped": {},
    }

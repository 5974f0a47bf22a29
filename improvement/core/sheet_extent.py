"""How far each worksheet of a workbook reaches, read from its XML before calamine
builds its grid (core.spreadsheets.check_archive refuses one past its limits).

calamine places a cell by its reference (r="C7"), or one without at the next place in
its row, and allocates the whole rectangle its cells reach: a 5 KB file with one cell
at XFD1048576 asks for 512 GB. So every part is unpacked in chunks (zipfile stops at
its declared size and checks its CRC) and each worksheet measured as calamine will
place its cells, whichever way the XML writes them: a reference quoted either way,
after a line break or another attribute, in small letters, behind a namespace prefix.
"""

import html
import re
import zipfile
from functools import lru_cache

CHUNK = 1 << 20

SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
ATTRIBUTE = re.compile(rb"([^\s=<>/]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
REFERENCE = re.compile(r"([A-Z]+)(\d+)")
# Any <row> or <c> written with a namespace prefix (<x:c>): such a chunk is read with
# the slower patterns that allow one.
PREFIXED = re.compile(rb":(?:row|c)[\s>/]")
NO_PREFIX, ANY_PREFIX = b"", rb"(?:[^\s<>:/]+:)?"
LAST_CELL = re.compile(rb'<c r="[A-Za-z]{1,3}(\d{1,7})"')


def _column_index(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


def raw_attributes(element: bytes) -> dict[bytes, bytes]:
    """An element's attributes by their written names, read as an XML parser reads
    them (either quote, spaces around '='), so a value is never taken for another
    attribute; the first of a repeated name."""
    found: dict[bytes, bytes] = {}
    for key, quoted in ATTRIBUTE.findall(element):
        found.setdefault(key, quoted[1:-1])
    return found


def attributes(element: bytes) -> dict[str, str]:
    found = {}
    for key, value in raw_attributes(element).items():
        name = key.decode("utf-8", "replace")
        name = name.rsplit(":", 1)[-1] if name != "xmlns" else name
        found.setdefault(name, html.unescape(value.decode("utf-8", "replace")))
    return found


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's sheet name, so a problem names the sheet the person sees."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return {}
    targets = {}
    for element in RELATION.findall(rels):
        attrs = attributes(element)
        target = attrs.get("Target", "").lstrip("/")
        targets[attrs.get("Id")] = target if target.startswith("xl/") else f"xl/{target}"
    names = {}
    for element in SHEET_ENTRY.findall(book):
        attrs = attributes(element)
        if attrs.get("id") in targets:
            names[targets[attrs["id"]]] = attrs.get("name", "")
    return names


def measure(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> "Extent":
    """A worksheet's extent: from its cells' references alone, as almost every
    workbook allows; from its rows' numbers too when a cell has no reference (or
    the sheet is written with namespace prefixes)."""
    try:
        return scan_part(archive, part, Extent())
    except _NeedsRows:
        return scan_part(archive, part, Extent(rows_too=True))


def scan_part(
    archive: zipfile.ZipFile, part: zipfile.ZipInfo, extent: "Extent | None"
) -> "Extent | None":
    """Unpack one part in chunks (zipfile stops at its declared size and checks its CRC),
    measuring a worksheet's extent as it goes."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            if extent is not None:
                text = tail + chunk
                cut = text.rfind(b"<")
                extent.scan(text[:cut])
                tail = text[cut:]
    return extent


class _NeedsRows(Exception):
    """A cell without a reference sits in its row: measure the rows' numbers too."""


class Extent:
    """How far a worksheet's cells reach, as calamine will place them (it leaves out
    rows without cells).

    One pattern a chunk passes over every ordinary cell: its reference written first,
    within the columns and rows already reached (the rows by the chunk's last cell, as
    rows come in order); the few others are read one by one, so the extent is exact.
    A cell without a reference takes the next place in its row, so `rows_too` also
    reads every row's number, and each cell or row without one may push the extent
    one further.
    """

    def __init__(self, *, rows_too: bool = False) -> None:
        self.rows_too = rows_too
        self.rows = self.unnumbered = self.columns = self.unreferenced = 0
        self.cells = False

    def scan(self, text: bytes) -> None:
        prefixed = PREFIXED.search(text) is not None
        if prefixed and not self.rows_too:
            raise _NeedsRows
        prefix = ANY_PREFIX if prefixed else NO_PREFIX
        rows, cells, any_cell = _patterns(prefix, max(self.columns, 26))
        if self.rows_too:
            self._numbered_rows(rows.findall(text))
        else:
            self._reach_last_cell(text)
        self.cells = self.cells or any_cell.search(text) is not None
        if self.cells:
            for tag in re.findall(cells % _number_upto(self.rows), text):
                self._odd_cell(tag)

    def _reach_last_cell(self, text: bytes) -> None:
        last = LAST_CELL.match(text, max(text.rfind(b'<c r="'), 0))
        if last is not None:
            self.rows = max(self.rows, int(last[1]))

    def _numbered_rows(self, found: list[tuple[bytes, bytes]]) -> None:
        numbers = [number for number, _tag in found if number]
        if numbers:
            self.rows = max(self.rows, *map(int, numbers))
        for number, tag in found:
            if number:
                continue
            reference = raw_attributes(tag).get(b"r")
            if reference is None:
                self.unnumbered += 1
            else:
                self.rows = max(self.rows, int(reference))  # ValueError: not a number

    def _odd_cell(self, tag: bytes) -> None:
        reference = raw_attributes(tag).get(b"r")
        if reference is None:
            if not self.rows_too:
                raise _NeedsRows
            self.unreferenced += 1
            return
        found = REFERENCE.fullmatch(reference.decode("ascii", "replace").upper())
        if found is None:
            raise ValueError(f"not a cell reference: {reference[:20]!r}")
        self.columns = max(self.columns, _column_index(found[1].encode()))
        self.rows = max(self.rows, int(found[2]))

    def size(self) -> tuple[int, int]:
        width = max(self.columns, 26 if self.cells else 0) + self.unreferenced
        return self.rows + self.unnumbered, width


# A tag's attributes, quoted values whole (a value may hold '>').
TAG_BODY = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)"


@lru_cache(maxsize=32)
def _patterns(prefix: bytes, columns: int) -> tuple[re.Pattern, bytes, re.Pattern]:
    """The <row> pattern (its number if written first, or its whole tag), the <c>
    pattern to finish with the rows found (a tag unless its reference comes first and
    lies within `columns` and those rows), and the pattern that finds any cell."""
    rows = re.compile(rb"<%srow(?=[\s>/])(?: r=\"(\d+)\"(?=[\s>/])|%s)" % (prefix, TAG_BODY))
    cells = rb"<%sc(?=[\s>/])(?! r=\"%s%%s\"[\s>/])%s" % (prefix, _letters_upto(columns), TAG_BODY)
    return rows, cells, re.compile(rb"<%sc[\s>/]" % prefix)


def _letters_upto(columns: int) -> bytes:
    """A pattern for the letters of columns 1 to `columns` (A to ZZ at most)."""
    columns = min(columns, 702)
    if columns <= 26:
        return b"[A-%c]" % (64 + columns)
    first, last = divmod(columns - 1, 26)
    wide = b"[A-%c][A-Z]|" % (63 + first) if first > 1 else b""
    return b"(?:[A-Z]|%s%c[A-%c])" % (wide, 64 + first, 65 + last)


def _number_upto(number: int) -> bytes:
    """A pattern for the whole numbers 1 to `number` as written without leading zeros,
    the numbers as long as `number` first (the common case in a long sheet)."""
    if number < 1:
        return b"(?!)"
    digits = str(number).encode()
    options = []
    for place, digit in enumerate(digits):
        low, high = (1 if place == 0 else 0), digit - ord("1")  # the digits below this one
        if high >= low:
            rest = len(digits) - place - 1
            more = rb"\d{%d}" % rest if rest else b""
            options.append(digits[:place] + b"[%d-%d]" % (low, high) + more)
    options.append(digits)
    if len(digits) > 1:
        options.append(rb"[1-9]\d{0,%d}" % (len(digits) - 2))
    return b"(?:" + b"|".join(options) + b")"

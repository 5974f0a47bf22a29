"""Reading an improvement plan workbook into plain data (see formats/plan-workbook.md).

Nothing here touches the database: `read_workbook` turns a council's own
spreadsheet into objectives and actions, and says what it could not read and
how to fix it. `importing.py` applies the result.
"""

import calendar
import csv
import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

FIELDS = (
    "ref",
    "objective",
    "finding",
    "action",
    "owner",
    "organisation",
    "start",
    "due",
    "rating",
    "rating_reason",
    "progress",
    "updated_on",
    "success_measure",
    "evidence",
    "support_needed",
)

# Examples of the wording councils use; matching ignores case, punctuation,
# spaces, a trailing "?", a plural "s" and "(s)".
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "Ref", "Reference", "Ref no", "No.", "Number", "ID", "Action ref", "Action no",
        "Action number", "Action ID", "Item", "Item no",
    ),
    "objective": (
        "Objective", "Priority", "Theme", "Workstream", "Work stream", "Ambition",
        "Strategic objective", "Improvement priority", "Priority area", "Outcome area",
        "Objective title", "Strategic priority",
    ),
    "finding": (
        "Finding", "Area for improvement", "Priority action", "Recommendation",
        "Ofsted finding", "Ofsted recommendation", "Inspection finding", "Issue",
        "What Ofsted said", "Improvement notice requirement", "Area of improvement",
    ),
    "action": (
        "Action", "Action required", "What", "Action description", "Description",
        "Key action", "Actions to be taken", "Action to be taken", "What we will do",
        "What will we do", "Task", "Activity", "Intervention", "Improvement action",
    ),
    "owner": (
        "Owner", "Lead", "Lead officer", "Responsible officer", "Who", "Action owner",
        "Action lead", "Lead person", "Responsible person", "Responsibility", "Responsible",
        "Accountable officer", "Accountable lead", "Lead manager", "By whom", "Named lead",
        "Officer", "Lead responsible officer",
    ),
    "organisation": (
        "Organisation", "Organization", "Agency", "Partner", "Lead agency",
        "Lead organisation", "Partner agency", "Lead partner",
    ),
    "start": ("Start", "Start date", "Date started", "Commencement date", "Start by", "From"),
    "due": (
        "Due", "Due date", "Target date", "Deadline", "Timescale", "By when", "When",
        "Completion date", "Target completion date", "Date due", "Target", "Timeframe",
        "Due by", "End date", "Date for completion", "Target date for completion",
    ),
    "rating": (
        "RAG", "R/A/G", "BRAG", "B/R/A/G", "Status", "Current status", "Rating",
        "RAG rating", "RAG status", "BRAG rating", "BRAG status", "Progress rating",
        "Current RAG", "Overall RAG", "Progress RAG", "Current rating",
    ),
    "rating_reason": (
        "RAG reason", "Reason", "Rationale", "Reason for rating", "Reason for RAG",
        "RAG rationale", "Rating reason", "Rationale for RAG", "Justification",
        "Reason for RAG rating", "Rating rationale", "Reason for status", "BRAG reason",
    ),
    "progress": (
        "Progress", "Progress update", "Update", "Commentary", "Progress to date",
        "Latest update", "Latest progress", "Progress commentary", "Comments", "Comment",
        "Progress made", "Update on progress", "Current position", "Progress notes",
        "Narrative",
    ),
    "updated_on": (
        "Update date", "Last updated", "Date of update", "Date updated", "Updated",
        "Last update", "Date of last update", "Updated on", "As at", "As of",
        "Progress update date",
    ),
    "success_measure": (
        "Success measure", "Measure of success", "How will we know", "Outcome",
        "Success criteria", "Measures of success", "Measure", "Expected outcome",
        "Intended outcome", "Impact measure", "KPI", "Key performance indicator",
        "What difference will it make", "Desired outcome", "How will we know it has worked",
    ),
    "evidence": (
        "Evidence", "Evidence of impact", "Monitoring and evaluation", "Evidence of completion",
        "Evidence of progress", "Impact", "Evidence planned", "Source of evidence",
        "Evidence source", "Monitoring",
    ),
    "support_needed": (
        "Support needed", "Capacity needed", "Barriers", "Support required",
        "Support or capacity needed", "Resources needed", "Resources required", "Resource",
        "Barriers to progress", "Risks and barriers", "Issues and barriers", "Help needed",
        "Blockers", "Risk",
    ),
}  # fmt: skip

RATING_WORDS: dict[str, str] = {
    "b": "blue",
    "blue": "blue",
    "g": "green",
    "green": "green",
    "a": "amber",
    "amber": "amber",
    "orange": "amber",
    "r": "red",
    "red": "red",
    "grey": "grey",
    "gray": "grey",
    "complete": "blue",
    "completed": "blue",
    "on track": "green",
    "at risk": "amber",
    "off track": "red",
    "not started": "grey",
    "overdue": "red",
}
ACCEPTED_RATINGS = (
    "B, R, A, G; Blue, Green, Amber, Red, Grey; two colours such as Amber/Green (the first "
    "is used); Complete, Completed, On track, At risk, Off track, Not started, Overdue; "
    "or leave it blank"
)

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"'?(\d{4}|\d{2})"
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
DMY_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?[\s\-]+{_MONTH},?[\s\-]+{_YEAR}$")
MONTH_YEAR = re.compile(rf"^(?:(?:by\s+)?(?:the\s+)?(end)\s+(?:of\s+)?)?{_MONTH}[\s\-,]+{_YEAR}$")
QUARTER = re.compile(r"^q([1-4])\s*(?:fy\s*)?(\d{4}|\d{2})\s*[/\-]\s*(\d{4}|\d{2})$")
HEADER_MONTH = re.compile(rf"\b{_MONTH}[\s\-,]*{_YEAR}\b")
LEADING_REF = re.compile(r"^(\d+(?:\.\d+)*)[.):]?\s+(\S.*)$", re.DOTALL)
OWNER_SPLIT = re.compile(r"\n|;|/|\band\b", re.IGNORECASE)
RATING_SPLIT = re.compile(r"\s*(?:/|\\|-|&|,|\bto\b|\bor\b)\s*")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
HEADER_SEARCH_ROWS = 20
BLANK_RUN_LIMIT = 200
FILE_TYPES = (".xlsx", ".xlsm", ".csv")


@dataclass
class Problem:
    """A warning or an error, with where it is and what to do about it."""

    sheet: str
    row: int | None
    column: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.sheet or "workbook"
        if self.row:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message} Fix: {self.fix}"


@dataclass
class HeaderMatch:
    column: str
    header: str
    field: str | None  # None: kept as extra text on each action
    note: str = ""


@dataclass
class ParsedAction:
    row: int
    ref: str = ""
    title: str = ""
    finding: str = ""
    owners: list[str] = field(default_factory=list)
    organisation: str = ""
    start_on: datetime.date | None = None
    due_on: datetime.date | None = None
    due_text: str = ""
    rating: str = ""
    rating_reason: str = ""
    progress: str = ""
    updated_on: datetime.date | None = None
    success_measure: str = ""
    evidence: str = ""
    support_needed: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def has_update(self) -> bool:
        return bool(self.progress or self.rating or self.rating_reason or self.support_needed)


@dataclass
class ParsedObjective:
    ref: str
    title: str
    text: str
    row: int | None
    theme: str = ""
    actions: list[ParsedAction] = field(default_factory=list)


@dataclass
class ParsedPlan:
    """The workbook as data, and the report of reading (and later importing) it."""

    filename: str
    sheet: str = ""
    header_row: int | None = None
    rows_read: int = 0
    headers: list[HeaderMatch] = field(default_factory=list)
    extra_headers: list[str] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    objectives: list[ParsedObjective] = field(default_factory=list)
    progress_month: datetime.date | None = None
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    objectives_created: int = 0
    objectives_updated: int = 0
    updates_recorded: int = 0
    applied: bool = False

    @property
    def actions(self) -> list[ParsedAction]:
        return [action for objective in self.objectives for action in objective.actions]

    @property
    def unmapped(self) -> list[str]:
        return [match.header for match in self.headers if match.field is None]

    def summary(self) -> str:
        return (
            f"{len(self.actions)} actions ({self.created} created, {self.updated} updated), "
            f"{len(self.objectives)} objectives, {len(self.warnings)} warnings, "
            f"{len(self.errors)} errors"
        )

    def report(self) -> str:
        lines = [self.summary()]
        if self.sheet:
            lines.append(
                f"Read {self.rows_read} rows of sheet '{self.sheet}' (header on row "
                f"{self.header_row}) from {self.filename}"
            )
        lines.append(
            f"Objectives: {self.objectives_created} created, {self.objectives_updated} updated; "
            f"progress updates recorded: {self.updates_recorded}"
        )
        if self.headers:
            lines.append("Header mapping:")
            lines += [
                f"  {m.column} '{m.header}' -> {m.field or 'kept as extra text'}"
                + (f" ({m.note})" if m.note else "")
                for m in self.headers
            ]
        if self.unmapped:
            lines.append("Unmapped headers, kept as extra text: " + ", ".join(self.unmapped))
        if self.ignored_sheets:
            lines.append("Ignored sheets: " + ", ".join(self.ignored_sheets))
        for title, problems in (("Errors", self.errors), ("Warnings", self.warnings)):
            if problems:
                lines.append(f"{title}:")
                lines += [f"  {problem}" for problem in problems]
        if self.errors:
            lines.append("Nothing was imported: fix the errors and import the file again.")
        return "\n".join(lines)


# Header matching ---------------------------------------------------------------------


def normalise(header: Any) -> str:
    """The comparable form of a header: 'Lead Officer(s)?' and 'lead officers' are alike."""
    text = str(header or "").lower().replace("(s)", "").replace("&", " and ")
    text = text.strip().rstrip("?").strip()
    words = re.findall(r"[a-z0-9]+", text)
    return "".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


HEADER_FIELDS: dict[str, str] = {
    normalise(example): name for name, examples in SYNONYMS.items() for example in examples
}


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


def match_header(header: str, overrides: dict[str, str]) -> tuple[str | None, datetime.date | None]:
    """The field a header means, and the month it names (as in 'Progress October 2023')."""
    key = normalise(header)
    if key in overrides:
        return overrides[key], None
    if key in HEADER_FIELDS:
        return HEADER_FIELDS[key], None
    dated = HEADER_MONTH.search(header.lower())
    if dated:
        rest = normalise(header.lower()[: dated.start()] + " " + header.lower()[dated.end() :])
        name = overrides.get(rest) or HEADER_FIELDS.get(rest)
        if name:
            month = MONTHS[dated.group(1)]
            return name, _month_end(_year(dated.group(2)), month)
    return None, None


# Values ------------------------------------------------------------------------------


def _year(text: str) -> int:
    number = int(text)
    if len(text) <= 2:
        return 2000 + number if number < 70 else 1900 + number
    return number


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(quarter: int, first_year: int, end: bool) -> datetime.date:
    start_month = (3 * quarter + 1) % 12 or 12  # Q1 April, Q2 July, Q3 October, Q4 January
    year = first_year + (1 if quarter == 4 else 0)
    if not end:
        return datetime.date(year, start_month, 1)
    return _month_end(year, start_month + 2)


def _serial(number: float) -> datetime.date | None:
    if 10000 <= number <= 2958465:
        return EXCEL_EPOCH + datetime.timedelta(days=int(number))
    return None


def _text_date(text: str, end: bool) -> datetime.date | None:
    if match := ISO_DATE.match(text):
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    if match := DMY_DATE.match(text):
        return datetime.date(_year(match[3]), int(match[2]), int(match[1]))
    if match := DAY_MONTH_YEAR.match(text):
        return datetime.date(_year(match[3]), MONTHS[match[2]], int(match[1]))
    if match := MONTH_YEAR.match(text):
        year, month = _year(match[3]), MONTHS[match[2]]
        if match[1] or end:
            return _month_end(year, month)
        return datetime.date(year, month, 1)
    if match := QUARTER.match(text):
        return _quarter(int(match[1]), _year(match[2]), end)
    if text.isdigit():
        return _serial(int(text))
    return None


def parse_date(value: Any, *, end: bool = True) -> datetime.date | None:
    """A date from any form the contract lists; None if it is not one.

    A month alone ("Dec 2016") means its last day when `end`, else its first.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _serial(value)
    text = re.sub(r"\s+", " ", str(value or "").strip().lower()).rstrip(".")
    try:
        return _text_date(text, end)
    except ValueError:  # 31/02/2024 and the like
        return None


def parse_rating(value: Any, scale: Iterable[dict[str, str]] = ()) -> str | None:
    """The rating code a cell means, "" for blank, or None when it means nothing."""
    text = re.sub(r"\s+", " ", str(value or "").strip().lower()).rstrip(".")
    if not text:
        return ""
    words = dict(RATING_WORDS)
    for row in scale:
        words.setdefault(row["code"].lower(), row["code"])
        words.setdefault(row["label"].lower(), row["code"])
    candidates = [
        text,
        text.replace("-", " "),
        re.sub(r"\s*\(.*\)\s*", "", text),
        RATING_SPLIT.split(text)[0],
    ]
    for candidate in candidates:
        if candidate in words:
            return words[candidate]
    return None


def split_owners(text: str) -> list[str]:
    """Names in one cell, split on new lines, ';', '/' and 'and' (never on commas)."""
    names: list[str] = []
    for part in OWNER_SPLIT.split(text or ""):
        name = " ".join(part.split()).strip(" ,.")
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def split_ref(text: str) -> tuple[str, str]:
    """'1.2 Front door' -> ('1.2', 'Front door'); text without a leading number -> ('', text)."""
    match = LEADING_REF.match(text.strip())
    if match:
        return match[1], match[2].strip()
    return "", text.strip()


# Sheets ------------------------------------------------------------------------------


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    merged_rows: set[int] = field(default_factory=set)  # rows merged across 3+ columns


def _letter(index: int) -> str:
    return get_column_letter(index + 1)


def load_sheets(source: str | Path | IO[bytes], filename: str | None = None) -> list[Sheet]:
    """The sheets of a .xlsx, .xlsm or .csv file, as rows of cell values."""
    name = filename or str(source)
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return [_csv_sheet(source, Path(name).stem)]
    if suffix in (".xlsx", ".xlsm"):
        return _excel_sheets(source)
    raise ValueError(f"{Path(name).name} is not a .xlsx, .xlsm or .csv file")


def _csv_sheet(source: str | Path | IO[bytes], name: str) -> Sheet:
    if isinstance(source, (str, Path)):
        data = Path(source).read_bytes()
    else:
        data = source.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    rows = [
        [cell if cell.strip() else None for cell in row] for row in csv.reader(io.StringIO(text))
    ]
    return Sheet(name, rows)


def _excel_sheets(source: str | Path | IO[bytes]) -> list[Sheet]:
    book = load_workbook(source, data_only=True)
    sheets = []
    for worksheet in book.worksheets:
        merged = set()
        for cells in worksheet.merged_cells.ranges:
            if cells.max_col - cells.min_col >= 2:
                merged.update(range(cells.min_row, cells.max_row + 1))
        rows = []
        blank_run = 0
        for row in worksheet.iter_rows(values_only=True):
            values = [None if _blank(value) else value for value in row]
            blank_run = 0 if any(v is not None for v in values) else blank_run + 1
            if blank_run > BLANK_RUN_LIMIT:
                break
            rows.append(values)
        sheets.append(Sheet(worksheet.title, rows, merged))
    book.close()
    return sheets


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# Reading the plan --------------------------------------------------------------------


def find_header(sheet: Sheet, overrides: dict[str, str]) -> int | None:
    """The index of the header row, if this sheet holds a plan."""
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        fields = {match_header(cell_text(v), overrides)[0] for v in row if not _blank(v)}
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
    """Read a plan workbook. Never raises for a bad file: problems go in the report."""
    name = Path(filename or str(source)).name
    plan = ParsedPlan(filename=name)
    overrides, problems = parse_mappings(mappings)
    plan.errors += problems
    try:
        sheets = load_sheets(source, filename or str(source))
    except Exception as exc:  # any unreadable file is reported, not raised
        plan.errors.append(
            Problem(
                "",
                None,
                "",
                f"{name} could not be read ({exc}).",
                "Save it from Excel as a .xlsx workbook (or a .csv file) and try again.",
            )
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
        _SheetReader(plan, sheet, found, overrides, scale).read()
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


class _SheetReader:
    """Reads one plan sheet: its header, then section, action and continuation rows."""

    def __init__(
        self,
        plan: ParsedPlan,
        sheet: Sheet,
        header_index: int,
        overrides: dict[str, str],
        scale: list[dict[str, str]],
    ) -> None:
        self.plan = plan
        self.sheet = sheet
        self.header_index = header_index
        self.overrides = overrides
        self.scale = scale
        self.columns: dict[int, str] = {}  # column index -> field
        self.extras: dict[int, str] = {}  # column index -> header kept as extra text
        self.headers: dict[int, str] = {}
        self.objectives: dict[str, ParsedObjective] = {}
        self.current: ParsedObjective | None = None
        self.theme = ""
        self.last_was_section = False
        self.action: ParsedAction | None = None

    # Header -------------------------------------------------------------------------

    def read(self) -> None:
        self.plan.sheet = self.sheet.name
        self.plan.header_row = self.header_index + 1
        self._map_header(self.sheet.rows[self.header_index])
        for index in range(self.header_index + 1, len(self.sheet.rows)):
            self._read_row(index + 1, self.sheet.rows[index])
        self._finish()

    def _map_header(self, row: list[Any]) -> None:
        for index, value in enumerate(row):
            header = cell_text(value)
            if not header:
                continue
            self.headers[index] = header
            name, month = match_header(header, self.overrides)
            match = HeaderMatch(_letter(index), header, name)
            if name is not None and name in self.columns.values():
                match.field, match.note = None, f"{name} is already read from another column"
                self._warn(
                    self.header_index + 1,
                    index,
                    f"'{header}' also means {name}, which is read from an earlier column.",
                    "Its text is kept as extra text on each action. Rename one of the columns, "
                    "or map it with --map if it means something else.",
                )
            if match.field is None:
                self.extras[index] = header
                self.plan.extra_headers.append(header)
            else:
                self.columns[index] = match.field
                if month and match.field == "progress":
                    self.plan.progress_month = month
                    match.note = f"updates dated {month:%-d %B %Y}"
            self.plan.headers.append(match)
        self._check_columns()

    def _check_columns(self) -> None:
        if "rating" not in self.columns.values():
            self._warn(
                self.header_index + 1,
                None,
                "The plan has no rating column, so its actions will show as not yet rated.",
                'Add a RAG column, or name yours with --map "HEADER=rating".',
            )
        if "updated_on" in self.columns.values():
            self.plan.progress_month = None

    @property
    def first_column(self) -> int:
        return min(self.headers) if self.headers else 0

    # Rows ---------------------------------------------------------------------------

    def _read_row(self, number: int, row: list[Any]) -> None:
        filled = [i for i, v in enumerate(row) if not _blank(v) and (i in self.headers or i < 2)]
        if not filled:
            return
        self.plan.rows_read += 1
        action_index = self._column_of("action")
        has_action = action_index is not None and action_index in filled
        if self._is_section(number, row, filled, has_action):
            self._section(number, [cell_text(row[i]) for i in filled])
            return
        self.last_was_section = False
        if has_action:
            self._start_action(number, row)
        elif self.action is None:
            self._warn(
                number,
                None,
                "This row has no action text and there is no action above it to continue.",
                "Put the action's text in the action column, or delete the row.",
            )
            return
        self._fill(number, row, continuing=not has_action)

    def _column_of(self, name: str) -> int | None:
        return next((i for i, f in self.columns.items() if f == name), None)

    def _is_section(self, number: int, row: list[Any], filled: list[int], has_action: bool) -> bool:
        if any(i >= self.first_column + 2 for i in filled):
            return False
        if not has_action:
            return True
        texts = [cell_text(row[i]) for i in filled]
        if number in self.sheet.merged_rows or any(t.isupper() for t in texts):
            return True
        return self._heads_numbering(number, row)

    def _heads_numbering(self, number: int, row: list[Any]) -> bool:
        """A row '2 | Care leavers' heads the rows below it numbered 2.1, 2.2 and so on."""
        ref_index = self._column_of("ref")
        if ref_index is None or ref_index >= len(row):
            return False
        ref = cell_text(row[ref_index]).rstrip(".")
        following = next((r for r in self.sheet.rows[number:] if any(v is not None for v in r)), [])
        below = cell_text(following[ref_index]) if ref_index < len(following) else ""
        return bool(ref) and below.startswith(f"{ref}.")

    def _section(self, number: int, texts: list[str]) -> None:
        previous = self.current
        if self.last_was_section and previous is not None and not previous.actions:
            # A section directly followed by another is a heading for the objectives below it.
            self.objectives.pop(previous.text.lower(), None)
            self.theme = previous.text
        if len(texts) == 2 and len(texts[0]) <= 12 and any(c.isdigit() for c in texts[0]):
            ref, title = texts[0].rstrip(".:"), texts[1]
        else:
            ref, title = split_ref(" ".join(texts))
        text = " ".join(texts)
        self.current = self._objective(ref, title, text, number)
        self.last_was_section = True
        self.action = None

    def _objective(self, ref: str, title: str, text: str, number: int | None) -> ParsedObjective:
        key = text.lower()
        if key not in self.objectives:
            self.objectives[key] = ParsedObjective(ref, title, text, number, theme=self.theme)
        return self.objectives[key]

    def _start_action(self, number: int, row: list[Any]) -> None:
        objective_index = self._column_of("objective")
        text = cell_text(row[objective_index]) if objective_index is not None else ""
        if text:
            ref, title = split_ref(text)
            self.current = self._objective(ref, title, text, number)
        elif self.current is None:
            self.current = self._objective("", self.sheet.name, self.sheet.name, None)
        self.action = ParsedAction(row=number)
        self.current.actions.append(self.action)

    def _fill(self, number: int, row: list[Any], continuing: bool) -> None:
        assert self.action is not None
        skip = {"objective", "ref"} if continuing else {"objective"}
        for index, value in enumerate(row):
            if _blank(value):
                continue
            if index in self.extras:
                _append(self.action.extra, self.extras[index], cell_text(value))
            elif index in self.columns and self.columns[index] not in skip:
                self._cell(number, index, self.columns[index], value)

    # Cells --------------------------------------------------------------------------

    def _cell(self, number: int, index: int, name: str, value: Any) -> None:
        action = self.action
        assert action is not None
        if name == "owner":
            for owner in split_owners(cell_text(value)):
                if owner.lower() not in {o.lower() for o in action.owners}:
                    action.owners.append(owner)
        elif name in ("start", "due", "updated_on"):
            self._date_cell(number, index, name, value)
        elif name == "rating":
            self._rating_cell(number, index, value)
        else:
            attribute = {"action": "title", "evidence": "evidence"}.get(name, name)
            current = getattr(action, attribute)
            text = cell_text(value)
            setattr(action, attribute, f"{current}\n{text}" if current else text)

    def _date_cell(self, number: int, index: int, name: str, value: Any) -> None:
        action = self.action
        assert action is not None
        text = cell_text(value)
        if name == "due" and text.lower().startswith("from "):
            start = parse_date(text[5:], end=False)
            if start is not None:
                action.start_on = action.start_on or start
                return
        day = parse_date(value, end=name != "start")
        attribute = {"start": "start_on", "due": "due_on", "updated_on": "updated_on"}[name]
        if day is not None:
            if getattr(action, attribute) is None:
                setattr(action, attribute, day)
            return
        if name == "due":
            action.due_text = f"{action.due_text}\n{text}" if action.due_text else text
            fix = "It is kept as the due text. To track it against a date, enter one such as "
            fix += "31/10/2024, Oct 2024 or Q3 2024/25."
        else:
            _append(action.extra, self.headers[index], text)
            fix = "It is kept as extra text. Enter a date such as 31/10/2024 or Oct 2024."
        self._warn(number, index, f"'{text}' is not a date.", fix)

    def _rating_cell(self, number: int, index: int, value: Any) -> None:
        action = self.action
        assert action is not None
        rating = parse_rating(value, self.scale)
        if rating is None:
            self.plan.errors.append(
                Problem(
                    self.sheet.name,
                    number,
                    self._column_name(index),
                    f"'{cell_text(value)}' is not a rating.",
                    f"Use one of: {ACCEPTED_RATINGS}.",
                )
            )
        elif rating and not action.rating:
            action.rating = rating

    # Problems and the end -----------------------------------------------------------

    def _column_name(self, index: int | None) -> str:
        if index is None:
            return ""
        header = self.headers.get(index)
        return f"{_letter(index)} ({header})" if header else _letter(index)

    def _warn(self, number: int | None, index: int | None, message: str, fix: str) -> None:
        self.plan.warnings.append(
            Problem(self.sheet.name, number, self._column_name(index), message, fix)
        )

    def _finish(self) -> None:
        seen: set[str] = set()
        for action in (a for o in self.objectives.values() for a in o.actions if a.ref):
            if action.ref.lower() in seen:
                self._warn(
                    action.row,
                    self._column_of("ref"),
                    f"Ref {action.ref} is used by an earlier row too, so this row updates the "
                    "same action.",
                    "Give each action its own ref.",
                )
            seen.add(action.ref.lower())
        for objective in self.objectives.values():
            if objective.actions:
                self.plan.objectives.append(objective)
                continue
            self._warn(
                objective.row,
                None,
                f"Objective '{objective.text}' has no actions, so it was not imported.",
                "Add its actions under it, or delete the row if it is not an objective.",
            )


def _append(extra: dict[str, str], key: str, text: str) -> None:
    extra[key] = f"{extra[key]}\n{text}" if extra.get(key) else text

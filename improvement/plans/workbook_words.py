"""The words of a plan workbook: the headers councils use for each field, ratings,
and the many ways a plan writes a date ("Dec 2016", "Q3 2024/25", "end of March 24").

Plain functions, no database: see formats/plan-workbook.md.
"""

import calendar
import datetime
import re
from collections.abc import Iterable
from typing import Any

from improvement.core import spreadsheets

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
DMY_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?[\s\-]+{_MONTH},?[\s\-]+{_YEAR}$")
MONTH_YEAR = re.compile(rf"^(?:(?:by\s+)?(?:the\s+)?(end)\s+(?:of\s+)?)?{_MONTH}[\s\-,]+{_YEAR}$")
QUARTER = re.compile(r"^q([1-4])\s*(?:fy\s*)?(\d{4}|\d{2})\s*[/\-]\s*(\d{4}|\d{2})$")
HEADER_MONTH = re.compile(rf"\b{_MONTH}[\s\-,]*{_YEAR}\b")
LEADING_REF = re.compile(r"^(\d+(?:\.\d+)*)[.):]?\s+(\S.*)$", re.DOTALL)
OWNER_SPLIT = re.compile(r"\n|;|/|\band\b", re.IGNORECASE)
RATING_SPLIT = re.compile(r"\s*(?:/|\\|-|&|,|\bto\b|\bor\b)\s*")
# Below this a number is a count or a ref, not an Excel date (10000 is 1927).
SERIAL_FLOOR = 10000


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


def _text_date(text: str, end: bool) -> datetime.date | None:
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
    return None


def parse_date(value: Any, *, end: bool = True) -> datetime.date | None:
    """A date from any form the contract lists; None if it is not one.

    Dates, serials and dd/mm/yyyy or yyyy-mm-dd text are read by the one parser in
    core.spreadsheets; the rest are a plan's own ways. A month alone ("Dec 2016")
    means its last day when `end`, else its first.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return spreadsheets.parse_date(value) if value >= SERIAL_FLOOR else None
    if isinstance(value, datetime.date):
        return spreadsheets.parse_date(value)
    text = re.sub(r"\s+", " ", str(value or "").strip().lower()).rstrip(".")
    if text.isdigit():
        return parse_date(int(text), end=end)
    try:
        return spreadsheets.parse_date(text) or _text_date(text, end)
    except ValueError:  # 31/02/24 and the like
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


def split_ref(text: str) -> tuple[str, str]:
    """'1.2 Front door' -> ('1.2', 'Front door'); text without a leading number -> ('', text)."""
    match = LEADING_REF.match(text.strip())
    if match:
        return match[1], match[2].strip()
    return "", text.strip()

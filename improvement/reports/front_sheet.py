"""The board report's front sheet: the agenda item it is, who wrote and presents it,
its purpose and the decision it asks of the board, as a council's cover sheets say
before anything else. The officer's words are kept in the report's written sections;
a field left blank takes its default here, so a new draft already has a front sheet."""

from typing import Any

from improvement.core.templatetags.ib import ukdate
from improvement.reports.queries import agenda_of, job_title_of, meeting_day

# (key in the report's sections, label on the form and on the front sheet)
FIELDS = [
    ("agenda_item", "Agenda item"),
    ("author", "Report author"),
    ("presenter", "Presented by"),
    ("purpose", "Purpose of the report"),
    ("decision", "Decision sought"),
]
LONG = {"purpose", "decision"}
NOT_ON_AGENDA = "Not yet on the meeting's agenda"
# The words an agenda item for the plan's progress is known by, in the order tried.
AGENDA_WORDS = ("improvement plan progress", "progress report", "progress", "improvement plan")


def agenda_item(meeting: Any) -> Any:
    """The item of the meeting's agenda this report is: the first public item whose
    title names the plan's progress, or None while the agenda does not list it."""
    items = [item for item in agenda_of(meeting) if not item.is_exempt]
    for words in AGENDA_WORDS:
        for item in items:
            if words in item.title.lower():
                return item
    return None


def _person(council: Any, user: Any) -> str:
    if user is None:
        return ""
    name = user.get_full_name() or user.username
    title = job_title_of(user, council)
    return f"{name}, {title}" if title else name


def defaults(meeting: Any, author: Any = None) -> dict[str, str]:
    """What each field says until the officer writes otherwise: the agenda item from
    the meeting's agenda, the author from the report's author, and so on."""
    item = agenda_item(meeting)
    written_by = _person(meeting.council, author)
    return {
        "agenda_item": f"Item {item.number}: {item.title}" if item else NOT_ON_AGENDA,
        "author": written_by,
        "presenter": item.report_author if item and item.report_author else written_by,
        "purpose": (
            f"To report the improvement plan's progress as at {ukdate(meeting_day(meeting))}: "
            "the actions and objectives, the measures of impact, what partners have returned "
            "and the DfE's latest review, so the board can oversee the plan (Improvement "
            "Notice, 5b and 5c)."
        ),
        "decision": (
            "The board is asked to note the progress reported, to agree the "
            "recommendations, and to agree the support asked for where objectives are "
            "slow to progress."
        ),
    }


def values(meeting: Any, author: Any = None, written: dict | None = None) -> dict[str, str]:
    """Each field as the officer wrote it, or its default where they left it blank."""
    written = written or {}
    found = defaults(meeting, author)
    return {key: str(written.get(key) or "").strip() or found[key] for key, _ in FIELDS}


def rows(found: dict[str, str]) -> list[list[str]]:
    """The front sheet as the document's header: label and value, one a row."""
    return [[label, found.get(key) or "Not given"] for key, label in FIELDS]

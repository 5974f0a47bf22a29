"""The meetings' long lists, each described once for `core.listing` (docs/adr/037):
the action log across every meeting, and the council's scrutiny work programme.

Each list's rows are scoped before they are filtered: the action log leaves out an
entry raised under an exempt item for a reader who may not see that body's exempt
items (`queries.action_log`, in the query so a page is never short), and the
work programme holds only the council's live scrutiny committees. The choices each
filter offers are drawn from those rows, so no choice names what the reader may not
see.
"""

import datetime
from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from improvement.accounts.models import Organisation, Person
from improvement.core.listing import Column, ListFilterSet, ListSpec, Sort, choice_filter
from improvement.core.models import Council
from improvement.meetings import queries
from improvement.meetings.models import Body, ForwardItem, Meeting, MeetingAction
from improvement.meetings.ports import cycle_end
from improvement.meetings.services import meeting_day

# --- The action log -------------------------------------------------------------------

OVERDUE, BY_NEXT_MEETING = "overdue", "next_meeting"


class ActionLogFilters(ListFilterSet):
    owner = choice_filter(
        "Owner",
        "Select an owner from the list",
        empty="Anyone",
        queryset=Person.objects.none(),
    )
    organisation = choice_filter(
        "Owner's organisation",
        "Select an organisation from the list",
        empty="Any organisation",
        field_name="owner__organisation",
        queryset=Organisation.objects.none(),
    )
    status = choice_filter(
        "Open or done",
        "Select open or done",
        empty="Open and done",
        choices=MeetingAction.Status.choices,
    )
    due = choice_filter(
        "Due",
        "Select when the actions are due",
        empty="At any time",
        method="due_when",
        choices=[
            (OVERDUE, "Overdue: open and past its due date"),
            (BY_NEXT_MEETING, "Open and due by the next meeting of its body (or within six weeks)"),
        ],
    )
    body = choice_filter(
        "Raised by",
        "Select a board or committee from the list",
        empty="Any board or committee",
        field_name="meeting__body",
        queryset=Body.objects.none(),
    )
    meeting = choice_filter(
        "Raised at",
        "Select a meeting from the list",
        empty="Any meeting",
        queryset=Meeting.objects.none(),
    )

    def __init__(self, data: Any = None, queryset: Any = None, **kwargs: Any) -> None:
        super().__init__(data, queryset, **kwargs)
        kept = self.queryset
        self.filters["owner"].queryset = Person.objects.filter(pk__in=kept.values("owner"))
        self.filters["organisation"].queryset = Organisation.objects.filter(
            pk__in=kept.values("owner__organisation")
        )
        self.filters["body"].queryset = Body.objects.filter(pk__in=kept.values("meeting__body"))
        self.filters["meeting"].queryset = (
            Meeting.objects.filter(pk__in=kept.values("meeting"))
            .select_related("body")
            .order_by("-starts_at", "-id")
        )

    def due_when(self, rows: Any, name: str, value: str) -> Any:
        today = timezone.localdate()
        if value == OVERDUE:
            return rows.overdue(today)
        # By the one rule of "this cycle" (`ports.cycle_end`): a body meeting today
        # has its papers out, so its cycle runs to its meeting after. A query a body.
        bodies = Body.objects.filter(pk__in=rows.values("meeting__body")).select_related("council")
        due = Q(pk__in=[])
        for body in bodies:
            ends_on, _ = cycle_end(body.council, body, today)
            due |= Q(meeting__body=body, due_on__lte=ends_on)
        return rows.open().filter(due)


def is_overdue(entry: MeetingAction, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return entry.status == MeetingAction.Status.OPEN and bool(entry.due_on and entry.due_on < today)


def _with_overdue(entries: list[MeetingAction]) -> list[MeetingAction]:
    """A page's entries, each marked `overdue` as the page and the CSV say it."""
    today = timezone.localdate()
    for entry in entries:
        entry.overdue = is_overdue(entry, today)
    return entries


def _agenda_item(entry: MeetingAction) -> str:
    return f"{entry.item.number}. {entry.item.title}" if entry.item_id else ""


ACTION_LOG = ListSpec(
    noun="action",
    filterset=ActionLogFilters,
    sorts=(
        Sort("due", "Due date, soonest first", ("due_on",), "Due date, latest first"),
        Sort("raised", "Raised, oldest first", ("meeting__starts_at",), "Raised, newest first"),
        # A plan action's reference in the plan's own order: 1.2 before 1.10 (plans'
        # in_plan_order), entries linked to no plan action last.
        Sort(
            "ref",
            "Plan action reference",
            (
                "plan_action__objective__position",
                "plan_action__objective_id",
                "plan_action__position",
            ),
        ),
    ),
    default_sort="due",
    columns=(
        Column("Action", lambda e: e.text),
        Column("Kind", lambda e: e.get_kind_display()),
        Column("Raised by", lambda e: e.meeting.body.name),
        Column("Raised at the meeting of", lambda e: meeting_day(e.meeting)),
        Column("Agenda item", _agenda_item),
        Column("Owner", lambda e: e.owner.name if e.owner_id else ""),
        Column(
            "Owner's organisation",
            lambda e: e.owner.organisation.name if e.owner_id and e.owner.organisation_id else "",
        ),
        Column("Due", lambda e: e.due_on),
        Column("Status", lambda e: e.get_status_display()),
        Column("Overdue", lambda e: e.overdue),
        Column("Closed on", lambda e: e.closed_on),
        Column("Outcome", lambda e: e.outcome),
        Column("Plan action", lambda e: e.plan_action.ref if e.plan_action_id else ""),
    ),
    detail=_with_overdue,
)


def action_log_rows(council: Council, see: dict[int, bool]) -> QuerySet:
    """The rows of the action log page and its CSV, with all their columns read."""
    return queries.action_log(council, see).select_related("owner__organisation")


# --- The scrutiny work programme ------------------------------------------------------

COMING, UNSET, PAST, REPORT_OVERDUE, RECEIVED = "coming", "unset", "past", "overdue", "received"
PROGRAMME_STATUSES = [
    (COMING, "Meeting still to come"),
    (UNSET, "Meeting date to be set"),
    (PAST, "Meeting date passed"),
    (REPORT_OVERDUE, "Report past its deadline"),
    (RECEIVED, "Report received"),
]
BOARD_REPORT, ADDED = "board", "added"
SOURCES = [
    (BOARD_REPORT, "A report of the improvement board (its reporting route)"),
    (ADDED, "Added to the work programme"),
]
# A municipal year runs from May to April.
YEAR_STARTS = 5


def municipal_year(day: datetime.date) -> int:
    """The year a municipal year starts in: May 2023 to April 2024 is 2023."""
    return day.year if day.month >= YEAR_STARTS else day.year - 1


def year_words(start: int) -> str:
    return f"May {start} to April {start + 1}"


def with_programme_status(items: QuerySet, today: datetime.date) -> QuerySet:
    """The items, each annotated with its report `deadline` (the final one, failing
    that the draft: the rule of `ForwardItemQuerySet.past_deadline`) and its
    `programme_status` (a key of STATUS_TAGS): what most needs saying of it, its report
    received or late, else where its meeting stands. The one rule of an item's status:
    the status filter keeps the items it tags, and each row shows the tag it has."""
    return items.annotate(
        deadline=Coalesce("final_deadline", "draft_deadline"),
        programme_status=Case(
            When(report_received_on__isnull=False, then=Value(RECEIVED)),
            When(deadline__lt=today, then=Value(REPORT_OVERDUE)),
            When(meeting_on__isnull=True, then=Value(UNSET)),
            When(meeting_on__lt=today, then=Value(PAST)),
            default=Value(COMING),
        ),
    )


def programme_rows(council: Council, today: datetime.date | None = None) -> QuerySet:
    """Every item on the work programme of the council's live scrutiny committees, each
    with its deadline and status on `today` (`with_programme_status`)."""
    items = ForwardItem.objects.filter(
        body__council=council,
        body__kind=Body.Kind.SCRUTINY,
        body__archived_at__isnull=True,
    ).select_related("body", "source_meeting", "source_meeting__body")
    return with_programme_status(items, today or timezone.localdate())


class ProgrammeFilters(ListFilterSet):
    committee = choice_filter(
        "Committee",
        "Select a committee from the list",
        empty="Every scrutiny committee",
        field_name="body",
        queryset=Body.objects.none(),
    )
    status = choice_filter(
        "Status",
        "Select a status from the list",
        empty="Any status",
        method="by_status",
        choices=PROGRAMME_STATUSES,
    )
    year = choice_filter(
        "Municipal year",
        "Select a municipal year from the list",
        empty="Any year",
        method="in_year",
        help_text="A municipal year runs from May to April.",
        choices=[],
    )
    month = choice_filter(
        "Meeting month",
        "Select a meeting month from the list",
        empty="Any month",
        method="in_month",
        choices=[],
    )
    source = choice_filter(
        "Where it came from",
        "Select where the items came from",
        empty="Anywhere",
        method="from_source",
        choices=SOURCES,
    )

    def __init__(self, data: Any = None, queryset: Any = None, **kwargs: Any) -> None:
        super().__init__(data, queryset, **kwargs)
        kept = self.queryset
        self.filters["committee"].queryset = Body.objects.filter(pk__in=kept.values("body"))
        months = list(kept.dates("meeting_on", "month"))
        years = sorted({municipal_year(month) for month in months})
        self.filters["year"].extra["choices"] = [(str(y), year_words(y)) for y in years]
        self.filters["month"].extra["choices"] = [
            (f"{month:%Y-%m}", f"{month:%B %Y}") for month in months
        ]

    def by_status(self, rows: Any, name: str, value: str) -> Any:
        return rows.filter(programme_status=value)

    def in_year(self, rows: Any, name: str, value: str) -> Any:
        start = int(value)
        return rows.filter(
            meeting_on__gte=datetime.date(start, YEAR_STARTS, 1),
            meeting_on__lt=datetime.date(start + 1, YEAR_STARTS, 1),
        )

    def in_month(self, rows: Any, name: str, value: str) -> Any:
        year, month = (int(part) for part in value.split("-"))
        return rows.filter(meeting_on__year=year, meeting_on__month=month)

    def from_source(self, rows: Any, name: str, value: str) -> Any:
        return rows.filter(source_meeting__isnull=value != BOARD_REPORT)


# Each status an item can be in, the words said of it and the colour of its tag.
STATUS_TAGS = {
    RECEIVED: ("Report received", "green"),
    REPORT_OVERDUE: ("Report past its deadline", "red"),
    UNSET: ("Meeting date to be set", "grey"),
    PAST: ("Meeting date passed", "grey"),
    COMING: ("Planned", "blue"),
}


def _with_status(items: list[ForwardItem]) -> list[ForwardItem]:
    """A page's items, each with the `status` words and `tag` colour of the status
    they were annotated with (`with_programme_status`), the one the filter reads."""
    for item in items:
        item.status, item.tag = STATUS_TAGS[item.programme_status]
    return items


def programme_source(item: ForwardItem) -> str:
    if item.source_meeting_id:
        meeting = item.source_meeting
        return f"Report of the {meeting.body.name} meeting of {meeting_day(meeting):%-d %B %Y}"
    return "Added to the work programme"


PROGRAMME = ListSpec(
    noun="item",
    filterset=ProgrammeFilters,
    sorts=(
        Sort(
            "meeting", "Meeting date, soonest first", ("meeting_on",), "Meeting date, latest first"
        ),
        Sort(
            "deadline",
            "Report deadline, soonest first",
            ("deadline",),
            "Report deadline, latest first",
        ),
        Sort("committee", "Committee", ("body__name", "meeting_on")),
        Sort("title", "Title", ("title",)),
    ),
    default_sort="meeting",
    columns=(
        Column("Committee", lambda f: f.body.name),
        Column("Meeting date", lambda f: f.meeting_on),
        Column("Item", lambda f: f.title),
        Column("Status", lambda f: f.status),
        Column("Where it came from", programme_source),
        Column("Contact officer", lambda f: f.contact_officer),
        Column("Draft report deadline", lambda f: f.draft_deadline),
        Column("Final report deadline", lambda f: f.final_deadline),
        Column("Report received", lambda f: f.report_received_on),
        Column("Comments", lambda f: f.comments),
    ),
    detail=_with_status,
)

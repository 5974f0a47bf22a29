"""Reads from other apps for reports, each taking the council, so no report reads
another council's records. Reports' own reads are in `managers.py`."""

import datetime
from typing import Any

from django.db.models import Q

from improvement.accounts.models import Organisation
from improvement.core.models import Council
from improvement.evidence.models import MeasureValue
from improvement.meetings.models import Attendance
from improvement.meetings.services import meeting_day
from improvement.plans.ports import Finding
from improvement.reports.models import ReportSettings

__all__ = ["meeting_day"]

BOARD = "improvement_board"
COMMITTEES = ("scrutiny", "cabinet", "full_council")


def board_meetings_of(council: Council) -> Any:
    return (
        council.meetings.live()
        .filter(body__kind=BOARD)
        .exclude(status="cancelled")
        .select_related("body")
        .order_by("starts_at")
    )


def committees_of(council: Council) -> Any:
    return council.bodies.live().filter(kind__in=COMMITTEES)


def meeting_of(council: Council, pk: int) -> Any:
    return council.meetings.select_related("body", "council").filter(pk=pk).first()


def next_meeting_of(body: Any, after: datetime.date) -> Any:
    return body.meetings.upcoming(after).order_by("starts_at").first()


def measure_histories(council: Council, as_at: datetime.date) -> dict[int, list[Any]]:
    """Every value of every live measure up to a date, oldest first, in one query."""
    rows = MeasureValue.objects.filter(
        measure__council=council, measure__archived_at__isnull=True, period__lte=as_at
    ).order_by("measure_id", "period")
    result: dict[int, list[Any]] = {}
    for row in rows:
        result.setdefault(row.measure_id, []).append(row)
    return result


def audits_until(council: Council, as_at: datetime.date) -> Any:
    return council.case_audits.live().filter(held_on__lte=as_at).order_by("held_on", "id")


def voice_until(council: Council, as_at: datetime.date, kind: str = "") -> Any:
    events = council.voice_events.live().filter(held_on__lte=as_at)
    if kind:
        events = events.filter(kind=kind)
    return events.prefetch_related("themes").order_by("held_on", "id")


def action_log_until(meeting: Any, as_at: datetime.date) -> Any:
    """The body's action log up to this meeting: what was raised at it and before it.

    Actions arising from exempt agenda items are left out: a report may be published,
    and the report says how many were withheld (`exempt_actions_until`)."""
    return (
        meeting.council.meeting_actions.filter(
            meeting__body=meeting.body, meeting__starts_at__lte=meeting.starts_at
        )
        .filter(Q(item__isnull=True) | Q(item__exempt_paragraph__isnull=True))
        .for_lists()
        .order_by("meeting__starts_at", "id")
    )


def board_attendance(council: Council, since: Any, until: datetime.date) -> Any:
    """Attendance at board meetings after `since` (None: from the first) up to `until`."""
    rows = Attendance.objects.filter(
        meeting__council=council,
        meeting__body__kind=BOARD,
        meeting__archived_at__isnull=True,
        meeting__starts_at__date__lte=until,
    )
    if since is not None:
        rows = rows.filter(meeting__starts_at__date__gt=since)
    return rows.select_related("person__organisation", "meeting")


def board_meeting_of(council: Council, pk: int) -> Any:
    """One of the council's board meetings by id, for the command line."""
    return board_meetings_of(council).select_related("council").filter(pk=pk).first()


def exempt_actions_until(meeting: Any) -> int:
    """How many of the body's actions up to this meeting arose from exempt items."""
    return meeting.council.meeting_actions.filter(
        meeting__body=meeting.body,
        meeting__starts_at__lte=meeting.starts_at,
        item__exempt_paragraph__isnull=False,
    ).count()


def committee_meetings_of(body: Any, day: datetime.date) -> list[Any]:
    """A committee's meetings to choose from: the next one first, then the later ones,
    then the past ones newest first (a report may be written after the event)."""
    meetings = body.meetings.live().exclude(status="cancelled").select_related("body")
    upcoming = list(meetings.filter(starts_at__date__gte=day).order_by("starts_at"))
    past = list(meetings.filter(starts_at__date__lt=day).order_by("-starts_at"))
    return upcoming + past


def council_committee_meetings(council: Council) -> Any:
    """Every meeting of the council's committees, for a form's choice (checked there)."""
    return (
        council.meetings.live()
        .filter(body__kind__in=COMMITTEES)
        .exclude(status="cancelled")
        .select_related("body")
    )


def board_meeting_on_or_before(council: Council, day: datetime.date) -> Any:
    """The latest board meeting on or before a day: the one a committee report follows."""
    return board_meetings_of(council).filter(starts_at__date__lte=day).last()


def board_report_for(council: Council, meeting: Any) -> Any:
    """The council's progress report for a board meeting, if one was started."""
    return council.reports.filter(kind="board_progress", meeting=meeting).order_by("-id").first()


def latest_notice(council: Council) -> Any:
    return council.notices.live().order_by("-issued_on").first()


def job_title_of(user: Any, council: Council) -> str:
    """The officer's job title in this council, as their membership records it."""
    found = (
        user.memberships.filter(council=council).exclude(job_title="").order_by("id").first()
        if getattr(user, "pk", None)
        else None
    )
    return found.job_title if found else ""


def settings_for(council: Council) -> Any:
    """The council's report settings, or the defaults (Peterborough's) when none are saved."""
    found = ReportSettings.objects.filter(council=council).first()
    return found or ReportSettings(council=council)


def is_partner(person: Any) -> bool:
    """Whether a person works for a partner agency, not for the council itself."""
    organisation = getattr(person, "organisation", None)
    return organisation is not None and organisation.kind != Organisation.Kind.COUNCIL


def partner_requests_until(meeting: Any, since: datetime.date | None) -> list[Any]:
    """What the board asked of partner agencies at its meetings before this one and had
    not seen done by `since` (the last meeting; None for the first): each entry's
    outcome, if it came back, is what the partner returned. Exempt items are left out."""
    entries = (
        meeting.council.meeting_actions.filter(
            meeting__body=meeting.body, meeting__starts_at__lt=meeting.starts_at
        )
        .filter(Q(item__isnull=True) | Q(item__exempt_paragraph__isnull=True))
        .exclude(owner__organisation__kind=Organisation.Kind.COUNCIL)
        .exclude(owner__organisation__isnull=True)
        .select_related("meeting", "owner__organisation")
        .order_by("meeting__starts_at", "id")
    )
    if since is not None:
        entries = entries.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=since))
    return list(entries)


def update_requests_between(
    council: Council, since: datetime.date | None, until: datetime.date
) -> list[Any]:
    """The requests for owners' updates due after the last meeting and by this one, with
    their recipients and the organisations they work for."""
    requests = council.update_requests.live().filter(due_on__lte=until)
    if since is not None:
        requests = requests.filter(due_on__gt=since)
    return list(requests.prefetch_related("recipients__person__organisation").order_by("due_on"))


def partner_organisations_of(council: Council) -> dict[int, Any]:
    """The council's partner agencies (every organisation but the council), by id."""
    partners = council.organisations.exclude(kind=Organisation.Kind.COUNCIL)
    return {organisation.pk: organisation for organisation in partners}


def adviser_recommendations_until(council: Council, as_at: datetime.date) -> list[Any]:
    """The adviser's recommendations made by a date, the newest first."""
    return list(
        council.findings.live()
        .filter(kind=Finding.Kind.ADVISER_RECOMMENDATION, made_on__lte=as_at)
        .order_by("-made_on", "ref", "id")
    )


def latest_review(notice: Any, as_at: datetime.date) -> Any:
    """The DfE's latest review of progress held by a date, or None."""
    return notice.reviews.filter(held_on__lte=as_at).order_by("-held_on", "-id").first()


def agenda_of(meeting: Any) -> list[Any]:
    return list(meeting.items.order_by("number", "id"))

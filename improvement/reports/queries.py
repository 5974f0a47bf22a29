"""Reads for reports, each taking the council, so no report reads another's records."""

import datetime
from typing import Any

from django.db.models import Q

from improvement.core.models import Council
from improvement.meetings.services import meeting_day

__all__ = ["meeting_day"]

BOARD = "improvement_board"
COMMITTEES = ("scrutiny", "cabinet", "full_council")


def reports_of(council: Council) -> Any:
    return council.reports.select_related("meeting", "meeting__body", "body", "author")


def report_of(council: Council, pk: int) -> Any:
    return reports_of(council).filter(pk=pk).first()


def versions_of(report: Any) -> Any:
    return report.versions.select_related("finalised_by").order_by("-number")


def latest_version(report: Any) -> Any:
    return report.versions.order_by("-number").first()


def published_version(report: Any) -> Any:
    return report.versions.filter(published_at__isnull=False).order_by("-number").first()


def published_reports(council: Council) -> Any:
    """What the public may read: published at least once, and never an exempt report."""
    return (
        reports_of(council)
        .filter(versions__published_at__isnull=False, exempt_paragraph__isnull=True)
        .distinct()
    )


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
    from improvement.evidence.models import MeasureValue

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
    from improvement.meetings.models import Attendance

    rows = Attendance.objects.filter(
        meeting__council=council,
        meeting__body__kind=BOARD,
        meeting__archived_at__isnull=True,
        meeting__starts_at__date__lte=until,
    )
    if since is not None:
        rows = rows.filter(meeting__starts_at__date__gt=since)
    return rows.select_related("person__organisation", "meeting")


def words_match(field: str, words: tuple[str, ...]) -> Q:
    query = Q()
    for word in words:
        query |= Q(**{f"{field}__icontains": word})
    return query


def board_meeting(pk: int) -> Any:
    """A board meeting by id, for the command line, which names no council."""
    from improvement.meetings.models import Meeting

    return (
        Meeting.objects.select_related("body", "council")
        .filter(pk=pk, body__kind=BOARD, archived_at__isnull=True)
        .first()
    )


def exempt_actions_until(meeting: Any) -> int:
    """How many of the body's actions up to this meeting arose from exempt items."""
    return meeting.council.meeting_actions.filter(
        meeting__body=meeting.body,
        meeting__starts_at__lte=meeting.starts_at,
        item__exempt_paragraph__isnull=False,
    ).count()

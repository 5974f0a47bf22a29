"""What the public may see, built once and used by every public page, feed and file.

The one place the public site asks the meetings app for records: through
`meetings.queries` (published records, by council) and the item display objects of
`meetings.presenters`. The public never sees an exempt item's content: items are
built with `see_exempt=False`, minutes and decisions only once the minutes are
published, and nothing of a meeting held in private beyond its date.
"""

from typing import Any

from django.http import Http404
from django.utils import timezone

from improvement.core.models import Council
from improvement.meetings import queries
from improvement.meetings.presenters import ItemView, item_views, prefetch_items

__all__ = ["ItemView", "prefetch_items"]


def councils() -> Any:
    return queries.councils_with_public_content()


def council_or_404(slug: str) -> Council:
    council = queries.public_council(slug)
    if council is None:
        raise Http404("No such council")
    return council


def public_meetings(council: Council) -> Any:
    return council.meetings.published().select_related("body").order_by("-starts_at")


def upcoming_and_recent(council: Council) -> tuple[Any, Any]:
    """Published meetings from today on, soonest first; and the last 20 before today."""
    meetings = public_meetings(council)
    today = timezone.localdate()
    upcoming = meetings.filter(starts_at__date__gte=today).order_by("starts_at")
    return upcoming, meetings.filter(starts_at__date__lt=today)[:20]


def public_bodies(council: Council) -> Any:
    return queries.bodies_of(council)


def body_or_404(council: Council, slug: str) -> Any:
    body = queries.body_by_slug(council, slug)
    if body is None:
        raise Http404("No such body")
    return body


def body_page(council: Council, body: Any) -> dict[str, Any]:
    """Who sits on a body, its terms of reference, meetings and work programme."""
    return {
        "members": body.memberships.select_related("person", "organisation"),
        "terms": body.terms.select_related("approved_by").first(),
        "meetings": public_meetings(council).filter(body=body),
        "programme": queries.work_programme(body),
    }


def meeting_or_404(council: Council, pk: int) -> Any:
    meeting = prefetch_items(council.meetings.published()).filter(pk=pk).first()
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def public_items(meeting: Any) -> list[ItemView]:
    if not meeting.is_public:
        return []
    return item_views(meeting, see_exempt=False, show_minutes=meeting.minutes_public)


def public_attendance(meeting: Any) -> Any:
    """Who attended, for a meeting held in public only."""
    if not meeting.is_public:
        return []
    return meeting.attendance.select_related("person", "substitute_for")


def public_meeting_decisions(meeting: Any) -> list[Any]:
    """Decisions not tied to an item (minutes approved), once minutes are published."""
    if not (meeting.is_public and meeting.minutes_public):
        return []
    return [d for d in meeting.decisions.all() if d.item_id is None]


def public_paper(council: Council, pk: int) -> Any:
    """An open item's paper of a published, public meeting; 404 for anything else."""
    items = queries.items_of(council).filter(
        papers__pk=pk, meeting__agenda_published_on__isnull=False
    )
    for item in items:
        if item.is_exempt or not item.meeting.is_public:
            break
        return item.papers.get(pk=pk)
    raise Http404("No such paper")


def executive_decisions(council: Council) -> Any:
    return council.decisions.filter(kind="executive", published_on__isnull=False).order_by(
        "-published_on"
    )

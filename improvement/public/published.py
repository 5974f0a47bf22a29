"""What the public may see, built once and used by every public page, feed and file.

The one place the public site asks the meetings app for records: through
`meetings.queries` (published records, by council) and the item display objects of
`meetings.presenters`. The public never sees an exempt item's content: items are
built with `see_exempt=False`, minutes and decisions only once the minutes are
published, and nothing of a meeting held in private beyond its date.
"""

from typing import Any

from django.db.models import F, Prefetch
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils import timezone

from improvement.core.models import Council
from improvement.forward_plan import queries as forward_plan
from improvement.forward_plan.presenters import entry_row
from improvement.meetings import queries
from improvement.meetings.presenters import ItemView, item_views, prefetch_items
from improvement.reports.models import ReportVersion

__all__ = ["ItemView", "prefetch_items"]


def councils() -> Any:
    return queries.councils_with_public_content()


def council_or_404(slug: str) -> Council:
    council = queries.public_council(slug)
    if council is None:
        raise Http404("No such council")
    return council


def public_meetings(council: Council) -> Any:
    """Every meeting the public site and its calendars list, scheduled ones included
    (their agenda to follow): `public_items` shows nothing of an unpublished agenda."""
    return council.meetings.listed().select_related("body").order_by("-starts_at")


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
    meeting = prefetch_items(council.meetings.listed()).filter(pk=pk).first()
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def agenda_public(meeting: Any) -> bool:
    """Whether the public may read a listed meeting's agenda: never before it is
    published, nor for a meeting held in private."""
    return bool(meeting.is_public and meeting.agenda_published_on)


def public_items(meeting: Any) -> list[ItemView]:
    if not agenda_public(meeting):
        return []
    return item_views(meeting, see_exempt=False, show_minutes=meeting.minutes_public)


def public_attendance(meeting: Any) -> Any:
    """Who attended, for a meeting held in public only."""
    if not agenda_public(meeting):
        return []
    return meeting.attendance.select_related("person", "substitute_for")


def public_meeting_decisions(meeting: Any) -> list[Any]:
    """Decisions not tied to an item (minutes approved), once minutes are published."""
    if not (agenda_public(meeting) and meeting.minutes_public):
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
    """Published executive decisions; never one recorded against an exempt item."""
    return (
        council.decisions.filter(kind="executive", published_on__isnull=False)
        .exclude(item__exempt_paragraph__isnull=False)
        .order_by("-published_on", "-id")
    )


# The open data (API and CSV) lists each of these by when it last changed: `updated`.


def meetings_for_data(council: Council) -> Any:
    """The open data lists meetings once their agenda is published: its records are the
    published ones (the site and calendars list scheduled meetings too)."""
    meetings = council.meetings.published().select_related("body").order_by("-starts_at")
    return meetings.annotate(updated=F("modified_at"))


def open_items(council: Council) -> Any:
    """Agenda items the public reads in full, as `public_items` shows them: the open
    items of published meetings whose papers are published. An item's minute and
    decisions show once its meeting's minutes are, so it changes when they do."""
    return (
        queries.items_of(council)
        .filter(
            meeting__in=council.meetings.published(),
            meeting__is_public=True,
            exempt_paragraph__isnull=True,
        )
        .prefetch_related("papers", "decisions")
        .annotate(updated=Greatest("modified_at", "meeting__modified_at"))
    )


def decisions_for_data(council: Council) -> Any:
    return executive_decisions(council).annotate(updated=F("modified_at"))


def published_reports(council: Council) -> Any:
    """Reports the public may read (never an exempt one), each with its published
    versions newest first: the public reads the latest as it was published."""
    versions = ReportVersion.objects.filter(published_at__isnull=False).order_by("-number")
    return (
        council.reports.published()
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="published_versions"))
        .annotate(updated=F("modified_at"))
    )


def published_editions(council: Council) -> Any:
    return forward_plan.published_editions(council).annotate(updated=F("modified_at"))


def edition_entries(edition: Any) -> list[tuple[int, dict[str, Any]]]:
    """Each decision of a published edition as the edition printed it, with its part."""
    return [(entry.part, entry_row(entry)) for entry in forward_plan.entries_of(edition)]


def current_edition(council: Council) -> Any:
    return forward_plan.current_edition(council)


def boards_held(council: Council) -> list[Any]:
    """The last two improvement board meetings that have taken place and whose papers
    the council publishes, latest first: the public progress page speaks only of
    these (docs/adr/022)."""
    held = queries.board_meetings_held(council, timezone.localdate())
    published_papers = council.meetings.published().filter(is_public=True)
    return list((held & published_papers).filter(starts_at__lt=timezone.now())[:2])


def withheld_action_ids(council: Council) -> set[int]:
    """Plan actions tied to an exempt agenda item, or to an action arising from one:
    the progress page counts them and never names them."""
    exempt = queries.items_of(council).filter(exempt_paragraph__isnull=False)
    linked = exempt.values_list("actions", flat=True)
    logged = council.meeting_actions.filter(item__in=exempt).values_list("plan_action", flat=True)
    return {pk for pk in [*linked, *logged] if pk is not None}

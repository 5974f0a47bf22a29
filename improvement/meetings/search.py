"""Meetings' records found by their words, for the board's search page (docs/adr/043):
meetings, agenda items with their minutes, papers by name, and resolutions.

Every member of the council reads meetings, as the meetings pages let them. An
exempt item, its papers and its resolutions are found only by a reader who sees the
body's exempt items (`meetings.see_exempt`, asked through `exempt_seen_by` as the
action log asks it): not even the title is offered to anyone else. Withdrawn items
and archived meetings are never found.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from improvement.core.access import MEMBER, allowed
from improvement.core.models import Council
from improvement.core.search import (
    PER_KIND,
    Found,
    Hit,
    found,
    matching,
    searchable,
    snippet,
)
from improvement.meetings.models import AgendaItem, Decision, Meeting, Paper
from improvement.meetings.permissions import exempt_seen_by

KINDS = [
    ("meetings", "Meetings"),
    ("items", "Agenda items and minutes"),
    ("papers", "Papers"),
    ("resolutions", "Resolutions and decisions"),
]
LABELS = dict(KINDS)

# What each kind is searched by, declared once for the query and its index. Meetings
# are searched by their body's name, through a join no index can hold, and are few;
# papers by their name alone. Change one and add a migration that removes and adds
# its index (docs/adr/043).
MEETINGS = searchable(Meeting, "body__name", "location", "series")
ITEMS = searchable(
    AgendaItem, "title", "description", "minute", "report_author", index="meetings_item_search"
)
PAPERS = searchable(Paper, "name")
RESOLUTIONS = searchable(Decision, "text", "decision_maker", index="meetings_decision_search")

# What one kind's finder gives: the matching records, and how to make a hit of one.
Finder = Callable[[Council, str, list[int]], tuple[QuerySet, Callable[[Any], Hit]]]


def search(
    council: Council, user: Any, terms: str, limit: int = PER_KIND, kind: str | None = None
) -> list[Found]:
    """Meetings' matches of `terms`, a `Found` for each kind asked for (every kind when
    `kind` is None); nothing for a reader with no role in the council."""
    if kind is not None and kind not in LABELS:
        return []
    if not terms or not allowed(user, MEMBER, council):
        return []
    # The bodies whose exempt items this reader does not see: one query for them all.
    hidden: list[int] = []
    if kind != "meetings":
        hidden = [body for body, seen in exempt_seen_by(user, council).items() if not seen]
    results = []
    for name, finder in FINDERS.items():
        if kind in (None, name):
            records, hit = finder(council, terms, hidden)
            results.append(found(name, LABELS[name], records, limit, hit))
    return results


def _meeting_url(council: Council, meeting_id: int) -> str:
    return reverse("meetings:meeting_detail", args=[council.slug, meeting_id])


def _meetings(council: Council, terms: str, hidden: list[int]) -> tuple[QuerySet, Any]:
    meetings = council.meetings.live().select_related("body").order_by("-starts_at", "-id")

    def hit(meeting: Any) -> Hit:
        return Hit(
            title=str(meeting),
            url=_meeting_url(council, meeting.pk),
            snippet=snippet(terms, meeting.location, meeting.series),
            date=timezone.localdate(meeting.starts_at),
            meta=meeting.get_status_display(),
        )

    return matching(meetings, MEETINGS, terms), hit


def _items(council: Council, terms: str, hidden: list[int]) -> tuple[QuerySet, Any]:
    # `AgendaItem.objects` leaves out withdrawn items (docs/adr/033).
    items = (
        AgendaItem.objects.filter(meeting__council=council, meeting__archived_at__isnull=True)
        .exclude(exempt_paragraph__isnull=False, meeting__body_id__in=hidden)
        .select_related("meeting", "meeting__body")
        .order_by("-meeting__starts_at", "number", "id")
    )

    def hit(item: Any) -> Hit:
        return Hit(
            title=item.title,
            url=_meeting_url(council, item.meeting_id),
            snippet=snippet(terms, item.description, item.minute),
            date=timezone.localdate(item.meeting.starts_at),
            meta=f"Item {item.number}, {item.meeting.body.name},",
        )

    return matching(items, ITEMS, terms), hit


def _papers(council: Council, terms: str, hidden: list[int]) -> tuple[QuerySet, Any]:
    papers = (
        Paper.objects.filter(
            item__meeting__council=council,
            item__meeting__archived_at__isnull=True,
            item__archived_at__isnull=True,
        )
        .exclude(item__exempt_paragraph__isnull=False, item__meeting__body_id__in=hidden)
        .select_related("item", "item__meeting", "item__meeting__body")
        .order_by("-item__meeting__starts_at", "id")
    )

    def hit(paper: Any) -> Hit:
        meeting = paper.item.meeting
        return Hit(
            title=paper.name,
            url=_meeting_url(council, meeting.pk),
            snippet=f"Agenda item {paper.item.number}: {paper.item.title}",
            date=timezone.localdate(meeting.starts_at),
            meta=f"{meeting.body.name},",
        )

    return matching(papers, PAPERS, terms), hit


def _resolutions(council: Council, terms: str, hidden: list[int]) -> tuple[QuerySet, Any]:
    decisions = (
        Decision.objects.filter(
            council=council, meeting__isnull=False, meeting__archived_at__isnull=True
        )
        .filter(Q(item=None) | Q(item__archived_at__isnull=True))
        .exclude(item__exempt_paragraph__isnull=False, item__meeting__body_id__in=hidden)
        .select_related("meeting", "meeting__body")
        .order_by("-decided_on", "-id")
    )

    def hit(decision: Any) -> Hit:
        return Hit(
            title=f"{decision.get_kind_display()}: {decision.meeting}",
            url=_meeting_url(council, decision.meeting_id),
            snippet=snippet(terms, decision.text),
            date=decision.decided_on,
            meta="Decided",
        )

    return matching(decisions, RESOLUTIONS, terms), hit


FINDERS: dict[str, Finder] = {
    "meetings": _meetings,
    "items": _items,
    "papers": _papers,
    "resolutions": _resolutions,
}

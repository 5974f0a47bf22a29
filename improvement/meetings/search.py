"""Meetings' records found by their words, for the board's search page (docs/adr/043):
meetings, agenda items with their minutes, papers by name, and resolutions.

Every member of the council reads meetings, as the meetings pages let them. An
exempt item, its papers and its resolutions are found only by a reader who sees the
body's exempt items (`meetings.see_exempt`, asked through `exempt_seen_by` as the
action log asks it): not even the title is offered to anyone else. Withdrawn items
and archived meetings are never found.
"""

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from improvement.core.access import MEMBER, allowed
from improvement.core.models import Council
from improvement.core.search import PER_KIND, Found, Hit, found, matching, snippet
from improvement.meetings.models import AgendaItem, Decision, Paper
from improvement.meetings.permissions import exempt_seen_by

KINDS = [
    ("meetings", "Meetings"),
    ("items", "Agenda items and minutes"),
    ("papers", "Papers"),
    ("resolutions", "Resolutions and decisions"),
]


def _hidden_bodies(user: Any, council: Council) -> list[int]:
    """The bodies whose exempt items this reader does not see."""
    return [body for body, seen in exempt_seen_by(user, council).items() if not seen]


def _meeting_url(slug: str, meeting_id: int) -> str:
    return reverse("meetings:meeting_detail", args=[slug, meeting_id])


def search(
    council: Council, user: Any, terms: str, limit: int = PER_KIND, kind: str | None = None
) -> list[Found]:
    """Meetings' matches of `terms`, a `Found` for each kind asked for (every kind when
    `kind` is None); nothing for a reader with no role in the council."""
    if kind is not None and kind not in dict(KINDS):
        return []
    if not terms or not allowed(user, MEMBER, council):
        return []
    slug = council.slug
    results = []
    if kind in (None, "meetings"):
        meetings = council.meetings.live().select_related("body").order_by("-starts_at", "-id")

        def meeting_hit(meeting: Any) -> Hit:
            return Hit(
                title=str(meeting),
                url=_meeting_url(slug, meeting.pk),
                snippet=snippet(terms, meeting.location, meeting.series),
                date=timezone.localdate(meeting.starts_at),
                meta=meeting.get_status_display(),
            )

        fields = ["body__name", "location", "series"]
        results.append(
            found("meetings", "Meetings", matching(meetings, fields, terms), limit, meeting_hit)
        )
    hidden = _hidden_bodies(user, council) if kind != "meetings" else []
    exempt_hidden = Q(exempt_paragraph__isnull=False, meeting__body_id__in=hidden)
    if kind in (None, "items"):
        items = (
            AgendaItem.objects.filter(meeting__council=council, meeting__archived_at__isnull=True)
            .exclude(exempt_hidden)
            .select_related("meeting", "meeting__body")
            .order_by("-meeting__starts_at", "number", "id")
        )

        def item_hit(item: Any) -> Hit:
            return Hit(
                title=item.title,
                url=_meeting_url(slug, item.meeting_id),
                snippet=snippet(terms, item.description, item.minute),
                date=timezone.localdate(item.meeting.starts_at),
                meta=f"Item {item.number}, {item.meeting.body.name}",
            )

        fields = ["title", "description", "minute", "report_author"]
        results.append(
            found("items", "Agenda items and minutes", matching(items, fields, terms), limit,
                  item_hit)
        )  # fmt: skip
    if kind in (None, "papers"):
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

        def paper_hit(paper: Any) -> Hit:
            meeting = paper.item.meeting
            return Hit(
                title=paper.name,
                url=_meeting_url(slug, meeting.pk),
                snippet=f"Agenda item {paper.item.number}: {paper.item.title}",
                date=timezone.localdate(meeting.starts_at),
                meta=meeting.body.name,
            )

        results.append(
            found("papers", "Papers", matching(papers, ["name"], terms), limit, paper_hit)
        )
    if kind in (None, "resolutions"):
        decisions = (
            Decision.objects.filter(council=council, meeting__archived_at__isnull=True)
            .exclude(meeting=None)
            .filter(Q(item=None) | Q(item__archived_at__isnull=True))
            .exclude(item__exempt_paragraph__isnull=False, item__meeting__body_id__in=hidden)
            .select_related("meeting", "meeting__body")
            .order_by("-decided_on", "-id")
        )

        def decision_hit(decision: Any) -> Hit:
            return Hit(
                title=f"{decision.get_kind_display()}, {decision.meeting}",
                url=_meeting_url(slug, decision.meeting_id),
                snippet=snippet(terms, decision.text),
                date=decision.decided_on,
                meta=decision.decision_maker,
            )

        fields = ["text", "decision_maker"]
        results.append(
            found("resolutions", "Resolutions and decisions", matching(decisions, fields, terms),
                  limit, decision_hit)
        )  # fmt: skip
    return results

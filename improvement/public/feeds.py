"""Open data: iCalendar feeds and meetings as Open Civic Data events in JSON.

Both are built from `published`, so they carry exactly what the public pages do.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone

from improvement.public import published

if TYPE_CHECKING:
    import icalendar

MEETING_LENGTH = datetime.timedelta(hours=2)
AGENDA_TO_FOLLOW = "Agenda to follow"


def _status(meeting: Any) -> str:
    """Open Civic Data's status: a meeting that has taken place has "passed", whether or
    not anyone has yet marked it held."""
    if meeting.status == "cancelled":
        return "cancelled"
    if meeting.status == "held" or meeting.starts_at + MEETING_LENGTH <= timezone.now():
        return "passed"
    return "confirmed"


def _calendar_text(meeting: Any) -> str:
    """What a calendar entry says of the agenda: its items, exempt ones by paragraph
    only; "Agenda to follow" until it is published."""
    if meeting.status == "cancelled":
        return "This meeting has been cancelled"
    if not meeting.is_public:
        return "Held in private"
    if not published.agenda_public(meeting):
        return AGENDA_TO_FOLLOW
    lines = [
        f"{v.number}. {v.title}" + (f" ({v.exempt_notice})" if v.exempt_notice else "")
        for v in published.public_items(meeting)
    ]
    return "\n".join(lines) or "No items"


def _event(request: HttpRequest, meeting: Any) -> icalendar.Event:
    import icalendar

    event = icalendar.Event()
    url = request.build_absolute_uri(
        reverse("public:meeting", args=[meeting.council.slug, meeting.pk])
    )
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
    cancelled = meeting.status == "cancelled"
    event.add("summary", f"Cancelled: {meeting.body.name}" if cancelled else meeting.body.name)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + MEETING_LENGTH)
    event.add("dtstamp", meeting.modified_at)
    event.add("location", meeting.location)
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("description", _calendar_text(meeting))
    return event


def _calendar(request: HttpRequest, name: str, meetings: Any) -> HttpResponse:
    # Imported here, for the feeds alone: icalendar costs tens of milliseconds, and every
    # web worker loads this module with the URLs.
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Improvement Board//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(request, meeting))
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def _feed_meetings(council: Any) -> Any:
    return published.prefetch_items(published.public_meetings(council))


def council_ics(request: HttpRequest, slug: str) -> HttpResponse:
    council = published.council_or_404(slug)
    return _calendar(request, f"{council.name} meetings", _feed_meetings(council))


def body_ics(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = published.council_or_404(slug)
    body = published.body_or_404(council, body_slug)
    return _calendar(request, body.name, _feed_meetings(council).filter(body=body))


def _document(request: HttpRequest, note: str, url: str, media_type: str) -> dict[str, Any]:
    return {
        "note": note,
        "links": [{"url": request.build_absolute_uri(url), "media_type": media_type}],
    }


def _agenda_entry(request: HttpRequest, council: Any, view: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "order": str(view.number),
        "description": view.title,
        "subjects": [],
        "notes": [view.exempt_notice] if view.exempt_notice else [],
        "media": [],
        "related_entities": [],
    }
    if not view.withheld:
        entry["notes"] += [n for n in (view.description, view.minute) if n]
        entry["media"] = [
            _document(
                request, p.name, reverse("public:paper", args=[council.slug, p.pk]), p.content_type
            )
            for p in view.papers
        ]
        entry["related_entities"] = [
            {"entity_type": "decision", "note": d.text} for d in view.decisions
        ]
    return entry


def _privacy(meeting: Any) -> str:
    """What the public may do: a board meets in private and still publishes its papers."""
    if not meeting.is_public:
        return "Held in private"
    if not meeting.held_in_public:
        return "Held in private: the papers and minutes are published"
    return ""


def _description(meeting: Any) -> str:
    parts = [_privacy(meeting)]
    if meeting.is_public and not published.agenda_public(meeting):
        parts.append(AGENDA_TO_FOLLOW)
    return ". ".join(p for p in parts if p)


def event_json(request: HttpRequest, meeting: Any) -> dict[str, Any]:
    """One meeting as an Open Civic Data event."""
    council = meeting.council
    page = reverse("public:meeting", args=[council.slug, meeting.pk])
    items = published.public_items(meeting)
    return {
        "id": f"meeting-{meeting.pk}",
        "_type": "event",
        "name": f"{meeting.body.name}, {meeting.starts_at:%-d %B %Y}",
        "classification": meeting.body.kind,
        "start_time": meeting.starts_at.isoformat(),
        "end_time": (meeting.starts_at + MEETING_LENGTH).isoformat(),
        "timezone": "Europe/London",
        "all_day": False,
        "status": _status(meeting),
        "location": {"name": meeting.location, "url": "", "coordinates": None},
        "description": _description(meeting),
        "agenda": [_agenda_entry(request, council, view) for view in items],
        "documents": [_document(request, "Meeting page", page, "text/html")],
        "participants": [
            {"entity_type": "organization", "name": meeting.body.name, "note": "host"}
        ],
        "sources": [{"url": request.build_absolute_uri(page), "note": "public site"}],
        "extras": {"minutes_published": meeting.minutes_public},
    }


def council_json(request: HttpRequest, slug: str) -> JsonResponse:
    council = published.council_or_404(slug)
    events = [event_json(request, m) for m in _feed_meetings(council)]
    return JsonResponse({"council": council.name, "events": events})


def meeting_json(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    council = published.council_or_404(slug)
    return JsonResponse(event_json(request, published.meeting_or_404(council, pk)))

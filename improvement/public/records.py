"""The public record as rows: what the open data (the public API and the CSV files)
says of each meeting, agenda item, decision, report and forward plan edition.

Built only from what `published` hands over, so the API, the files and the pages
carry the same records, and nothing exempt.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def _url(request: HttpRequest, name: str, *args: Any) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def meeting_row(request: HttpRequest, meeting: Any) -> dict[str, Any]:
    slug = meeting.council.slug
    return {
        "id": meeting.pk,
        "body": meeting.body.name,
        "body_kind": meeting.body.kind,
        "starts_at": meeting.starts_at,
        "location": meeting.location,
        "status": meeting.status,
        "papers_published": meeting.is_public,
        "open_to_the_public": meeting.is_public and meeting.held_in_public,
        "agenda_published_on": meeting.agenda_published_on,
        "minutes_published_on": meeting.minutes_published_on if meeting.minutes_public else None,
        "url": _url(request, "public:meeting", slug, meeting.pk),
        "updated_at": meeting.updated,
    }


def item_row(request: HttpRequest, item: Any) -> dict[str, Any]:
    """An open item of a meeting whose papers are published (`published.open_items`)."""
    meeting = item.meeting
    slug = meeting.council.slug
    minutes = meeting.minutes_public
    return {
        "id": item.pk,
        "meeting_id": meeting.pk,
        "meeting_starts_at": meeting.starts_at,
        "body": meeting.body.name,
        "number": item.number,
        "title": item.title,
        "description": item.description,
        "report_author": item.report_author,
        "minute": item.minute if minutes else "",
        "decisions": [d.text for d in item.decisions.all()] if minutes else [],
        "papers": [
            {
                "name": paper.name,
                "url": _url(request, "public:paper", slug, paper.pk),
                "media_type": paper.content_type,
            }
            for paper in item.papers.all()
        ],
        "url": _url(request, "public:meeting", slug, meeting.pk),
        "updated_at": item.updated,
    }


def decision_row(request: HttpRequest, decision: Any) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "text": decision.text,
        "decision_maker": decision.decision_maker,
        "decided_on": decision.decided_on,
        "published_on": decision.published_on,
        "call_in_ends_on": decision.call_in_ends_on,
        "implementable_on": decision.implementable_on,
        "called_in_on": decision.called_in_on,
        "updated_at": decision.updated,
    }


def report_row(request: HttpRequest, report: Any) -> dict[str, Any]:
    """A report as it was last published: a later draft's title never shows."""
    version = report.published_versions[0]
    slug = report.council.slug
    return {
        "id": report.pk,
        "title": version.document.get("title", ""),
        "kind": report.kind,
        "as_at": version.as_at,
        "version": version.number,
        "published_at": version.published_at,
        "url": _url(request, "public_reports:report_detail", slug, report.pk),
        "pdf_url": _url(request, "public_reports:report_pdf", slug, report.pk),
        "updated_at": report.updated,
    }


def edition_row(request: HttpRequest, edition: Any) -> dict[str, Any]:
    slug = edition.council.slug
    return {
        "id": edition.pk,
        "published_on": edition.published_on,
        "decisions_from": edition.decisions_from,
        "url": _url(request, "public_forward_plan:edition_detail", slug, edition.pk),
        "updated_at": edition.updated,
    }


ENTRY_FIELDS = (
    "reference",
    "title",
    "decision_maker",
    "date",
    "scrutiny",
    "wards",
    "consultation",
    "contact",
    "directorate",
    "documents",
    "urgency",
)


def entry_row(part: int, row: dict[str, Any]) -> dict[str, Any]:
    """A decision as a published edition printed it (`forward_plan.presenters.row_for`:
    a private decision's paragraph and reason, never its exempt information)."""
    return {
        "id": row.get("id"),
        "part": part,
        **{name: str(row.get(name) or "") for name in ENTRY_FIELDS},
        "key": bool(row.get("key")),
        "private": bool(row.get("private")),
        "exempt_paragraph": row.get("exempt_paragraph"),
    }


def when(value: Any) -> str:
    """A date or time as a CSV cell: ISO 8601, which every spreadsheet reads."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)

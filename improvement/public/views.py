"""The public site: no sign-in, published content only, exempt items withheld."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from improvement.meetings import queries
from improvement.public import published


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "public/index.html", {"councils": queries.councils_with_public_content()}
    )


def council(request: HttpRequest, slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    meetings = published.public_meetings(place)
    today = timezone.localdate()
    return render(
        request,
        "public/council.html",
        {
            "place": place,
            "bodies": published.public_bodies(place),
            "upcoming": meetings.filter(starts_at__date__gte=today).order_by("starts_at"),
            "recent": meetings.filter(starts_at__date__lt=today)[:20],
        },
    )


def body(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    found = published.body_or_404(place, body_slug)
    return render(
        request,
        "public/body.html",
        {
            "place": place,
            "body": found,
            "members": found.memberships.select_related("person", "organisation"),
            "terms": found.terms.select_related("approved_by").first(),
            "meetings": published.public_meetings(place).filter(body=found),
            "programme": queries.work_programme(found),
        },
    )


def meeting(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = published.council_or_404(slug)
    found = published.meeting_or_404(place, pk)
    return render(
        request,
        "public/meeting.html",
        {
            "place": place,
            "meeting": found,
            "items": published.public_items(found),
            "decisions": published.public_meeting_decisions(found),
            "attendance": found.attendance.select_related("person", "substitute_for")
            if found.is_public
            else [],
        },
    )


def decisions(request: HttpRequest, slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    return render(
        request,
        "public/decisions.html",
        {"place": place, "decisions": published.executive_decisions(place)},
    )


def paper(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    place = published.council_or_404(slug)
    found = published.public_paper(place, pk)
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)

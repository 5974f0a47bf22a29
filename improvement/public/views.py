"""The public site: no sign-in, published content only, exempt items withheld.

Every record comes through `published`, so the pages, feeds and files show the same."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from improvement.public import downloads, presenters, progress, published


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "public/index.html", {"councils": published.councils()})


def council(request: HttpRequest, slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    upcoming, recent = published.upcoming_and_recent(place)
    return render(
        request,
        "public/council.html",
        {
            "place": place,
            "bodies": published.public_bodies(place),
            "upcoming": upcoming,
            "recent": recent,
        },
    )


def body(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    found = published.body_or_404(place, body_slug)
    context = {"place": place, "body": found, **published.body_page(place, found)}
    return render(request, "public/body.html", context)


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
            "attendance": published.public_attendance(found),
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


def plan_progress(request: HttpRequest, slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    found = progress.public_progress(place)
    return render(request, "public/progress.html", {"place": place, "progress": found})


def open_data(request: HttpRequest, slug: str) -> HttpResponse:
    place = published.council_or_404(slug)
    files = presenters.data_files(request, place)
    return render(request, "public/open_data.html", {"place": place, "files": files})


def data_file(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    place = published.council_or_404(slug)
    content = downloads.csv_file(request, place, name)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{place.slug}-{name}.csv"'
    return response

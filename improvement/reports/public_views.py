"""The public's reports: published versions of open reports only, no sign-in."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from improvement.public.published import council_or_404
from improvement.reports import queries
from improvement.reports.document import from_json
from improvement.reports.views import download


def _published(slug: str, pk: int) -> tuple:
    place = council_or_404(slug)
    report = queries.published_reports(place).filter(pk=pk).first()
    if report is None:
        raise Http404("No such report")
    return place, report, queries.published_version(report)


def report_list(request: HttpRequest, slug: str) -> HttpResponse:
    place = council_or_404(slug)
    # Each as it was published, so a later draft's title never shows.
    rows = [
        {"report": report, "title": queries.published_version(report).document["title"]}
        for report in queries.published_reports(place)
    ]
    return render(request, "reports/public/list.html", {"place": place, "rows": rows})


def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place, report, version = _published(slug, pk)
    context = {
        "place": place,
        "report": report,
        "version": version,
        "document": from_json(version.document),
    }
    return render(request, "reports/public/detail.html", context)


def report_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _, report, version = _published(slug, pk)
    return download(report, "pdf", version)

"""The public's reports: published versions of open reports only, no sign-in."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from improvement.documents.download import download
from improvement.documents.html import fragment
from improvement.documents.structure import from_json
from improvement.meetings.queries import public_council
from improvement.reports.build import file_name, report_file


def council_or_404(slug: str) -> object:
    # The public site's own lookup (meetings.queries), not the public app above this one.
    council = public_council(slug)
    if council is None:
        raise Http404("No such council")
    return council


def _published(slug: str, pk: int) -> tuple:
    place = council_or_404(slug)
    report = place.reports.published().filter(pk=pk).first()
    if report is None:
        raise Http404("No such report")
    return place, report, report.versions.latest_published()


def report_list(request: HttpRequest, slug: str) -> HttpResponse:
    place = council_or_404(slug)
    # Each as it was published, so a later draft's title never shows.
    rows = [
        {"report": report, "title": report.versions.latest_published().document["title"]}
        for report in place.reports.published()
    ]
    return render(request, "reports/public/list.html", {"place": place, "rows": rows})


def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place, report, version = _published(slug, pk)
    document = from_json(version.document)
    context = {
        "place": place,
        "report": report,
        "version": version,
        "document": document,
        "document_html": fragment(document),
    }
    return render(request, "reports/public/detail.html", context)


def report_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _, report, version = _published(slug, pk)
    return download(report_file(report, "pdf", version), "pdf", file_name(report, version))

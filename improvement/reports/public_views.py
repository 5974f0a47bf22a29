"""The public's reports: published versions of open reports only, no sign-in."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from improvement.core.actors import SystemActor
from improvement.documents.html import fragment
from improvement.documents.structure import from_json
from improvement.documents.views import chart_file, chart_name, file_or_wait
from improvement.meetings.queries import public_council
from improvement.reports import files


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


def _scope(pk: int) -> str:
    return f"public-report:{pk}"


def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place, report, version = _published(slug, pk)
    document = from_json(version.document)

    def chart_url(key: str) -> str:
        name = chart_name(_scope(report.pk), key)
        return reverse("public_reports:report_chart", args=[slug, report.pk, name])

    context = {
        "place": place,
        "report": report,
        "version": version,
        "document": document,
        "document_html": fragment(document, chart_url),
    }
    return render(request, "reports/public/detail.html", context)


def report_chart(request: HttpRequest, slug: str, pk: int, name: str) -> HttpResponse:
    """A chart of a published report's page: open reports only, as the page is."""
    _published(slug, pk)
    return chart_file(_scope(pk), name)


def report_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The file made when the report was published; one the worker has not finished
    yet (or that failed, and is made again) has the public wait on a page."""
    place, report, version = _published(slug, pk)
    actor = SystemActor("public_report_pdf")
    parameters = files.parameters(report, version)
    context = {"place": place, "report": report, "version": version}
    return file_or_wait(
        request,
        actor,
        report.council,
        files.KIND,
        parameters,
        "pdf",
        "reports/public/waiting.html",
        context,
    )

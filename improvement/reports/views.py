"""Pages for reports: list, start, edit the draft, finalise, publish, revise, download."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.documents.download import download
from improvement.documents.render import FORMATS
from improvement.documents.views import REFRESH_SECONDS, chart_file, start
from improvement.reports import appendix, files, services
from improvement.reports.build import file_name, report_file
from improvement.reports.forms import CreateReportForm, EditReportForm, ReportSettingsForm
from improvement.reports.models import ReportDocument
from improvement.reports.permissions import MANAGE_SETTINGS, write_perm
from improvement.reports.queries import settings_for

ACTIONS = {"revise": services.revise}


def _readable(request: HttpRequest, slug: str, pk: int) -> ReportDocument:
    """The report, if the person may read it; an exempt report is not there for others."""
    council = access.council_for(request, slug)
    report = council.reports.for_lists().filter(pk=pk).first()
    if report is None or not access.allowed(request.user, "reports.read", report):
        raise Http404("No such report")
    return report


def _writable(request: HttpRequest, slug: str, pk: int) -> ReportDocument:
    return access.check(request, "reports.write", _readable(request, slug, pk))


def _creatable_kinds(request: HttpRequest, council: object) -> list[tuple[str, str]]:
    return [
        (kind, label)
        for kind, label in ReportDocument.Kind.choices
        if access.allowed(request.user, write_perm(kind), council)
    ]


@login_required
def report_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    reports = [
        report
        for report in council.reports.for_lists()
        if access.allowed(request.user, "reports.read", report)
    ]
    return render(request, "reports/list.html", {"council": council, "reports": reports})


@login_required
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "reports.start")
    form = bound(
        request, CreateReportForm, council=council, kinds=_creatable_kinds(request, council)
    )
    return form_page(
        request,
        form,
        service=lambda data: services.create_report(
            request.user, council, data["kind"], **form.report_fields()
        ),
        done=lambda report: reverse("reports:report_edit", args=[council.slug, report.pk]),
        title="Start a report",
        success="Draft started",
    )


@login_required
def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = _readable(request, slug, pk)
    versions = list(report.versions.listed())
    shown = None if report.is_draft or not versions else versions[0]
    context = {
        "council": report.council,
        "report": report,
        "page": files.page(request.user, report, shown),
        "refresh": REFRESH_SECONDS,
        "versions": versions,
        "formats": FORMATS,
    }
    if report.kind == ReportDocument.Kind.COMMITTEE:
        context["appendix"] = appendix.title(appendix.spec(report))
    return render(request, "reports/detail.html", context)


@login_required
def report_chart(request: HttpRequest, slug: str, pk: int, name: str) -> HttpResponse:
    """A chart of the report's page, to those who may read the report."""
    return chart_file(files.chart_scope(_readable(request, slug, pk)), name)


@login_required
def report_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = _writable(request, slug, pk)
    if not report.is_draft:
        messages.error(request, services.FINAL_REFUSAL)
        return redirect("reports:report_detail", slug, pk)
    form = bound(request, EditReportForm, report=report)
    return form_page(
        request,
        form,
        service=lambda data: services.update_draft(
            request.user, report, form.changes(), expected_version=data["version"]
        ),
        done=reverse("reports:report_detail", args=[slug, pk]),
        title=f"Edit: {report}",
        success="Draft saved",
    )


def _done(
    request: HttpRequest, report: ReportDocument, action: Callable[[], object]
) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Report {report.get_status_display().lower()}")
    return redirect("reports:report_detail", report.council.slug, report.pk)


@login_required
@require_POST
def report_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    report = _writable(request, slug, pk)
    if action not in ACTIONS:
        raise Http404("No such action")
    return _done(request, report, lambda: ACTIONS[action](request.user, report))


def _refused(request: HttpRequest, report: ReportDocument, step: str) -> HttpResponse | None:
    """The confirmation page with an error summary naming each part still to be
    written, while any is; None when the report is complete."""
    gaps = services.missing(report)
    if not gaps:
        return None
    context = {"council": report.council, "report": report, "gaps": gaps, "step": step}
    return render(request, "reports/incomplete.html", context)


@login_required
def report_finalise(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm, then freeze the stored draft the officer read (nothing is built here)."""
    report = _writable(request, slug, pk)
    refused = _refused(request, report, "finalised") if report.is_draft else None
    if refused is not None:
        return refused
    if request.method == "POST":
        read = request.POST.get("build", "")
        read_pk = int(read) if read.isdigit() else 0
        return _done(request, report, lambda: services.finalise(request.user, report, read_pk))
    build = files.current_draft(request.user, report) if report.is_draft else None
    if build is None or not build.is_done:
        messages.error(request, services.DRAFT_CHANGED if build else services.FINAL_REFUSAL)
        return redirect("reports:report_detail", slug, pk)
    context = {"council": report.council, "report": report, "build": build}
    context["number"] = services.next_number(report)
    return render(request, "reports/finalise.html", context)


@login_required
def report_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm, then publish the latest final version to the public site."""
    report = _writable(request, slug, pk)
    if report.status != ReportDocument.Status.FINAL or report.is_exempt:
        refusal = "An exempt report cannot be published." if report.is_exempt else None
        messages.error(request, refusal or "Only a final report can be published.")
        return redirect("reports:report_detail", slug, pk)
    refused = _refused(request, report, "published")
    if refused is not None:
        return refused
    if request.method == "POST":
        return _done(request, report, lambda: services.publish(request.user, report))
    context = {"council": report.council, "report": report}
    context["version"] = report.versions.listed().first()
    return render(request, "reports/publish.html", context)


@login_required
def report_settings(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE_SETTINGS)
    current = settings_for(council)
    initial = {name: getattr(current, name) for name in services.SETTINGS_FIELDS}
    form = bound(request, ReportSettingsForm, initial={**initial, "version": current.version})
    return form_page(
        request,
        form,
        service=lambda data: services.change_settings(
            request.user,
            council,
            {name: data[name] for name in services.SETTINGS_FIELDS},
            data["version"],
        ),
        done=reverse("reports:report_list", args=[slug]),
        title="How committee reports are written",
        lead=(
            "The layout of the council's committee reports, and the text each report on the "
            "improvement plan starts from. Reports already started keep their text."
        ),
        success="Report settings saved",
    )


@login_required
def report_download(
    request: HttpRequest, slug: str, pk: int, fmt: str, number: int | None = None
) -> HttpResponse:
    report = _readable(request, slug, pk)
    if fmt not in FORMATS:
        raise Http404("No such format")
    version = None
    if number is not None:
        version = report.versions.filter(number=number).first()
        if version is None:
            raise Http404("No such version")
    if fmt == "html":
        return download(report_file(report, fmt, version), fmt, file_name(report, version))
    return start(request, report.council, files.KIND, files.parameters(report, version), fmt)

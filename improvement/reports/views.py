"""Pages for reports: list, start, edit the draft, finalise, publish, revise, download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from improvement.accounts import access as council_access
from improvement.core.tracking import StaleEdit
from improvement.reports import access, queries, services
from improvement.reports.build import build_document, report_file
from improvement.reports.document import from_json
from improvement.reports.forms import CreateReportForm, EditReportForm
from improvement.reports.models import ReportDocument
from improvement.reports.render import CONTENT_TYPES, FORMATS

ACTIONS = {"finalise": services.finalise, "publish": services.publish, "revise": services.revise}


def _readable(request: HttpRequest, slug: str, pk: int) -> ReportDocument:
    council = council_access.council_for(request, slug)
    report = queries.report_of(council, pk)
    if report is None or not access.can_read(request.user, report):
        raise Http404("No such report")
    return report


def _writable(request: HttpRequest, slug: str, pk: int) -> ReportDocument:
    report = _readable(request, slug, pk)
    if not access.can_write(request.user, report):
        raise PermissionDenied("You cannot change this report.")
    return report


@login_required
def report_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_access.council_for(request, slug)
    kinds = access.creatable_kinds(request.user, council, ReportDocument.Kind.choices)
    reports = access.readable(request.user, queries.reports_of(council))
    return render(request, "reports/list.html", {"reports": reports, "can_create": bool(kinds)})


@login_required
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_access.council_for(request, slug)
    kinds = access.creatable_kinds(request.user, council, ReportDocument.Kind.choices)
    if not kinds:
        raise PermissionDenied("You cannot start a report.")
    form = CreateReportForm(request.POST or None, council=council, kinds=kinds)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        report = services.create_report(request.user, council, kind, **form.report_fields())
        messages.success(request, f"Draft started: {report}")
        return redirect("reports:report_edit", council.slug, report.pk)
    return render(request, "plans/form.html", {"form": form, "title": "Start a report"})


@login_required
def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = _readable(request, slug, pk)
    latest = queries.latest_version(report)
    frozen = not report.is_draft and latest is not None
    document = from_json(latest.document) if frozen else build_document(report)
    context = {
        "report": report,
        "document": document,
        "versions": queries.versions_of(report),
        "can_write": access.can_write(request.user, report),
        "formats": FORMATS,
    }
    return render(request, "reports/detail.html", context)


@login_required
def report_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = _writable(request, slug, pk)
    if not report.is_draft:
        messages.error(request, services.FINAL_REFUSAL)
        return redirect("reports:report_detail", slug, pk)
    form = EditReportForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_draft(
                request.user, report, form.changes(), expected_version=form.cleaned_data["version"]
            )
        except (StaleEdit, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, "Draft saved")
            return redirect("reports:report_detail", slug, pk)
    title = f"Edit: {report}"
    return render(request, "plans/form.html", {"form": form, "title": title})


@login_required
@require_POST
def report_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    report = _writable(request, slug, pk)
    if action not in ACTIONS:
        raise Http404("No such action")
    try:
        ACTIONS[action](request.user, report)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Report {report.get_status_display().lower()}")
    return redirect("reports:report_detail", slug, pk)


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
    return download(report, fmt, version)


def download(report: ReportDocument, fmt: str, version: object = None) -> HttpResponse:
    response = HttpResponse(report_file(report, fmt, version), content_type=CONTENT_TYPES[fmt])
    suffix = f"-v{version.number}" if version is not None else "-draft"
    disposition = "inline" if fmt != "docx" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="report-{report.pk}{suffix}.{fmt}"'
    return response

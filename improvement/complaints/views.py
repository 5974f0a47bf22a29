import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement.complaints import access, queries, services
from improvement.complaints.casefile import case_groups
from improvement.complaints.clock import open_stage, with_clocks
from improvement.complaints.forms import (
    STAGE_FORMS,
    ComplimentForm,
    GrantForm,
    ReportYearForm,
    RepresentationForm,
    SettingsForm,
    SubjectAccessForm,
    latest_complete_year,
)
from improvement.complaints.report import render_report, report_for_page
from improvement.core import audit
from improvement.core.forms import run_service

CONTENT_TYPES = {
    "json": "application/json",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
STAGE_SERVICES = {
    "stage1": services.record_stage1,
    "stage2": services.record_stage2,
    "stage3": services.record_stage3,
    "ombudsman": services.record_ombudsman,
}


def _save(form: Any, call: Any) -> Any:
    """Run a service; put its refusal on the form rather than losing the input."""
    return run_service(form, call)


def _form_page(request: HttpRequest, form: Any, title: str, button: str = "Save"):
    return render(request, "complaints/form.html", {"form": form, "title": title, "button": button})


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.figures_council(request, slug)
    cases = access.can_see_cases(request.user, council)
    open_cases = with_clocks(council.representations.possibly_open()) if cases else []
    return render(
        request,
        "complaints/index.html",
        {
            "council": council,
            "can_see_cases": cases,
            "can_record": access.can_record(request.user, council),
            "open_cases": open_cases,
            "overdue_count": sum(clock.overdue for _, clock in open_cases),
            "year": latest_complete_year(timezone.localdate()),
        },
    )


@login_required
def case_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.cases_council(request, slug)
    records = council.representations.live().order_by("-received_on", "reference")[:200]
    return render(request, "complaints/case_list.html", {"council": council, "records": records})


@login_required
def record_new(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.manager_council(request, slug)
    form = RepresentationForm(request.POST or None, council=council)
    if form.is_valid():
        rep = _save(
            form, lambda: services.record_representation(request.user, council, form.cleaned_data)
        )
        if rep is not None:
            messages.success(request, f"{rep.reference} recorded.")
            return redirect("complaints:case", slug, rep.pk)
    return _form_page(request, form, "Record a representation")


@login_required
def compliment_new(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.manager_council(request, slug)
    form = ComplimentForm(request.POST or None)
    if form.is_valid():
        rep = _save(
            form, lambda: services.record_compliment(request.user, council, form.cleaned_data)
        )
        if rep is not None:
            messages.success(request, f"Compliment {rep.reference} recorded.")
            return redirect("complaints:index", slug)
    return _form_page(request, form, "Record a compliment")


@login_required
def case_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.cases_council(request, slug)
    rep = get_object_or_404(council.representations.live(), pk=pk)
    return render(
        request,
        "complaints/case_detail.html",
        {
            "council": council,
            "rep": rep,
            "clock": open_stage(rep),
            "groups": case_groups(rep),
            "history": audit.history_for(rep),
            "can_record": access.can_record(request.user, council),
            "stages": [(key, label) for key, (_, label) in STAGE_FORMS.items()],
        },
    )


@login_required
def stage_edit(request: HttpRequest, slug: str, pk: int, stage: str) -> HttpResponse:
    council = access.manager_council(request, slug)
    if stage not in STAGE_FORMS or stage not in STAGE_SERVICES:
        raise Http404("No such stage")
    rep = get_object_or_404(council.representations.statutory_or_corporate(), pk=pk)
    form_class, label = STAGE_FORMS[stage]
    initial = {name: getattr(rep, name) for name in form_class.base_fields if name != "version"}
    form = form_class(request.POST or None, initial={**initial, "version": rep.version})
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = _save(
            form,
            lambda: STAGE_SERVICES[stage](request.user, rep, data, form.cleaned_data["version"]),
        )
        if saved is not None:
            messages.success(request, f"{label} recorded for {rep.reference}.")
            return redirect("complaints:case", slug, rep.pk)
    return _form_page(request, form, f"{label}: {rep.reference}")


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.figures_council(request, slug)
    form = ReportYearForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None
    year = year or latest_complete_year(timezone.localdate())
    return render(
        request,
        "complaints/report.html",
        {"council": council, "form": form, "report": report_for_page(council, year)},
    )


@login_required
def report_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    council = access.figures_council(request, slug)
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format")
    response = HttpResponse(render_report(council, year, fmt), content_type=CONTENT_TYPES[fmt])
    filename = f"complaints-report-{council.slug}-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def subject_access(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.cases_council(request, slug)
    form = SubjectAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = services.subject_access_export(request.user, council, form.cleaned_data["name"])
        response = HttpResponse(json.dumps(export, indent=2), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
        return response
    return _form_page(request, form, "Subject access export", "Export records")


@login_required
def grants(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.manager_council(request, slug)
    people = queries.council_people(council)
    form = GrantForm(request.POST or None, people=[(u.pk, str(u)) for u in people])
    if form.is_valid():
        user = next(u for u in people if str(u.pk) == form.cleaned_data["user"])
        if _save(
            form,
            lambda: services.grant_case_access(
                request.user, council, user, form.cleaned_data["reason"]
            ),
        ):
            messages.success(request, "Case access given.")
            return redirect("complaints:grants", slug)
    return render(
        request,
        "complaints/grants.html",
        {"council": council, "form": form, "grants": queries.active_grants(council)},
    )


@login_required
@require_POST
def grant_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.manager_council(request, slug)
    grant = get_object_or_404(queries.active_grants(council), pk=pk)
    services.revoke_case_access(request.user, grant, grant.version)
    messages.success(request, "Case access removed.")
    return redirect("complaints:grants", slug)


@login_required
def complaints_settings(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.manager_council(request, slug)
    current = queries.settings_for(council)
    initial = {
        "retention_years": current.retention_years,
        "overdue_report_to": current.overdue_report_to,
        "categories": "\n".join(current.categories),
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if form.is_valid():
        services.change_complaints_settings(request.user, council, form.cleaned_data)
        messages.success(request, "Complaints settings saved.")
        return redirect("complaints:index", slug)
    return _form_page(request, form, "Complaints settings")

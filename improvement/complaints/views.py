"""Complaints pages: the figures for everyone in the council, case details for the
complaints manager and those they allow, and the manager's forms."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement.complaints import lists, queries, services
from improvement.complaints.casefile import case_groups
from improvement.complaints.clock import late_acknowledgement, open_stage, with_clocks
from improvement.complaints.forms import (
    FIRST_YEAR,
    LAST_YEAR,
    STAGE_FORMS,
    ArchiveDecisionForm,
    CaseForm,
    ComplimentEditForm,
    ComplimentForm,
    DecisionForm,
    DecisionLinkForm,
    GrantForm,
    ReportChoiceForm,
    ReportNoteForm,
    ReportYearForm,
    RepresentationForm,
    RevokeForm,
    SettingsForm,
    SubjectAccessForm,
    latest_complete_year,
)
from improvement.complaints.letters import available_letters
from improvement.complaints.report import BUILT, KIND, report_for_page, report_response
from improvement.complaints.years import year_label
from improvement.core import access, audit
from improvement.core.forms import bound, form_page, run_service
from improvement.core.listing import list_page
from improvement.documents.download import download
from improvement.documents.views import start

FIGURES, CASES, MANAGE = "complaints.view_figures", "complaints.view_cases", "complaints.manage"
FORM = "complaints/form.html"
STAGE_SERVICES = {
    "stage1": services.record_stage1,
    "stage2": services.record_stage2,
    "stage3": services.record_stage3,
    "ombudsman": services.record_ombudsman,
}


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, FIGURES)
    cases = access.allowed(request.user, CASES, council)
    open_cases = with_clocks(council.representations.possibly_open()) if cases else []
    return render(
        request,
        "complaints/index.html",
        {
            "open_cases": open_cases,
            "overdue_count": sum(clock.overdue for _, clock in open_cases),
            "year": latest_complete_year(timezone.localdate()),
        },
    )


@login_required
def case_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Every record, filtered, sorted and paged, or as a CSV without personal data."""
    council = access.council_for(request, slug, CASES)
    return list_page(
        request,
        lists.case_rows(council),
        lists.CASES,
        "complaints/case_list.html",
        filename_prefix=council.slug,
    )


@login_required
def record_new(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    return form_page(
        request,
        bound(request, RepresentationForm, council=council),
        service=lambda data: services.record_representation(request.user, council, data),
        done=lambda rep: reverse("complaints:case", args=[slug, rep.pk]),
        title="Record a representation",
        success="Representation recorded",
        template=FORM,
    )


@login_required
def compliment_new(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    return form_page(
        request,
        bound(request, ComplimentForm),
        service=lambda data: services.record_compliment(request.user, council, data),
        done=reverse("complaints:index", args=[slug]),
        title="Record a compliment",
        success="Compliment recorded",
        template=FORM,
    )


@login_required
def case_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CASES)
    rep = get_object_or_404(council.representations.live(), pk=pk)
    return render(
        request,
        "complaints/case_detail.html",
        {
            "rep": rep,
            "clock": open_stage(rep),
            "acknowledgement": late_acknowledgement(rep),
            "letters": available_letters(rep),
            "groups": case_groups(rep),
            "history": audit.history_for(rep),
            "stages": [(key, label) for key, (_, label) in STAGE_FORMS.items()],
        },
    )


@login_required
def case_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The complaints manager corrects a record as received; its stages have their own."""
    council = access.council_for(request, slug, MANAGE)
    rep = get_object_or_404(council.representations.live(), pk=pk)
    form_class, extra = (
        (ComplimentEditForm, {}) if rep.kind == "compliment" else (CaseForm, {"council": council})
    )
    initial = {name: getattr(rep, name) for name in form_class.base_fields}
    return form_page(
        request,
        bound(request, form_class, initial={**initial, "version": rep.version}, **extra),
        service=lambda data: services.change_representation(
            request.user, rep, data, data["version"]
        ),
        done=reverse("complaints:case", args=[slug, rep.pk]),
        title=f"Change {rep.reference}",
        success=f"{rep.reference} saved",
        template=FORM,
    )


@login_required
def letter(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    """A letter to the complainant in Word, made now and not stored (docs/adr/035)."""
    council = access.council_for(request, slug, MANAGE)
    rep = get_object_or_404(council.representations.live(), pk=pk)
    if kind not in dict(available_letters(rep)):
        raise Http404("No such letter for this case")
    content = services.write_letter(request.user, rep, kind)
    return download(content, "docx", f"{rep.reference}-{kind}")


@login_required
def stage_edit(request: HttpRequest, slug: str, pk: int, stage: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    if stage not in STAGE_FORMS:
        raise Http404("No such stage")
    rep = get_object_or_404(council.representations.statutory_or_corporate(), pk=pk)
    form_class, label = STAGE_FORMS[stage]
    initial = {name: getattr(rep, name) for name in form_class.base_fields}
    return form_page(
        request,
        bound(request, form_class, initial={**initial, "version": rep.version}),
        service=lambda data: STAGE_SERVICES[stage](request.user, rep, data, data["version"]),
        done=reverse("complaints:case", args=[slug, rep.pk]),
        title=f"{label}: {rep.reference}",
        success=f"{label} recorded for {rep.reference}",
        template=FORM,
    )


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, FIGURES)
    form = ReportYearForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None
    year = year or latest_complete_year(timezone.localdate())
    return render(
        request,
        "complaints/report.html",
        {"form": form, "report": report_for_page(council, year)},
    )


@login_required
def report_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    council = access.council_for(request, slug, FIGURES)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such report")
    if fmt in BUILT:
        return start(request, council, KIND, {"year": year}, fmt)
    return report_response(council, year, fmt)


@login_required
def report_note(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The complaints manager adds a note the year's report prints first."""
    council = access.council_for(request, slug, MANAGE)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such report")
    return form_page(
        request,
        bound(request, ReportNoteForm),
        service=lambda data: services.note_on_report(request.user, council, year, data["text"]),
        done=f"{reverse('complaints:report', args=[slug])}?year={year}",
        title=f"Add a note to the {year_label(year)} annual report",
        success="Note added to the report",
        template=FORM,
    )


@login_required
def subject_access(request: HttpRequest, slug: str) -> HttpResponse:
    """A download, not a redirect, so it cannot be the one-form `form_page`."""
    council = access.council_for(request, slug, CASES)
    form = bound(request, SubjectAccessForm)
    if request.method == "POST" and form.is_valid():
        export = services.subject_access_export(request.user, council, form.cleaned_data["name"])
        response = HttpResponse(json.dumps(export, indent=2), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
        return response
    context = {"form": form, "title": "Subject access export", "button": "Export records"}
    return render(request, FORM, context)


@login_required
def grants(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    people = {str(user.pk): user for user in queries.council_people(council)}
    return form_page(
        request,
        bound(request, GrantForm, people=[(pk, str(user)) for pk, user in people.items()]),
        service=lambda data: services.grant_case_access(
            request.user, council, people[data["user"]], data["reason"]
        ),
        done=reverse("complaints:grants", args=[slug]),
        title="Who can see case details",
        success="Case access given",
        template="complaints/grants.html",
        grants=queries.active_grants(council),
    )


@login_required
@require_POST
def grant_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    grant = get_object_or_404(queries.active_grants(council), pk=pk)
    form = RevokeForm(request.POST)
    if form.is_valid() and run_service(
        form,
        lambda: services.revoke_case_access(request.user, grant, form.cleaned_data["version"]),
    ):
        messages.success(request, "Case access removed.")
    else:
        errors = [*form.non_field_errors(), *form.errors.get("version", [])]
        messages.error(request, " ".join(errors))
    return redirect("complaints:grants", slug)


@login_required
def complaints_settings(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    current = queries.settings_for(council)
    return form_page(
        request,
        bound(request, SettingsForm, initial=SettingsForm.initial_for(current)),
        service=lambda data: services.change_complaints_settings(
            request.user, council, data, data["version"]
        ),
        done=reverse("complaints:index", args=[slug]),
        title="Complaints settings",
        success="Complaints settings saved",
        template=FORM,
    )


@login_required
def report_choice(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The complaints manager chooses a case as an example for its year's annual report."""
    council = access.council_for(request, slug, MANAGE)
    rep = get_object_or_404(council.representations.complaints_and_compliments(), pk=pk)
    initial = {name: getattr(rep, name) for name in services.REPORT_FIELDS}
    return form_page(
        request,
        bound(request, ReportChoiceForm, initial={**initial, "version": rep.version}),
        service=lambda data: services.choose_for_report(request.user, rep, data, data["version"]),
        done=reverse("complaints:case", args=[slug, rep.pk]),
        title=f"The annual report's example: {rep.reference}",
        lead="A chosen case is printed among the examples of complaints or compliments in "
        "the report for the financial year it was received in, in the words written here.",
        success=f"Annual report example saved for {rep.reference}",
        template=FORM,
    )


@login_required
def decisions(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, FIGURES)
    return render(
        request,
        "complaints/decisions.html",
        {"decisions": queries.ombudsman_decisions(council)},
    )


@login_required
def decision_new(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    return form_page(
        request,
        bound(request, DecisionForm, initial={"version": 1}),
        service=lambda data: services.record_decision(request.user, council, data),
        done=reverse("complaints:decisions", args=[slug]),
        title="Record an Ombudsman decision",
        lead="For a complaint not recorded here. A decision on a recorded case is made from "
        "the case's Ombudsman stage.",
        success="Ombudsman decision recorded",
        template=FORM,
    )


@login_required
def decision_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    decision = get_object_or_404(queries.ombudsman_decisions(council), pk=pk)
    form_class = DecisionLinkForm if decision.representation_id else DecisionForm
    initial = {name: getattr(decision, name) for name in form_class.base_fields}
    return form_page(
        request,
        bound(request, form_class, initial={**initial, "version": decision.version}),
        service=lambda data: services.change_decision(
            request.user, decision, data, data["version"]
        ),
        done=reverse("complaints:decisions", args=[slug]),
        title=f"Change Ombudsman decision {decision.reference}",
        success=f"Ombudsman decision {decision.reference} saved",
        template=FORM,
    )


@login_required
def decision_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    decision = get_object_or_404(queries.ombudsman_decisions(council), pk=pk)
    return form_page(
        request,
        bound(request, ArchiveDecisionForm, initial={"version": decision.version}),
        service=lambda data: services.archive_decision(
            request.user, decision, data["reason"], data["version"]
        ),
        done=reverse("complaints:decisions", args=[slug]),
        title=f"Remove Ombudsman decision {decision.reference}",
        lead="It will no longer be listed in the annual report. It stays in the audit trail.",
        success=f"Ombudsman decision {decision.reference} removed",
        template=FORM,
        button="Remove decision",
    )

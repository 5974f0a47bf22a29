"""Quality of practice and the voice of children, families and staff: case file
audits, surveys, forums and feedback, and the themes that bear on objectives."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from improvement.evidence import access, charts, queries, services
from improvement.evidence.forms import AuditForm, ThemeForm, VoiceForm
from improvement.evidence.presenters import grade_cells
from improvement.evidence.web import run

FORM = "evidence/form.html"


@login_required
def audit_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    audits = queries.audits_of(council).order_by("held_on", "id")
    rows = [{"audit": a, "grades": grade_cells(a)} for a in audits]
    return render(
        request,
        "evidence/audit_list.html",
        {
            "rows": rows,
            "chart": charts.audit_chart(rows) if rows else "",
            "can_edit": access.can_edit_evidence(request.user, council),
        },
    )


@login_required
def audit_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.editor_council(request, slug)
    form = AuditForm(request.POST or None, council=council)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if run(form, lambda: services.record_audit(request.user, council, data)):
            messages.success(request, "Audit recorded")
            return redirect("evidence:audit_list", council.slug)
    return render(request, FORM, {"form": form, "title": "Record a case file audit"})


@login_required
def voice_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    return render(
        request,
        "evidence/voice_list.html",
        {
            "events": queries.voice_of(council),
            "can_edit": access.can_edit_evidence(request.user, council),
        },
    )


@login_required
def voice_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    event = get_object_or_404(queries.voice_of(council), pk=pk)
    return render(
        request,
        "evidence/voice_detail.html",
        {"event": event, "can_edit": access.can_edit_evidence(request.user, council)},
    )


@login_required
def voice_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.editor_council(request, slug)
    form = VoiceForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        event = run(form, lambda: services.record_voice(request.user, council, data))
        if event:
            messages.success(request, "Recorded: now add its themes")
            return redirect("evidence:voice_detail", council.slug, event.pk)
    title = "Record a survey, forum or feedback"
    return render(request, FORM, {"form": form, "title": title})


@login_required
def theme_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    event = get_object_or_404(council.voice_events.live(), pk=pk)
    form = ThemeForm(request.POST or None, council=council)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if run(form, lambda: services.add_voice_theme(request.user, event, data)):
            messages.success(request, "Theme added")
            return redirect("evidence:voice_detail", council.slug, event.pk)
    return render(request, FORM, {"form": form, "title": "Add a theme", "lead": event.title})

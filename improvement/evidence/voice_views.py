"""Quality of practice and the voice of children, families and staff: case file
audits, surveys, forums and feedback, and the themes that bear on objectives."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.evidence import charts, queries, services
from improvement.evidence.forms import AuditForm, ThemeForm, VoiceForm
from improvement.evidence.presenters import grade_cells

FORM = "evidence/form.html"
VIEW, CHANGE = "evidence.view", "evidence.change"


def _voice_page(event: object) -> str:
    return reverse("evidence:voice_detail", args=[event.council.slug, event.pk])


@login_required
def audit_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    audits = queries.audits_of(council).order_by("held_on", "id")
    rows = [{"audit": a, "grades": grade_cells(a)} for a in audits]
    chart = charts.audit_chart(rows) if rows else ""
    return render(request, "evidence/audit_list.html", {"rows": rows, "chart": chart})


@login_required
def audit_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    return form_page(
        request,
        bound(request, AuditForm, council=council),
        service=lambda data: services.record_audit(request.user, council, data),
        done=reverse("evidence:audit_list", args=[council.slug]),
        title="Record a case file audit",
        success="Audit recorded",
        template=FORM,
    )


@login_required
def voice_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    return render(request, "evidence/voice_list.html", {"events": queries.voice_of(council)})


@login_required
def voice_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    event = get_object_or_404(queries.voice_of(council), pk=pk)
    return render(request, "evidence/voice_detail.html", {"event": event})


@login_required
def voice_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    return form_page(
        request,
        bound(request, VoiceForm),
        service=lambda data: services.record_voice(request.user, council, data),
        done=_voice_page,
        title="Record a survey, forum or feedback",
        success="Recorded: now add its themes",
        template=FORM,
    )


@login_required
def theme_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    event = get_object_or_404(council.voice_events.live(), pk=pk)
    return form_page(
        request,
        bound(request, ThemeForm, council=council),
        service=lambda data: services.add_voice_theme(request.user, event, data),
        done=_voice_page(event),
        title="Add a theme",
        lead=event.title,
        success="Theme added",
        template=FORM,
    )

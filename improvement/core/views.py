from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.accounts import access
from improvement.complaints import access as complaints_access
from improvement.core.audit import council_record, history_for

# The records that have a history page, by the name used in its URL.
HISTORY_MODELS = {
    "objective": "plans.Objective",
    "action": "plans.Action",
    "update": "plans.Update",
    "inspection": "plans.Inspection",
    "finding": "plans.Finding",
    "notice": "plans.Notice",
    "requirement": "plans.Requirement",
    "review": "plans.Review",
    "measure": "evidence.Measure",
    "audit": "evidence.CaseAudit",
    "voice": "evidence.VoiceEvent",
    "meeting": "meetings.Meeting",
    "body": "meetings.Body",
}


def home(request: HttpRequest) -> HttpResponse:
    councils = list(access.councils_for(request.user))
    if not request.user.is_authenticated:
        return redirect("login")
    if len(councils) == 1:
        return redirect("plans:dashboard", councils[0].slug)
    return render(request, "core/home.html", {"councils": councils})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_required
def activity(request: HttpRequest, slug: str) -> HttpResponse:
    """Every change in the council: for the board manager only, since audit entries hold
    the values before and after; complaint case records only for those who see cases."""
    council = access.council_for(request, slug)
    if not access.can_edit_plan(request.user, council):
        raise PermissionDenied("Only the board manager can see all the council's activity.")
    entries = council.audit_entries.select_related("content_type", "actor")
    if not complaints_access.can_see_cases(request.user, council):
        entries = entries.exclude(content_type__app_label="complaints")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/activity.html", {"page": page})


@login_required
def history(request: HttpRequest, slug: str, model: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    if model not in HISTORY_MODELS:
        raise Http404("No history for that kind of record")
    model_class = apps.get_model(HISTORY_MODELS[model])
    obj = council_record(model_class, council, pk)
    if obj is None:
        raise Http404("No such record")
    return render(request, "core/history.html", {"object": obj, "entries": history_for(obj)})

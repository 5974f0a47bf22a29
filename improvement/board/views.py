"""The board's pages: the plan joined with its evidence and the complaints, and the
council's activity and records' history. Each reads the apps below it."""

from functools import partial
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from improvement.board.activity_list import activity_page
from improvement.board.picture import board_summary
from improvement.board.plan_list import AS_AT_FIELDS, as_at_query, plan_list
from improvement.board.portfolio import portfolio_for
from improvement.board.presenters import by_objective
from improvement.board.queries import councils_of
from improvement.board.search import KINDS
from improvement.board.search import search as search_records
from improvement.board.start import panels_for
from improvement.complaints.ports import experience_lines
from improvement.core import access
from improvement.core.audit import council_record, history_for
from improvement.core.listing import hidden_fields, list_page
from improvement.evidence.queries import evidence_for_objective, measures_for_action
from improvement.plans.forms import as_at_of
from improvement.plans.picture import actions_as_at, with_details
from improvement.plans.presenters import SHORT_PAGE_SIZE, paged
from improvement.plans.queries import updates_of

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
    if not request.user.is_authenticated:
        return redirect("login")
    councils = list(councils_of(request.user))
    if len(councils) == 1:
        return redirect("board:start", councils[0].slug)
    return render(request, "board/home.html", {"councils": councils})


@login_required
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """The council's home for the signed-in person: a panel for each of their roles,
    most pressing first (docs/adr/031). The dashboard stays one link away."""
    council = access.council_for(request, slug)
    panels = panels_for(request.user, council, timezone.localdate())
    return render(request, "board/start.html", {"panels": panels})


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    """Each of the person's councils side by side: for anyone with a role, though the
    navigation offers it only to those with roles in two or more (docs/adr/023)."""
    today = timezone.localdate()
    councils = portfolio_for(request.user, today)
    return render(request, "board/portfolio.html", {"councils": councils, "as_at": today})


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan's figures, and its exceptions a page at a time."""
    council = access.council_for(request, slug, "plans.view_plan")
    form, as_at = as_at_of(request)
    picture = board_summary(council, as_at)
    detail = partial(with_details, council, picture.as_at)
    short = partial(paged, query=request.GET, size=SHORT_PAGE_SIZE)
    return render(
        request,
        "board/dashboard.html",
        {
            "picture": picture,
            "as_at_form": form,
            "slow": short(picture.slow, param="slow_page", detail=detail, anchor="slow"),
            "late": short(
                picture.due_after_deadline, param="late_page", detail=detail, anchor="late"
            ),
            "awaiting": short(
                updates_of(council).awaiting_acceptance(), param="awaiting_page", anchor="awaiting"
            ),
        },
    )


@login_required
def objective_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The objectives' figures, and the plan's actions filtered, sorted and a page at a
    time, or as a CSV of every action the filters keep (board.plan_list)."""
    council = access.council_for(request, slug, "plans.view_plan")
    form, as_at = as_at_of(request)
    picture = board_summary(council, as_at)
    spec, rows, arguments = plan_list(picture)
    as_at_link = urlencode(as_at_query(request.GET))
    context = {
        "picture": picture,
        "as_at_form": form,
        "as_at_query": as_at_link,
        # The date form keeps the list's filters and sort (plans/_as_at.html).
        "as_at_kept": hidden_fields(request.GET, AS_AT_FIELDS),
    }
    return list_page(
        request,
        rows,
        spec,
        "plans/objective_list.html",
        context,
        filename_prefix=f"{council.slug} plan",
        **arguments,
    )


@login_required
def slow_to_progress(request: HttpRequest, slug: str) -> HttpResponse:
    """Objectives flagged by their actions or a linked measure, and the actions slow to
    progress a page at a time, with the support asked for."""
    council = access.council_for(request, slug, "evidence.view")
    picture = board_summary(council, timezone.localdate())
    detail = partial(with_details, council, picture.as_at)
    actions = paged(picture.slow, request.GET, "page", detail, "actions")
    return render(
        request,
        "evidence/exceptions.html",
        {
            "picture": picture,
            "actions": actions,
            "groups": by_objective(actions.items),
            "as_at": picture.as_at,
        },
    )


@login_required
def objective_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The objective's figures as the plan list counts them, its actions a page at a
    time, and the evidence that bears on it."""
    council = access.council_for(request, slug, "plans.view_plan")
    objective = get_object_or_404(council.objectives.prefetch_related("findings"), pk=pk)
    form, as_at = as_at_of(request)
    picture = board_summary(council, as_at, objective)
    spec, rows, arguments = plan_list(picture)
    evidence = {
        **evidence_for_objective(objective, picture.as_at),
        "complaints": experience_lines(council, picture.as_at),
    }
    context = {
        "objective": objective,
        "picture": picture,
        "as_at": picture.as_at,
        "as_at_form": form,
        "as_at_query": urlencode(as_at_query(request.GET)),
        "as_at_kept": hidden_fields(request.GET, AS_AT_FIELDS),
        "evidence": evidence,
    }
    return list_page(
        request,
        rows,
        spec,
        "board/objective_detail.html",
        context,
        filename_prefix=f"{council.slug} objective {objective.ref}",
        **arguments,
    )


@login_required
def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.view_plan")
    form, as_at = as_at_of(request)
    day = as_at or timezone.localdate()
    action = get_object_or_404(council.actions.with_progress(day).for_lists(), pk=pk)
    return render(
        request,
        "board/action_detail.html",
        {
            "action": action,
            "progress": actions_as_at([action], council, day)[0],
            "updates": action.updates.recorded_by(day).for_record(),
            "as_at": day,
            "measures": measures_for_action(action, day),
            "as_at_form": form,
        },
    )


@login_required
def activity(request: HttpRequest, slug: str) -> HttpResponse:
    """Every change in the council: for the board manager only, since audit entries hold
    the values before and after; complaint case records only for those who see cases."""
    council = access.council_for(request, slug, "board.see_activity")
    entries = council.audit_entries.select_related("content_type")
    sees_cases = access.allowed(request.user, "complaints.view_cases", council)
    if not sees_cases:
        entries = entries.exclude(content_type__app_label="complaints")
    # Filtered, paged by keyset and downloadable as CSV (docs/adr/042).
    return activity_page(request, council, entries, sees_cases)


@login_required
def search(request: HttpRequest, slug: str) -> HttpResponse:
    """The council's records found by their words, grouped by kind, each kind as its
    own pages let this reader see it (docs/adr/043); an empty query, the empty form."""
    council = access.council_for(request, slug)
    results = search_records(council, request.user, request.GET.get("q"), request.GET.get("kind"))
    return render(
        request,
        "board/search.html",
        {"results": results, "kind_label": KINDS.get(results.kind, "")},
    )


@login_required
def history(request: HttpRequest, slug: str, model: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    if model not in HISTORY_MODELS:
        raise Http404("No history for that kind of record")
    obj = council_record(apps.get_model(HISTORY_MODELS[model]), council, pk)
    if obj is None:
        raise Http404("No such record")
    return render(request, "board/history.html", {"object": obj, "entries": history_for(obj)})

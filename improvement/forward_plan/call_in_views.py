"""A member's call-in: the decision's call-in page (who has asked, how many more are
needed), the request with its reasons and a check of the answers, and joining one.
Each refusal (the window closed, not a member, not voting, already joined) is named
on the page, and the services check again."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, run_service
from improvement.forward_plan import call_in, queries
from improvement.forward_plan.forms import CallInReasonsForm, SignForm
from improvement.meetings.ports import decisions_as_seen_by

DRAFT = "call_in_reasons:{}"  # one a decision, until the check page sends it


def _decision(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Any]:
    council = access.council_for(request, slug)
    return council, get_object_or_404(queries.executive_decisions_of(council), pk=pk)


def _seen(request: HttpRequest, council: Any, decision: Any) -> Any:
    """The decision as the reader may see it, for the page: one taken under an exempt
    item by its paragraph only to a reader who does not see the body's exempt items
    (the rule of meetings' ports). The services are given the decision itself."""
    return decisions_as_seen_by(request.user, council, [decision])[0]


def _refused(request: HttpRequest, council: Any, decision: Any, reason: str) -> HttpResponse:
    context = {"council": council, "decision": _seen(request, council, decision), "reason": reason}
    return render(request, "forward_plan/call_in_refused.html", context)


def _done(request: HttpRequest, council: Any, decision: Any, text: str) -> HttpResponse:
    decision.refresh_from_db()
    if decision.called_in_on:
        text += ": the decision is called in and suspended until scrutiny considers it"
    messages.success(request, text)
    return redirect("forward_plan:call_in_detail", council.slug, decision.pk)


@login_required
def call_in_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The decision's call-in: its window, the request and reasons, who has asked and
    whether each counts, how many more are needed, and what the reader may do."""
    council, decision = _decision(request, slug, pk)
    progress = call_in.progress(decision)
    context = {
        "council": council,
        "decision": _seen(request, council, decision),
        "progress": progress,
        "refusal": call_in.refusal(request.user, decision),
        "today": timezone.localdate(),
    }
    return render(request, "forward_plan/call_in_detail.html", context)


@login_required
def call_in_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The question page: the member's reasons, kept in the session for the check page."""
    council, decision = _decision(request, slug, pk)
    reason = call_in.refusal(request.user, decision)
    if not reason and call_in.request_of(decision) is not None:
        reason = "A call-in of this decision has already been requested: join it instead"
    if reason:
        return _refused(request, council, decision, reason)
    key = DRAFT.format(decision.pk)
    initial = {"reasons": request.session.get(key, "")}
    form = bound(request, CallInReasonsForm, initial=initial)
    if request.method == "POST" and form.is_valid():
        request.session[key] = form.cleaned_data["reasons"]
        return redirect("forward_plan:call_in_check", council.slug, decision.pk)
    context = {
        "form": form,
        "title": "Request a call-in",
        "lead": f"{_seen(request, council, decision).text} ({decision.decision_maker}). "
        f"The call-in period ends on {decision.call_in_ends_on:%-d %B %Y}.",
        "button": "Continue",
    }
    return render(request, "form_page.html", context)


@login_required
def call_in_check(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Check your answers before the request is made: it is seen by the committee."""
    council, decision = _decision(request, slug, pk)
    key = DRAFT.format(decision.pk)
    reasons = request.session.get(key)
    if not reasons:
        return redirect("forward_plan:call_in_request", council.slug, decision.pk)
    form = bound(request, SignForm)
    if request.method == "POST" and run_service(
        form, lambda: call_in.start_call_in(request.user, decision, reasons)
    ):
        del request.session[key]
        return _done(request, council, decision, "Call-in requested")
    context = {
        "council": council,
        "decision": _seen(request, council, decision),
        "reasons": reasons,
        "form": form,
        "progress": call_in.progress(decision),
    }
    return render(request, "forward_plan/call_in_check.html", context)


@login_required
def call_in_join(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm joining the request: the member's name is added to it."""
    council, decision = _decision(request, slug, pk)
    progress = call_in.progress(decision)
    reason = call_in.refusal(request.user, decision)
    if not reason and progress.request is None:
        reason = "No call-in of this decision has been requested yet: request one"
    if reason and request.method == "GET":
        return _refused(request, council, decision, reason)
    form = bound(request, SignForm)
    if request.method == "POST" and run_service(
        form, lambda: call_in.join_call_in(request.user, decision)
    ):
        return _done(request, council, decision, "You have joined the call-in")
    seen = _seen(request, council, decision)
    context = {"council": council, "decision": seen, "progress": progress, "form": form}
    return render(request, "forward_plan/call_in_join.html", context)

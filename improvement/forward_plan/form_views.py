"""The forms that change the forward plan: thin, each calling one service."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from improvement.accounts.access import council_for
from improvement.core.forms import run_service
from improvement.forward_plan import access, editions, queries, services
from improvement.forward_plan.forms import (
    ConfirmForm,
    DecisionForm,
    EditionForm,
    ProgrammeForm,
    TakeForm,
    UrgencyForm,
)


def _manager(request: HttpRequest, slug: str) -> Any:
    council = council_for(request, slug)
    if not access.can_manage(request.user, council):
        raise PermissionDenied("Only the board manager can change the forward plan.")
    return council


def _decision(council: Any, pk: int) -> Any:
    decision = queries.decision_or_none(council, pk)
    if decision is None:
        raise Http404("No such decision")
    return decision


def _save(form: Any, call: Any) -> bool:
    """Run a service; put its refusal on the form rather than losing the input."""
    return run_service(form, call)


def _form(request: HttpRequest, form: Any, title: str, button: str = "Save") -> HttpResponse:
    return render(
        request, "forward_plan/form.html", {"form": form, "title": title, "button": button}
    )


@login_required
def decision_add(request: HttpRequest, slug: str) -> HttpResponse:
    council = _manager(request, slug)
    form = DecisionForm(request.POST or None, council=council)
    result = {}
    if form.is_valid() and _save(
        form,
        lambda: result.update(d=services.add_decision(request.user, council, form.cleaned_data)),
    ):
        messages.success(request, f"Decision {result['d']} added to the draft edition")
        return redirect("forward_plan:decision_detail", council.slug, result["d"].pk)
    return _form(request, form, "Add a decision to the forward plan", "Add decision")


@login_required
def urgency(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    decision = _decision(council, pk)
    form = UrgencyForm(request.POST or None)
    if form.is_valid() and _save(
        form, lambda: services.record_urgency(request.user, decision, **form.cleaned_data)
    ):
        messages.success(request, "Urgency route recorded")
        return redirect("forward_plan:decision_detail", council.slug, decision.pk)
    return _form(request, form, f"Record an urgency route for {decision}")


@login_required
def take(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    decision = _decision(council, pk)
    form = TakeForm(request.POST or None)
    if form.is_valid() and _save(
        form, lambda: services.take_decision(request.user, decision, **form.cleaned_data)
    ):
        messages.success(request, "Decision recorded and published for call-in")
        return redirect("forward_plan:decision_detail", council.slug, decision.pk)
    return _form(request, form, f"Record {decision} as taken", "Record decision")


@login_required
def work_programme(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    decision = _decision(council, pk)
    form = ProgrammeForm(
        request.POST or None, council=council, initial={"body": decision.scrutiny_id}
    )
    if form.is_valid() and _save(
        form, lambda: services.add_to_work_programme(request.user, decision, **form.cleaned_data)
    ):
        messages.success(request, "Added to the work programme")
        return redirect("forward_plan:decision_detail", council.slug, decision.pk)
    return _form(request, form, f"Add {decision} to a work programme", "Add to work programme")


@login_required
def edition_add(request: HttpRequest, slug: str) -> HttpResponse:
    council = _manager(request, slug)
    form = EditionForm(request.POST or None)
    result = {}
    if form.is_valid() and _save(
        form,
        lambda: result.update(
            e=editions.create_edition(request.user, council, **form.cleaned_data)
        ),
    ):
        return redirect("forward_plan:edition_detail", council.slug, result["e"].pk)
    return _form(request, form, "Draft an edition of the forward plan", "Draft edition")


@login_required
def edition_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    edition = get_object_or_404(queries.editions(council), pk=pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and _save(
        form, lambda: editions.publish_edition(request.user, edition)
    ):
        messages.success(request, f"{edition} published; the next edition is drafted")
        return redirect("forward_plan:edition_detail", council.slug, edition.pk)
    return _form(request, form, f"Publish the {edition}: it will be frozen", "Publish edition")

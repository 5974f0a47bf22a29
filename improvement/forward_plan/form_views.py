"""The forms that change the forward plan: each fetches with permission, binds a form,
and hands one service to `core.forms.form_page`. The services check again."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.forward_plan import call_in, editions, queries, services
from improvement.forward_plan.forms import (
    CallInForm,
    ConfirmForm,
    DecisionForm,
    EditionForm,
    GeneralExceptionForm,
    ProgrammeForm,
    SettingsForm,
    SpecialUrgencyForm,
    TakeForm,
)
from improvement.meetings.ports import decisions_as_seen_by

MANAGE = services.MANAGE


def _decision(council: Any, pk: int) -> Any:
    decision = queries.decision_or_none(council, pk)
    if decision is None:
        raise Http404("No such decision")
    return decision


def _decision_page(council: Any, decision: Any) -> str:
    return reverse("forward_plan:decision_detail", args=[council.slug, decision.pk])


def _edition_page(council: Any, edition: Any) -> str:
    return reverse("forward_plan:edition_detail", args=[council.slug, edition.pk])


def _version(record: Any, **initial: Any) -> dict[str, Any]:
    return {**initial, "version": record.version}


def _without_version(data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if name != "version"}


@login_required
def decision_add(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    form = bound(request, DecisionForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_decision(request.user, council, data),
        done=lambda decision: _decision_page(council, decision),
        title="Add a decision to the forward plan",
        success="Decision added to the draft edition",
        button="Add decision",
    )


def _urgency_page(
    request: HttpRequest, slug: str, pk: int, form_class: Any, service: Any, route: str
) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    decision = _decision(council, pk)
    form = bound(request, form_class, initial=_version(decision))
    return form_page(
        request,
        form,
        service=lambda data: service(
            request.user, decision, expected_version=data["version"], **_without_version(data)
        ),
        done=_decision_page(council, decision),
        title=f"Record {route} for {decision}",
        success=f"{route.capitalize()} recorded",
    )


@login_required
def general_exception(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _urgency_page(
        request,
        slug,
        pk,
        GeneralExceptionForm,
        services.record_general_exception,
        "the general exception",
    )


@login_required
def special_urgency(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _urgency_page(
        request, slug, pk, SpecialUrgencyForm, services.record_special_urgency, "special urgency"
    )


@login_required
def take(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    decision = _decision(council, pk)
    form = bound(request, TakeForm, initial=_version(decision))
    return form_page(
        request,
        form,
        service=lambda data: services.take_decision(
            request.user, decision, expected_version=data["version"], **_without_version(data)
        ),
        done=_decision_page(council, decision),
        title=f"Record {decision} as taken",
        success="Decision recorded and published for call-in",
        button="Record decision",
    )


@login_required
def work_programme(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    decision = _decision(council, pk)
    initial = _version(decision, body=decision.scrutiny_id)
    form = bound(request, ProgrammeForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: services.add_to_work_programme(
            request.user, decision, expected_version=data["version"], **_without_version(data)
        ),
        done=_decision_page(council, decision),
        title=f"Add {decision} to a work programme",
        success="Added to the work programme",
        button="Add to work programme",
    )


@login_required
def edition_add(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    form = bound(request, EditionForm)
    return form_page(
        request,
        form,
        service=lambda data: editions.create_edition(request.user, council, **data),
        done=lambda edition: _edition_page(council, edition),
        title="Draft an edition of the forward plan",
        success="",
        button="Draft edition",
    )


@login_required
def edition_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    edition = get_object_or_404(queries.editions(council), pk=pk)
    form = bound(request, ConfirmForm, initial=_version(edition))
    return form_page(
        request,
        form,
        service=lambda data: editions.publish_edition(
            request.user, edition, expected_version=data["version"]
        ),
        done=_edition_page(council, edition),
        title=f"Publish the {edition}: it will be frozen",
        success=f"{edition} published; the next edition is drafted",
        button="Publish edition",
    )


@login_required
def settings_change(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    current = queries.settings_for(council)
    initial = _version(
        current, **{name: getattr(current, name) for name in services.SETTINGS_FIELDS}
    )
    form = bound(request, SettingsForm, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: services.change_settings(
            request.user, council, _without_version(data), data["version"]
        ),
        done=reverse("forward_plan:register", args=[slug]),
        title="Forward plan settings",
    )


@login_required
def call_in_record(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, call_in.REQUEST_CALL_IN)
    decision = get_object_or_404(queries.executive_decisions_of(council), pk=pk)
    form = bound(
        request, CallInForm, council=council, decision=decision, initial=_version(decision)
    )
    return form_page(
        request,
        form,
        service=lambda data: call_in.request_call_in(
            request.user, decision, list(data["members"]), expected_version=data["version"]
        ),
        done=reverse("forward_plan:executive_decisions", args=[slug]),
        title="Record a call-in",
        lead=f"{decisions_as_seen_by(request.user, council, [decision])[0].text} "
        f"({decision.decision_maker}). The call-in period ends on "
        f"{decision.call_in_ends_on:%-d %B %Y}.",
        button="Record call-in",
        success="Call-in recorded: the decision is suspended until scrutiny considers it",
    )

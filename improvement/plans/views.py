"""The plan's own pages: its list, the forms that change it, the inspections and the
notice. The pages that join the plan with evidence and complaints (the dashboard, an
objective's and an action's page) are the board's, in `improvement.board`."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.plans import services
from improvement.plans.dating import owners_earliest
from improvement.plans.forms import (
    ActionForm,
    ArchiveForm,
    DecisionForm,
    ObjectiveForm,
    ReprofileForm,
    UpdateForm,
    without_version,
)
from improvement.plans.picture import notice_summary
from improvement.plans.queries import evidence_of, updates_of

FORM = "plans/form.html"
DECIDED = {"accept": "Completion accepted", "return": "Completion returned to the owner"}
UPDATE_FIELDS = ("as_of", "rating", "reason", "narrative", "support_needed", "backdate_reason")


def _action_url(council: Any, pk: int) -> str:
    return reverse("board:action_detail", args=[council.slug, pk])


def _objective_url(council: Any, pk: int) -> str:
    return reverse("board:objective_detail", args=[council.slug, pk])


@login_required
def objective_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    return form_page(
        request,
        bound(request, ObjectiveForm, council=council),
        service=lambda data: services.create_objective(
            request.user, council, without_version(data)
        ),
        done=lambda objective: _objective_url(council, objective.pk),
        title="Add an objective",
        success="Objective added",
        template=FORM,
    )


@login_required
def objective_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    objective = get_object_or_404(council.objectives.live(), pk=pk)
    return form_page(
        request,
        bound(request, ObjectiveForm, instance=objective, council=council),
        service=lambda data: services.change_objective(
            request.user, objective, without_version(data), data["version"]
        ),
        done=_objective_url(council, objective.pk),
        title=f"Edit {objective}",
        success="Objective saved",
        template=FORM,
    )


@login_required
def objective_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    objective = get_object_or_404(council.objectives.live(), pk=pk)
    return form_page(
        request,
        bound(request, ArchiveForm, initial={"version": objective.version}),
        service=lambda data: services.archive_objective(
            request.user, objective, data["reason"], data["version"]
        ),
        done=reverse("board:objective_list", args=[council.slug]),
        title=f"Archive {objective}",
        success=f"Objective {objective} archived",
        template=FORM,
        button="Archive objective",
    )


@login_required
def action_create(request: HttpRequest, slug: str, objective_pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    objective = get_object_or_404(council.objectives.live(), pk=objective_pk)
    return form_page(
        request,
        bound(request, ActionForm, council=council),
        service=lambda data: services.create_action(request.user, objective, without_version(data)),
        done=lambda action: _action_url(council, action.pk),
        title=f"Add an action to {objective}",
        success="Action added",
        template=FORM,
    )


@login_required
def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    action = get_object_or_404(council.actions.live(), pk=pk)
    return form_page(
        request,
        bound(request, ActionForm, instance=action, council=council),
        service=lambda data: services.change_action(
            request.user, action, without_version(data), data["version"]
        ),
        done=_action_url(council, action.pk),
        title="Edit action",
        success="Action saved",
        template=FORM,
    )


@login_required
def action_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    action = get_object_or_404(council.actions.live(), pk=pk)
    return form_page(
        request,
        bound(request, ArchiveForm, initial={"version": action.version}),
        service=lambda data: services.archive_action(
            request.user, action, data["reason"], data["version"]
        ),
        done=_objective_url(council, action.objective_id),
        title="Archive action",
        success="Action archived",
        template=FORM,
        button="Archive action",
    )


@login_required
def action_reprofile(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    action = get_object_or_404(council.actions.live(), pk=pk)
    return form_page(
        request,
        bound(request, ReprofileForm, initial={"version": action.version}),
        service=lambda data: services.reprofile_action(
            request.user, action, data["new_due_on"], data["reason"], data["version"]
        ),
        done=_action_url(council, action.pk),
        title="Re-profile the due date",
        success="Due date re-profiled",
        template=FORM,
        button="Re-profile",
        lead=f"Currently due {action.due_on:%-d %B %Y}." if action.due_on else "",
    )


def _update_form(request: HttpRequest, council: Any, **kwargs: Any) -> UpdateForm:
    """The update form for this person: whether a Blue is a proposal, and how far back
    they may date it."""
    return bound(
        request,
        UpdateForm,
        council=council,
        proposer=not access.allowed(request.user, "plans.decide_completion", council),
        earliest=owners_earliest(council),
        may_backdate=access.allowed(request.user, "plans.backdate_update", council),
        **kwargs,
    )


def _update_data(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in UPDATE_FIELDS if name in data}


@login_required
def update_create(request: HttpRequest, slug: str, action_pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    action = get_object_or_404(council.actions.live().prefetch_related("owners"), pk=action_pk)
    access.check(request, "plans.update_action", action)
    return form_page(
        request,
        _update_form(request, council, initial={"as_of": timezone.localdate()}),
        service=lambda data: services.record_update(
            request.user, action, _update_data(data), data["evidence"]
        ),
        done=_action_url(council, action.pk),
        title=f"Update {action.ref or 'action'}",
        success="Update recorded",
        template=FORM,
        multipart=True,
        lead=action.title,
        button="Record update",
    )


@login_required
def update_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    update = get_object_or_404(updates_of(council).select_related("action"), pk=pk)
    access.check(request, "plans.change_update", update)
    initial = {name: getattr(update, name) for name in (*UPDATE_FIELDS, "version")}
    return form_page(
        request,
        _update_form(request, council, initial=initial, editing=True),
        service=lambda data: services.correct_update(
            request.user, update, _update_data(data), data["version"], data["evidence"]
        ),
        done=_action_url(council, update.action_id),
        title="Correct an update",
        success="Update saved",
        template=FORM,
        multipart=True,
    )


@login_required
def completion_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "plans.decide_completion")
    update = get_object_or_404(updates_of(council).select_related("action"), pk=pk)
    return form_page(
        request,
        bound(request, DecisionForm, initial={"version": update.version}),
        service=lambda data: services.decide_completion(
            request.user, update, data["decision"], data["comment"], data["version"]
        ),
        done=_action_url(council, update.action_id),
        title="Decide on a completion",
        # Shown only once the decision is valid and made, so it names which it was.
        success=DECIDED.get(request.POST.get("decision", ""), "Decision recorded"),
        template="plans/decide.html",
        update=update,
    )


@login_required
def evidence_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    council = access.council_for(request, slug, "plans.view_plan")
    evidence = get_object_or_404(evidence_of(council), pk=pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
def inspection_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "plans.view_plan")
    inspections = council.inspections.live().prefetch_related("findings__objectives")
    recommendations = (
        council.findings.live().filter(inspection__isnull=True).prefetch_related("objectives")
    )
    return render(
        request,
        "plans/inspection_list.html",
        {"inspections": inspections, "recommendations": recommendations},
    )


@login_required
def notice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "plans.view_plan")
    summary = notice_summary(council, timezone.localdate())
    requirements = summary.notice.requirements.prefetch_related("objectives") if summary else []
    return render(
        request, "plans/notice_detail.html", {"summary": summary, "requirements": requirements}
    )

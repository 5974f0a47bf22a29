from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from improvement.accounts import access
from improvement.complaints.presenters import experience_lines
from improvement.core.forms import run_service
from improvement.core.tracking import StaleEdit
from improvement.evidence.queries import evidence_for_objective, measures_for_action
from improvement.plans import services
from improvement.plans.forms import (
    ActionForm,
    ArchiveForm,
    AsAtForm,
    DecisionForm,
    ObjectiveForm,
    ReprofileForm,
    UpdateForm,
)
from improvement.plans.picture import actions_as_at, notice_summary, plan_picture
from improvement.plans.queries import evidence_of, updates_of


def _as_at(request: HttpRequest) -> tuple[AsAtForm, object]:
    form = AsAtForm(request.GET or None)
    as_at = form.cleaned_data.get("as_at") if form.is_bound and form.is_valid() else None
    return form, as_at


def _editor(request: HttpRequest, slug: str):
    council = access.council_for(request, slug)
    if not access.can_edit_plan(request.user, council):
        raise PermissionDenied("Only the board manager can change the plan.")
    return council


def _save(request: HttpRequest, form: Any, call: Any) -> Any:
    """Run a service; put its refusal on the form rather than losing the input."""
    return run_service(form, call)


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    form, as_at = _as_at(request)
    picture = plan_picture(council, as_at)
    awaiting = updates_of(council).awaiting_acceptance()
    return render(
        request,
        "plans/dashboard.html",
        {
            "picture": picture,
            "as_at_form": form,
            "awaiting": awaiting,
            "can_accept": access.can_accept_blue(request.user, council),
        },
    )


@login_required
def objective_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    form, as_at = _as_at(request)
    return render(
        request,
        "plans/objective_list.html",
        {
            "picture": plan_picture(council, as_at),
            "as_at_form": form,
            "can_edit": access.can_edit_plan(request.user, council),
        },
    )


@login_required
def objective_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    objective = get_object_or_404(council.objectives.prefetch_related("findings"), pk=pk)
    form, as_at = _as_at(request)
    day = as_at or timezone.localdate()
    actions = actions_as_at(
        objective.actions.existing_at(day).with_progress(day).for_lists(), council, day
    )
    return render(
        request,
        "plans/objective_detail.html",
        {
            "objective": objective,
            "actions": actions,
            "as_at": day,
            "as_at_form": form,
            "evidence": {
                **evidence_for_objective(objective, day),
                "complaints": experience_lines(council, day),
            },
            "can_edit": access.can_edit_plan(request.user, council),
        },
    )


@login_required
def objective_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = _editor(request, slug)
    form = ObjectiveForm(request.POST or None, council=council)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        objective = services.create_objective(request.user, council, data)
        messages.success(request, f"Objective {objective} added")
        return redirect("plans:objective_detail", council.slug, objective.pk)
    return render(request, "plans/form.html", {"form": form, "title": "Add an objective"})


@login_required
def objective_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _editor(request, slug)
    objective = get_object_or_404(council.objectives.live(), pk=pk)
    form = ObjectiveForm(
        request.POST or None,
        instance=objective,
        council=council,
        initial={"version": objective.version},
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        version = form.cleaned_data["version"]
        if _save(
            request, form, lambda: services.change_objective(request.user, objective, data, version)
        ):
            messages.success(request, "Objective saved")
            return redirect("plans:objective_detail", council.slug, objective.pk)
    return render(request, "plans/form.html", {"form": form, "title": f"Edit {objective}"})


@login_required
def objective_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _editor(request, slug)
    objective = get_object_or_404(council.objectives.live(), pk=pk)
    form = ArchiveForm(request.POST or None, initial={"version": objective.version})
    if form.is_valid() and _save(
        request,
        form,
        lambda: services.archive_objective(
            request.user, objective, form.cleaned_data["reason"], form.cleaned_data["version"]
        ),
    ):
        messages.success(request, f"Objective {objective} archived")
        return redirect("plans:objective_list", council.slug)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": f"Archive {objective}", "button": "Archive objective"},
    )


@login_required
def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    form, as_at = _as_at(request)
    day = as_at or timezone.localdate()
    action = get_object_or_404(council.actions.with_progress(day).for_lists(), pk=pk)
    progress = actions_as_at([action], council, day)[0]
    updates = (
        action.updates.filter(as_of__lte=day)
        .select_related("created_by", "reviewed_by")
        .prefetch_related("evidence")
    )
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "progress": progress,
            "updates": updates,
            "as_at": day,
            "measures": measures_for_action(action, day),
            "as_at_form": form,
            "can_edit": access.can_edit_plan(request.user, council),
            "can_update": access.can_update_action(request.user, action),
            "can_accept": access.can_accept_blue(request.user, council),
        },
    )


@login_required
def action_create(request: HttpRequest, slug: str, objective_pk: int) -> HttpResponse:
    council = _editor(request, slug)
    objective = get_object_or_404(council.objectives.live(), pk=objective_pk)
    form = ActionForm(request.POST or None, council=council)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        action = services.create_action(request.user, objective, data)
        messages.success(request, "Action added")
        return redirect("plans:action_detail", council.slug, action.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": f"Add an action to {objective}"}
    )


@login_required
def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _editor(request, slug)
    action = get_object_or_404(council.actions.live(), pk=pk)
    form = ActionForm(
        request.POST or None,
        instance=action,
        council=council,
        editing=True,
        initial={"version": action.version},
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        version = form.cleaned_data["version"]
        if _save(
            request, form, lambda: services.change_action(request.user, action, data, version)
        ):
            messages.success(request, "Action saved")
            return redirect("plans:action_detail", council.slug, action.pk)
    return render(request, "plans/form.html", {"form": form, "title": "Edit action"})


@login_required
def action_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _editor(request, slug)
    action = get_object_or_404(council.actions.live(), pk=pk)
    form = ArchiveForm(request.POST or None, initial={"version": action.version})
    if form.is_valid() and _save(
        request,
        form,
        lambda: services.archive_action(
            request.user, action, form.cleaned_data["reason"], form.cleaned_data["version"]
        ),
    ):
        messages.success(request, "Action archived")
        return redirect("plans:objective_detail", council.slug, action.objective_id)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": "Archive action", "button": "Archive action"},
    )


@login_required
def action_reprofile(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _editor(request, slug)
    action = get_object_or_404(council.actions.live(), pk=pk)
    form = ReprofileForm(request.POST or None, initial={"version": action.version})
    if form.is_valid() and _save(
        request,
        form,
        lambda: services.reprofile_action(
            request.user,
            action,
            form.cleaned_data["new_due_on"],
            form.cleaned_data["reason"],
            form.cleaned_data["version"],
        ),
    ):
        messages.success(request, "Due date re-profiled")
        return redirect("plans:action_detail", council.slug, action.pk)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "title": "Re-profile the due date",
            "button": "Re-profile",
            "lead": f"Currently due {action.due_on:%-d %B %Y}." if action.due_on else "",
        },
    )


@login_required
def update_create(request: HttpRequest, slug: str, action_pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    action = get_object_or_404(council.actions.live().prefetch_related("owners"), pk=action_pk)
    if not access.can_update_action(request.user, action):
        raise PermissionDenied("Only the action's owners or the board manager can update it.")
    proposer = not access.can_accept_blue(request.user, council)
    form = UpdateForm(
        request.POST or None,
        request.FILES or None,
        council=council,
        proposer=proposer,
        initial={"as_of": timezone.localdate()},
    )
    if form.is_valid():
        data = {
            k: form.cleaned_data[k]
            for k in ("as_of", "rating", "reason", "narrative", "support_needed")
        }
        if _save(
            request,
            form,
            lambda: services.record_update(
                request.user, action, data, form.cleaned_data["evidence"]
            ),
        ):
            messages.success(request, "Update recorded")
            return redirect("plans:action_detail", council.slug, action.pk)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "title": f"Update {action.ref or 'action'}",
            "multipart": True,
            "lead": action.title,
            "button": "Record update",
        },
    )


@login_required
def update_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    update = get_object_or_404(updates_of(council).select_related("action"), pk=pk)
    proposer = not access.can_accept_blue(request.user, council)
    initial = {
        name: getattr(update, name)
        for name in ("as_of", "rating", "reason", "narrative", "support_needed", "version")
    }
    form = UpdateForm(
        request.POST or None,
        request.FILES or None,
        council=council,
        proposer=proposer,
        initial=initial,
    )
    if form.is_valid():
        data = {
            k: form.cleaned_data[k]
            for k in ("as_of", "rating", "reason", "narrative", "support_needed")
        }

        def call() -> None:
            services.correct_update(
                request.user,
                update,
                data,
                form.cleaned_data["version"],
                form.cleaned_data["evidence"],
            )

        if _save(request, form, call):
            messages.success(request, "Update saved")
            return redirect("plans:action_detail", council.slug, update.action_id)
    return render(
        request, "plans/form.html", {"form": form, "title": "Correct an update", "multipart": True}
    )


@login_required
def completion_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    if not access.can_accept_blue(request.user, council):
        raise PermissionDenied("Only the chair or the board manager can decide on completion.")
    update = get_object_or_404(updates_of(council).select_related("action"), pk=pk)
    form = DecisionForm(request.POST or None, initial={"version": update.version})

    def call() -> None:
        if form.cleaned_data["version"] != update.version:
            raise StaleEdit(update)
        if form.cleaned_data["decision"] == "accept":
            services.accept_completion(request.user, update, form.cleaned_data["comment"])
        else:
            services.return_completion(request.user, update, form.cleaned_data["comment"])

    if form.is_valid() and _save(request, form, call):
        messages.success(
            request,
            "Completion accepted"
            if update.approval == "accepted"
            else "Completion returned to the owner",
        )
        return redirect("plans:action_detail", council.slug, update.action_id)
    return render(request, "plans/decide.html", {"form": form, "update": update})


@login_required
def evidence_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    council = access.council_for(request, slug)
    evidence = get_object_or_404(evidence_of(council), pk=pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
def inspection_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    inspections = council.inspections.live().prefetch_related("findings__objectives")
    recommendations = (
        council.findings.live().filter(inspection__isnull=True).prefetch_related("objectives")
    )
    return render(
        request,
        "plans/inspection_list.html",
        {
            "inspections": inspections,
            "recommendations": recommendations,
            "can_edit": access.can_edit_plan(request.user, council),
        },
    )


@login_required
def notice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    summary = notice_summary(council, timezone.localdate())
    requirements = summary.notice.requirements.prefetch_related("objectives") if summary else []
    return render(
        request,
        "plans/notice_detail.html",
        {
            "summary": summary,
            "requirements": requirements,
            "can_edit": access.can_edit_plan(request.user, council),
        },
    )

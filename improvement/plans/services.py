"""Every change to the plan, each a named function, audited, called alike by
views, commands and tests."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access, audit
from improvement.core.actors import person_or_none
from improvement.core.models import Council
from improvement.core.text import reads_as_empty
from improvement.core.tracking import StaleEdit, archive, create_tracked, save_tracked
from improvement.plans.dating import check_date
from improvement.plans.models import (
    Action,
    DueDateChange,
    EvidenceFile,
    Objective,
    Rating,
    Update,
)


@transaction.atomic
def create_objective(actor: Any, council: Council, data: dict[str, Any]) -> Objective:
    access.require(actor, "plans.edit_plan", council)
    findings = data.pop("findings", [])
    requirements = data.pop("requirements", [])
    objective = Objective(council=council, **data)
    create_tracked(objective, actor)
    objective.findings.set(findings)
    objective.requirements.set(requirements)
    return objective


@transaction.atomic
def change_objective(
    actor: Any, objective: Objective, data: dict[str, Any], expected_version: int
) -> Objective:
    access.require(actor, "plans.edit_plan", objective)
    findings = data.pop("findings", None)
    requirements = data.pop("requirements", None)
    before = audit.snapshot(objective)

    def apply() -> None:
        for name, value in data.items():
            setattr(objective, name, value)
        if findings is not None:
            objective.findings.set(findings)
        if requirements is not None:
            objective.requirements.set(requirements)

    return save_tracked(
        objective, actor, expected_version=expected_version, before=before, apply=apply
    )


def archive_objective(actor: Any, objective: Objective, reason: str, expected_version: int):
    access.require(actor, "plans.edit_plan", objective)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the objective is being archived"})
    if objective.actions.live().exists():
        raise ValidationError(
            {"reason": "Archive or move this objective's actions before archiving it"}
        )
    return archive(objective, actor, reason, expected_version)


@transaction.atomic
def create_action(actor: Any, objective: Objective, data: dict[str, Any]) -> Action:
    access.require(actor, "plans.edit_plan", objective)
    owners = data.pop("owners", [])
    findings = data.pop("findings", [])
    action = Action(council=objective.council, objective=objective, **data)
    create_tracked(action, actor)
    action.owners.set(owners)
    action.findings.set(findings)
    return action


@transaction.atomic
def change_action(actor: Any, action: Action, data: dict[str, Any], expected_version: int):
    """Edit an action. The due date changes only through `reprofile_action`."""
    access.require(actor, "plans.edit_plan", action)
    owners = data.pop("owners", None)
    findings = data.pop("findings", None)
    if "due_on" in data and data["due_on"] != action.due_on:
        raise ValidationError({"due_on": "Re-profile the due date, giving a reason"})
    before = audit.snapshot(action)

    def apply() -> None:
        for name, value in data.items():
            setattr(action, name, value)
        if owners is not None:
            action.owners.set(owners)
        if findings is not None:
            action.findings.set(findings)

    return save_tracked(
        action, actor, expected_version=expected_version, before=before, apply=apply
    )


def archive_action(actor: Any, action: Action, reason: str, expected_version: int) -> Action:
    access.require(actor, "plans.edit_plan", action)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the action is being archived"})
    return archive(action, actor, reason, expected_version)


@transaction.atomic
def reprofile_action(
    actor: Any,
    action: Action,
    new_due_on: datetime.date,
    reason: str,
    expected_version: int,
    changed_on: datetime.date | None = None,
) -> Action:
    """Move an action's due date, keeping the old date and the reason in its history."""
    access.require(actor, "plans.edit_plan", action)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the due date is changing"})
    if new_due_on == action.due_on:
        raise ValidationError({"new_due_on": "Enter a due date different from the current one"})
    old = action.due_on

    def apply() -> None:
        action.due_on = new_due_on
        DueDateChange.objects.create(
            action=action,
            old_due_on=old,
            new_due_on=new_due_on,
            reason=reason,
            changed_on=changed_on or timezone.localdate(),
            changed_by=person_or_none(actor),
        )

    return save_tracked(
        action, actor, expected_version=expected_version, verb="re-profiled", apply=apply
    )


@transaction.atomic
def record_update(
    actor: Any,
    action: Action,
    data: dict[str, Any],
    files: list[Any] | None = None,
) -> Update:
    """Record progress on an action. A Blue from anyone but the chair or board
    manager is a proposal, which counts only once accepted. An owner may date it
    back only to the owners' limit (see `plans.dating`)."""
    access.require(actor, "plans.update_action", action)
    if data.get("rating") and reads_as_empty(data.get("reason")):
        raise ValidationError({"reason": "Enter the reason for this rating"})
    check_date(actor, action.council, data.get("as_of"), data.get("backdate_reason", ""))
    update = Update(action=action, **data)
    if update.rating == Rating.BLUE:
        if access.allowed(actor, "plans.decide_completion", action):
            update.approval = Update.Approval.ACCEPTED
            update.reviewed_by = person_or_none(actor)
            update.reviewed_at = timezone.now()
        else:
            update.approval = Update.Approval.PROPOSED
    create_tracked(update, actor, verb="recorded update")
    for upload in files or []:
        attach_evidence(actor, update, upload)
    return update


def attach_evidence(actor: Any, update: Update, upload: Any) -> EvidenceFile:
    access.require(actor, "plans.update_action", update)
    evidence = EvidenceFile(
        update=update,
        file=upload,
        name=upload.name,
        content_type=getattr(upload, "content_type", "") or "application/octet-stream",
        size=upload.size,
    )
    return create_tracked(evidence, actor, verb="attached evidence")


@transaction.atomic
def change_update(actor: Any, update: Update, data: dict[str, Any], expected_version: int):
    """Correct an update (the author or the board manager); a decided Blue is fixed."""
    access.require(actor, "plans.change_update", update)
    if update.approval in (Update.Approval.ACCEPTED, Update.Approval.RETURNED) and (
        update.rating == Rating.BLUE
    ):
        raise ValidationError("The board has decided on this completion; record a new update.")
    if data.get("rating") and reads_as_empty(data.get("reason")):
        raise ValidationError({"reason": "Enter the reason for this rating"})
    if "as_of" in data and data["as_of"] != update.as_of:
        check_date(actor, update.action.council, data["as_of"], data.get("backdate_reason", ""))

    def apply() -> None:
        for name, value in data.items():
            setattr(update, name, value)
        if update.rating == Rating.BLUE and update.approval == Update.Approval.NOT_NEEDED:
            update.approval = Update.Approval.PROPOSED

    return save_tracked(update, actor, expected_version=expected_version, apply=apply)


@transaction.atomic
def correct_update(
    actor: Any, update: Update, data: dict[str, Any], expected_version: int, files: list[Any]
) -> Update:
    """Correct an update and attach more evidence, all or nothing."""
    access.require(actor, "plans.change_update", update)
    change_update(actor, update, data, expected_version)
    for upload in files:
        attach_evidence(actor, update, upload)
    return update


def _decide_blue(actor: Any, update: Update, approval: str, comment: str, verb: str) -> Update:
    if update.rating != Rating.BLUE or update.approval != Update.Approval.PROPOSED:
        raise ValidationError("Only a proposed Blue can be accepted or returned.")

    def apply() -> None:
        update.approval = approval
        update.reviewed_by = person_or_none(actor)
        update.reviewed_at = timezone.now()
        update.review_comment = comment

    return save_tracked(update, actor, expected_version=update.version, verb=verb, apply=apply)


def accept_completion(actor: Any, update: Update, comment: str = "") -> Update:
    access.require(actor, "plans.decide_completion", update)
    return _decide_blue(actor, update, Update.Approval.ACCEPTED, comment, "accepted completion")


def return_completion(actor: Any, update: Update, comment: str) -> Update:
    access.require(actor, "plans.decide_completion", update)
    if reads_as_empty(comment):
        raise ValidationError({"comment": "Enter why the completion is being returned"})
    return _decide_blue(actor, update, Update.Approval.RETURNED, comment, "returned completion")


@transaction.atomic
def save_record(
    actor: Any,
    council: Council,
    record: Any,
    data: dict[str, Any],
    expected_version: int | None = None,
) -> Any:
    """Create or change an inspection, finding, notice, requirement or review."""
    access.require(actor, "plans.edit_plan", council)
    if record.pk is None:
        for name, value in data.items():
            setattr(record, name, value)
        return create_tracked(record, actor)

    def apply() -> None:
        for name, value in data.items():
            setattr(record, name, value)

    return save_tracked(record, actor, expected_version=expected_version, apply=apply)


def decide_completion(
    actor: Any, update: Update, decision: str, comment: str, expected_version: int
) -> Update:
    """Accept or return a proposed Blue, as the board decided on the page it read."""
    access.require(actor, "plans.decide_completion", update)
    if expected_version != update.version:
        raise StaleEdit(update)
    if decision == "accept":
        return accept_completion(actor, update, comment)
    return return_completion(actor, update, comment)

"""Every change to diagnostic reviews and their findings (Improvement Notice,
paragraph 8): named functions, audited and versioned, refused to anyone who may
not change the plan, alike from views, the demo and tests."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from improvement.core import access
from improvement.core.models import Council
from improvement.core.text import reads_as_empty
from improvement.core.tracking import archive, create_tracked, save_tracked
from improvement.plans.models import DiagnosticFinding, DiagnosticReview

EDIT = "plans.edit_plan"


def _check_dates(data: dict[str, Any], review: DiagnosticReview | None = None) -> None:
    started = data.get("started_on", review.started_on if review else None)
    reported = data.get("reported_on", review.reported_on if review else None)
    if started and reported and reported < started:
        raise ValidationError({"reported_on": "Date reported must be on or after the start"})


@transaction.atomic
def create_diagnostic(actor: Any, council: Council, data: dict[str, Any]) -> DiagnosticReview:
    access.require(actor, EDIT, council)
    _check_dates(data)
    return create_tracked(DiagnosticReview(council=council, **data), actor)


@transaction.atomic
def change_diagnostic(
    actor: Any, review: DiagnosticReview, data: dict[str, Any], expected_version: int
) -> DiagnosticReview:
    access.require(actor, EDIT, review)
    _check_dates(data, review)

    def apply() -> None:
        for name, value in data.items():
            setattr(review, name, value)

    return save_tracked(review, actor, expected_version=expected_version, apply=apply)


def archive_diagnostic(
    actor: Any, review: DiagnosticReview, reason: str, expected_version: int
) -> DiagnosticReview:
    access.require(actor, EDIT, review)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the diagnostic review is being archived"})
    return archive(review, actor, reason, expected_version)


@transaction.atomic
def add_diagnostic_finding(
    actor: Any, review: DiagnosticReview, data: dict[str, Any]
) -> DiagnosticFinding:
    access.require(actor, EDIT, review)
    _check_objectives(review, data.get("objectives", []))
    objectives = data.pop("objectives", [])
    finding = create_tracked(DiagnosticFinding(review=review, **data), actor, verb="added finding")
    finding.objectives.set(objectives)
    return finding


@transaction.atomic
def change_diagnostic_finding(
    actor: Any, finding: DiagnosticFinding, data: dict[str, Any], expected_version: int
) -> DiagnosticFinding:
    access.require(actor, EDIT, finding)
    objectives = data.pop("objectives", None)
    if objectives is not None:
        _check_objectives(finding.review, objectives)

    def apply() -> None:
        for name, value in data.items():
            setattr(finding, name, value)
        if objectives is not None:
            finding.objectives.set(objectives)

    return save_tracked(finding, actor, expected_version=expected_version, apply=apply)


def archive_diagnostic_finding(
    actor: Any, finding: DiagnosticFinding, reason: str, expected_version: int
) -> DiagnosticFinding:
    access.require(actor, EDIT, finding)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the finding is being archived"})
    return archive(finding, actor, reason, expected_version)


def _check_objectives(review: DiagnosticReview, objectives: Any) -> None:
    """A finding links only to objectives of its own council's plan."""
    if any(objective.council_id != review.council_id for objective in objectives):
        raise ValidationError({"objectives": "Choose objectives of this council's plan"})

"""Every change to a report: create, edit the draft, finalise, publish, revise.

A final report never changes: edits are refused unless the report is a draft,
and a finalised version is frozen as it was rendered. Revising a final report
makes it a draft again; its frozen versions stay as they were.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access
from improvement.core.actors import person_or_none
from improvement.core.templatetags.ib import ukdate
from improvement.core.tracking import create_tracked, save_tracked
from improvement.documents.builds import request_build
from improvement.documents.html import print_html
from improvement.reports import files
from improvement.reports.build import build_document
from improvement.reports.models import ReportDocument, ReportVersion
from improvement.reports.permissions import write_perm

FINAL_REFUSAL = "This report is final and cannot be changed. Start a new version to revise it."


def create_report(actor: Any, council: Any, kind: str, **fields: Any) -> ReportDocument:
    access.require(actor, write_perm(kind), council)
    report = ReportDocument(council=council, kind=kind, author=person_or_none(actor), **fields)
    if not report.title:
        report.title = default_title(report)
    return create_tracked(report, actor)


def default_title(report: ReportDocument) -> str:
    if report.kind == "board_progress" and report.meeting:
        day = ukdate(report.meeting.starts_at.date())
        return f"Progress report to the {report.meeting.body.name}, {day}"
    if report.kind == "committee" and report.body:
        return f"Children's services improvement: report to the {report.body.name}"
    if report.kind == "self_assessment":
        return f"Self-assessment of improvement, {ukdate(report.as_at)}"
    return f"Adviser's report of progress or concern, {ukdate(report.as_at)}"


def _refuse_unless_draft(report: ReportDocument) -> None:
    if not report.is_draft:
        raise ValidationError(FINAL_REFUSAL)


def update_draft(
    actor: Any, report: ReportDocument, changes: dict[str, Any], expected_version: int | None = None
) -> ReportDocument:
    """Change a draft's title, written sections, recommendations or exemption."""
    access.require(actor, "reports.write", report)

    def apply() -> None:
        # Checked under save_tracked's row lock, so an edit cannot land after a finalise.
        _refuse_unless_draft(ReportDocument.objects.get(pk=report.pk))
        sections = dict(report.sections or {})
        sections.update(changes.pop("sections", {}))
        report.sections = sections
        for name, value in changes.items():
            setattr(report, name, value)

    return save_tracked(report, actor, expected_version=expected_version, apply=apply)


@transaction.atomic
def finalise(actor: Any, report: ReportDocument) -> ReportVersion:
    """Freeze the draft as the next version: its HTML and its data, as rendered now."""
    access.require(actor, "reports.write", report)
    _refuse_unless_draft(ReportDocument.objects.select_for_update().get(pk=report.pk))
    document = build_document(report)
    number = report.versions.count() + 1
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        html=print_html(document),
        document=document.to_json(),
        figures=document.figures,
        as_at=report.as_at,
        finalised_at=timezone.now(),
        finalised_by=person_or_none(actor),
    )
    report.status = ReportDocument.Status.FINAL
    save_tracked(report, actor, verb="finalised")
    return version


@transaction.atomic
def publish(actor: Any, report: ReportDocument) -> ReportVersion:
    """Publish the latest final version; an exempt report is never published."""
    access.require(actor, "reports.write", report)
    if report.is_exempt:
        raise ValidationError("An exempt report cannot be published.")
    if report.status != ReportDocument.Status.FINAL:
        raise ValidationError("Only a final report can be published.")
    version = report.versions.latest_version()
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    report.status = ReportDocument.Status.PUBLISHED
    save_tracked(report, actor, verb="published")
    # The public's PDF is made once, by the worker, and served from storage after.
    request_build(actor, report.council, files.KIND, files.parameters(report, version), "pdf")
    return version


@transaction.atomic
def revise(actor: Any, report: ReportDocument) -> ReportDocument:
    """Start a new draft from a final report; the frozen versions stay as they were."""
    access.require(actor, "reports.write", report)
    if report.is_draft:
        raise ValidationError("This report is already a draft.")
    report.status = ReportDocument.Status.DRAFT
    return save_tracked(report, actor, verb="revised")

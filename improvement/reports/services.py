"""Every change to a report: create, edit the draft, finalise, publish, revise.

A final report never changes: edits are refused unless the report is a draft,
and a finalised version is frozen as the draft's page showed it: the stored build
the officer read (docs/adr/020), never a document built inside the request.
Revising a final report makes it a draft again; its frozen versions stay as they were.
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
from improvement.documents.models import DocumentBuild
from improvement.reports import files
from improvement.reports.models import ReportDocument, ReportVersion
from improvement.reports.permissions import write_perm

FINAL_REFUSAL = "This report is final and cannot be changed. Start a new version to revise it."
DRAFT_CHANGED = (
    "The draft is being updated with changes made since you opened it. "
    "Read the updated draft, then finalise it."
)


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


def next_number(report: ReportDocument) -> int:
    """The number the report's next version will have."""
    return report.versions.count() + 1


def finalise(actor: Any, report: ReportDocument, read: int | None = None) -> ReportVersion:
    """Freeze the draft as the next version: the stored build of its page, with the
    document and print HTML kept beside it, so nothing is built here. If the data has
    changed since that build (or the build is still being made, or `read`, the build
    the officer read, is not the current one), finalising is refused; the build of the
    data as it stands is queued for them to read first."""
    access.require(actor, "reports.write", report)
    _refuse_unless_draft(ReportDocument.objects.get(pk=report.pk))
    # Its own transaction: a build queued here stays queued when finalising is refused.
    build = files.current_draft(actor, report)
    kept = files.frozen(build) if build.is_done else None
    if kept is None or read not in (None, build.pk):
        raise ValidationError(DRAFT_CHANGED)
    return _freeze(actor, report, build, kept)


@transaction.atomic
def _freeze(
    actor: Any, report: ReportDocument, build: DocumentBuild, kept: files.Frozen
) -> ReportVersion:
    locked = ReportDocument.objects.select_for_update().get(pk=report.pk)
    _refuse_unless_draft(locked)
    # The report's row is locked now; read the fingerprint again, so a change made
    # since the build was found is not frozen unseen.
    if not files.is_current(locked, build):
        raise ValidationError(DRAFT_CHANGED)
    version = ReportVersion.objects.create(
        report=locked,
        number=next_number(locked),
        html=kept.html,
        document=kept.document,
        figures=kept.figures,
        as_at=locked.as_at,
        finalised_at=timezone.now(),
        finalised_by=person_or_none(actor),
    )
    # The row as the build saw it, not the caller's copy, which may be older.
    locked.status = ReportDocument.Status.FINAL
    save_tracked(locked, actor, verb="finalised")
    report.refresh_from_db()
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

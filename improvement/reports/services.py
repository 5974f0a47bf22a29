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
from improvement.plans.ports import ReviewArea
from improvement.reports import appendix, committee, committee_text, dfe, files
from improvement.reports.models import ReportDocument, ReportSettings, ReportVersion
from improvement.reports.permissions import MANAGE_SETTINGS, write_perm
from improvement.reports.queries import job_title_of, meeting_day, settings_for

FINAL_REFUSAL = "This report is final and cannot be changed. Start a new version to revise it."
DRAFT_CHANGED = (
    "The draft is being updated with changes made since you opened it. "
    "Read the updated draft, then finalise it."
)


def create_report(actor: Any, council: Any, kind: str, **fields: Any) -> ReportDocument:
    access.require(actor, write_perm(kind), council)
    report = ReportDocument(council=council, kind=kind, author=person_or_none(actor), **fields)
    if kind == ReportDocument.Kind.COMMITTEE:
        start_committee_report(actor, report)
    if not report.title:
        report.title = default_title(report)
    return create_tracked(report, actor)


def start_committee_report(officer: Any, report: ReportDocument) -> None:
    """A committee report starts from the text right for its subject (docs/adr/027):
    the council's report settings, the signed-in officer as its author and contact
    officer, and its appendix; what the caller gave is kept as given. `manage.py
    report` starts one the same way, with no officer. It fills a report in memory and
    saves nothing, so it takes the officer, not an actor: `create_report` is the verb."""
    report.appendix = report.appendix or appendix.BOARD_REPORT
    if report.as_at is None:
        board = appendix.board_meeting(report) if report.appendix == appendix.BOARD_REPORT else None
        day = board or report.meeting
        report.as_at = meeting_day(day) if day else timezone.localdate()
    person = person_or_none(officer)
    written_by = (
        committee_text.officer_text(
            person.get_full_name() or person.get_username(),
            job_title_of(person, report.council),
            person.email,
        )
        if person is not None
        else {}
    )
    start = committee_text.defaults(report, written_by)
    report.sections = {**start, **(report.sections or {})}
    if not report.recommendations:
        report.recommendations = start.get("recommendations", "")
    report.sections.pop("recommendations", None)


def default_title(report: ReportDocument) -> str:
    if report.kind == "board_progress" and report.meeting:
        day = ukdate(report.meeting.starts_at.date())
        return f"Progress report to the {report.meeting.body.name}, {day}"
    if report.kind == "committee" and report.appendix == appendix.COMPLAINTS_ANNUAL:
        year = appendix.year_label(report.appendix_year) if report.appendix_year else ""
        return f"Annual children's services complaints report {year}".strip()
    if report.kind == "committee" and report.body:
        return f"Children's services improvement: report to the {report.body.name}"
    if report.kind == "self_assessment":
        return f"Self-assessment of improvement, {ukdate(report.as_at)}"
    return f"Adviser's report of progress or concern, {ukdate(report.as_at)}"


# The written parts a report of each kind must have before it is finalised or
# published, beside its recommendations (a committee report's are its layout's).
# The self-assessment assesses each review area of the notice (section 7) and the
# supervision of staff: none may print "not yet written" in a finalised version.
REQUIRED_SECTIONS = {
    ReportDocument.Kind.SELF_ASSESSMENT: [
        "summary",
        *[code for code, _ in ReviewArea.choices],
        "supervision",
    ],
    ReportDocument.Kind.ADVISER: ["judgement", "summary"],
}
NEEDS_RECOMMENDATIONS = {ReportDocument.Kind.BOARD_PROGRESS, ReportDocument.Kind.COMMITTEE}


def missing(report: ReportDocument) -> list[tuple[str, str]]:
    """What is still to be written before the report can be finalised or published:
    (the edit form's field, a message naming it), read from the report's stored fields."""
    gaps = []
    if report.kind in NEEDS_RECOMMENDATIONS and not report.recommendations.strip():
        gaps.append(("recommendations", "Write the recommendations"))
    labels = dict(dfe.SELF_ASSESSMENT_KEYS + dfe.ADVISER_KEYS)
    stored = report.sections or {}
    for key in REQUIRED_SECTIONS.get(report.kind, []):
        if not (stored.get(key) or "").strip():
            gaps.append((f"section_{key}", f"Write the section {labels[key]}"))
    if report.kind == ReportDocument.Kind.COMMITTEE:
        gaps += committee.missing(report)
    return gaps


def _refuse_while_missing(report: ReportDocument) -> None:
    gaps = missing(report)
    if gaps:
        raise ValidationError({field: message for field, message in gaps})


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
    stored = ReportDocument.objects.get(pk=report.pk)
    _refuse_unless_draft(stored)
    _refuse_while_missing(stored)
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
    _refuse_while_missing(report)
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


SETTINGS_FIELDS = (
    "committee_layout",
    "corporate_priorities",
    "priorities_link",
    "carbon_statement",
    "legal_implications",
    "cabinet_member",
    "local_member",
)


@transaction.atomic
def change_settings(
    actor: Any, council: Any, data: dict[str, Any], expected_version: int | None = None
) -> ReportSettings:
    """Change how the council writes its committee reports. The defaults are saved as
    the council's own the first time they are changed; each change is audited."""
    access.require(actor, MANAGE_SETTINGS, council)
    unknown = set(data) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"not report settings: {sorted(unknown)}")
    current = settings_for(council)

    def apply() -> None:
        for name, value in data.items():
            setattr(current, name, value)

    if current.pk is None:
        apply()
        return create_tracked(current, actor, verb="report settings saved")
    return save_tracked(
        current,
        actor,
        expected_version=expected_version,
        verb="report settings changed",
        apply=apply,
    )

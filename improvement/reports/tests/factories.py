import datetime

import factory

from improvement.documents.builds import run_build
from improvement.meetings.models import Body
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory
from improvement.reports import appendix, files, queries, services
from improvement.reports.models import ReportDocument


def board_meeting(council, day=datetime.date(2024, 2, 7)):
    board = BodyFactory(council=council)
    start = datetime.datetime.combine(day, datetime.time(14), tzinfo=datetime.UTC)
    return MeetingFactory(body=board, council=council, starts_at=start)


def scrutiny(council):
    return BodyFactory(
        council=council,
        slug="scrutiny",
        name="Children and Education Scrutiny Committee",
        kind=Body.Kind.SCRUTINY,
        standing=Body.Standing.FORMAL,
    )


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportDocument

    kind = ReportDocument.Kind.SELF_ASSESSMENT
    title = factory.Sequence(lambda n: f"Report {n}")
    as_at = datetime.date(2024, 2, 7)


def build_now(actor, report):
    """The draft's page, built as the worker builds it (its own task, run here)."""
    build = files.current_draft(actor, report)
    if build.is_waiting:
        run_build.call(build.pk)
        build.refresh_from_db()
    return build


def _finalise_appendix(actor, report):
    """A committee report binds a finalised board report: finalise it (started as the
    board manager would, if it never was) before the committee report."""
    meeting = appendix.board_meeting(report)
    board = queries.board_report_for(report.council, meeting)
    if board is None:
        board = services.create_report(
            actor,
            report.council,
            "board_progress",
            meeting=meeting,
            as_at=queries.meeting_day(meeting),
        )
    if not board.versions.exists():
        finalise(actor, board)


def complete(actor, report):
    """Write, as the officer would, what finalising needs and is still blank (the
    recommendations, each required section and a finalised board report to bind in);
    a missing meeting stays missing."""
    changes = {}
    for field, _ in services.missing(report):
        if field == "appendix":
            _finalise_appendix(actor, report)
        elif field == "recommendations":
            changes["recommendations"] = "Note the progress of the improvement plan."
        elif field.startswith("section_"):
            changes.setdefault("sections", {})[field.removeprefix("section_")] = "As written."
    if changes:
        services.update_draft(actor, report, changes)
        report.refresh_from_db()


def finalise(actor, report):
    """Finalise as an officer does: what it needs is written, the draft's page is
    built, then the stored draft is frozen."""
    complete(actor, report)
    build_now(actor, report)
    return services.finalise(actor, report)

"""A councillor reads the committee report that follows a board meeting."""

import pytest

from e2e.conftest import check_page, sign_in
from improvement.plans.ports import ReviewArea
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory
from improvement.reports import services
from improvement.reports.tests.factories import board_meeting, finalise, scrutiny

pytestmark = pytest.mark.django_db(transaction=True)


def read_built(page, path):
    """Open a report's page and wait for the worker's build of it (tasks run as the
    request commits): the waiting page checks again, the built one does not."""
    page.goto(path)
    for _ in range(10):
        if 'data-module="ib-check-again"' not in page.content():
            return
        page.wait_for_timeout(500)
        page.reload()
    raise AssertionError(f"{path} was never built")


@pytest.fixture
def committee_report(council, board_manager, councillor, owner_person):
    objective = ObjectiveFactory(council=council, title="Front door timeliness")
    UpdateFactory(
        action=ActionFactory(objective=objective, owners=[owner_person]),
        rating="amber",
        reason="Two vacancies in the MASH",
    )
    meeting = board_meeting(council)
    report = services.create_report(
        board_manager,
        council,
        "committee",
        meeting=meeting,
        body=scrutiny(council),
        as_at=meeting.starts_at.date(),
    )
    finalise(board_manager, report)
    services.publish(board_manager, report)
    return report


def test_a_councillor_reads_a_committee_report(page, committee_report):
    # Given a councillor on scrutiny, signed in
    sign_in(page, "councillor")
    # When they open the reports and choose the committee report
    page.goto("/councils/testshire/reports/")
    check_page(page, "councillor-reports")
    page.get_by_role("link", name=committee_report.title).first.click()
    read_built(page, page.url)
    # Then they read it in the council's committee report layout
    page.get_by_text("RECOMMENDATIONS").first.wait_for()
    for heading in ("ORIGIN OF REPORT", "BACKGROUND AND KEY ISSUES", "IMPLICATIONS"):
        assert page.get_by_text(heading).first.is_visible()
    check_page(page, "councillor-committee-report")


def test_the_public_reads_the_published_report(page, committee_report):
    page.goto("/public/testshire/reports/")
    check_page(page, "public-reports")
    page.get_by_role("link", name=committee_report.title).first.click()
    page.get_by_text("RECOMMENDATIONS").first.wait_for()
    check_page(page, "public-committee-report")


def test_the_board_progress_report_page_has_no_axe_violations(
    page, council, board_manager, owner_person
):
    objective = ObjectiveFactory(council=council)
    UpdateFactory(
        action=ActionFactory(objective=objective, owners=[owner_person]),
        rating="red",
        reason="No staff",
        support_needed="Agency staff",
    )
    meeting = board_meeting(council)
    report = services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    sign_in(page, "manager")
    read_built(page, f"/councils/testshire/reports/{report.pk}/")
    check_page(page, "board-progress-report")
    page.goto("/councils/testshire/reports/new/")
    check_page(page, "report-create")


def test_the_board_manager_confirms_and_finalises_the_draft_they_read(page, council, board_manager):
    report = services.create_report(
        board_manager,
        council,
        "self_assessment",
        as_at=board_meeting(council).starts_at.date(),
        sections={
            "summary": "The front door is safer; timeliness is not yet good enough.",
            "supervision": "Supervision is monthly and recorded on the case file.",
            **{code: "Assessed with the partnership." for code, _ in ReviewArea.choices},
        },
    )
    sign_in(page, "manager")
    read_built(page, f"/councils/testshire/reports/{report.pk}/")
    page.get_by_role("link", name="Finalise").click()
    page.get_by_role("heading", name="Finalise version 1").wait_for()
    check_page(page, "report-finalise")
    page.get_by_role("button", name="Finalise").click()
    page.get_by_text("Report final").wait_for()
    report.refresh_from_db()
    assert report.status == "final" and report.versions.count() == 1

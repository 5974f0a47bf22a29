import pytest
from django.core.exceptions import ValidationError

from improvement.reports import services
from improvement.reports.models import ReportDocument
from improvement.reports.tests.factories import board_meeting, finalise, scrutiny


@pytest.fixture
def draft(council, board_manager):
    meeting = board_meeting(council)
    return services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )


def test_a_new_report_is_a_draft_with_a_title_and_its_author(draft, board_manager):
    assert draft.status == "draft"
    assert draft.author == board_manager
    assert draft.title.startswith("Progress report to the Children's Services Improvement Board")


def test_finalising_freezes_a_version_with_its_html_and_figures(draft, board_manager):
    draft.recommendations = "1. Note progress\n2. Ask partners for capacity"
    draft.save()
    version = finalise(board_manager, draft)
    draft.refresh_from_db()
    assert draft.status == "final"
    assert version.number == 1
    assert '<html lang="en">' in version.html
    assert "Ask partners for capacity" in version.html
    assert version.figures["actions"] == 0


def test_a_final_report_refuses_any_change(draft, board_manager):
    finalise(board_manager, draft)
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        services.update_draft(board_manager, draft, {"recommendations": "Changed"})
    with pytest.raises(ValidationError):
        services.finalise(board_manager, draft)
    draft.refresh_from_db()
    assert draft.recommendations == "Note the progress of the improvement plan."
    assert draft.versions.count() == 1


def test_a_new_version_is_a_new_draft_and_the_old_version_stays(draft, board_manager):
    first = finalise(board_manager, draft)
    services.revise(board_manager, draft)
    services.update_draft(board_manager, draft, {"recommendations": "A second thought"})
    second = finalise(board_manager, draft)
    first.refresh_from_db()
    assert second.number == 2
    assert "A second thought" in second.html
    assert "A second thought" not in first.html


def test_only_a_final_open_report_is_published(council, board_manager, draft):
    with pytest.raises(ValidationError):
        services.publish(board_manager, draft)
    finalise(board_manager, draft)
    version = services.publish(board_manager, draft)
    assert version.published_at is not None
    assert ReportDocument.objects.get(pk=draft.pk).status == "published"


def test_an_exempt_committee_report_is_never_published(council, board_manager):
    meeting = board_meeting(council)
    report = services.create_report(
        board_manager,
        council,
        "committee",
        meeting=meeting,
        body=scrutiny(council),
        as_at=meeting.starts_at.date(),
        exempt_paragraph=3,
    )
    finalise(board_manager, report)
    with pytest.raises(ValidationError):
        services.publish(board_manager, report)
    assert not report.versions.filter(published_at__isnull=False).exists()


def test_committee_report_follows_the_council_layout(council, board_manager):
    meeting = board_meeting(council)
    report = services.create_report(
        board_manager,
        council,
        "committee",
        meeting=meeting,
        body=scrutiny(council),
        as_at=meeting.starts_at.date(),
        sections={"report_of": "John Gregg, Executive Director", "agenda_item": "7"},
        recommendations="Note the progress of the plan",
    )
    from improvement.reports.build import build_document

    document = build_document(report)
    assert document.headings == [
        "RECOMMENDATIONS",
        "1. ORIGIN OF REPORT",
        "2. PURPOSE AND REASON FOR REPORT",
        "3. TIMESCALES",
        "4. BACKGROUND AND KEY ISSUES",
        "5. CORPORATE PRIORITIES",
        "6. CONSULTATION",
        "7. ANTICIPATED OUTCOMES OR IMPACT",
        "8. REASON FOR THE RECOMMENDATION",
        "9. ALTERNATIVE OPTIONS CONSIDERED",
        "10. IMPLICATIONS",
        "11. BACKGROUND DOCUMENTS",
        "12. APPENDICES",
    ]
    header = dict((row[0], row[1]) for row in document.header)
    assert header["Report of"] == "John Gregg, Executive Director"
    assert header["Public or exempt"] == "PUBLIC REPORT"
    assert document.banner[0].endswith("AGENDA ITEM No. 7")

"""Committee reports (docs/adr/027): the council's layout, defaults right for the
subject, the committee meeting's date, the appendix bound in, and finalising and
publishing refused while a required part is blank."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from improvement.core.models import AuditEntry
from improvement.documents.pdf import pdf_from_html
from improvement.documents.render import render
from improvement.documents.structure import Document
from improvement.meetings.tests.factories import MeetingFactory
from improvement.plans.tests.factories import NoticeFactory
from improvement.reports import bound, files, queries, services
from improvement.reports.build import build_document
from improvement.reports.models import ReportSettings
from improvement.reports.tests.factories import board_meeting, finalise, scrutiny

D = datetime.date


def _at(day):
    return datetime.datetime.combine(day, datetime.time(19), tzinfo=datetime.UTC)


@pytest.fixture
def committee(council):
    return scrutiny(council)


@pytest.fixture
def next_meeting(council, committee):
    """The committee's next meeting after today (1 March 2024), and a later one."""
    MeetingFactory(body=committee, council=council, starts_at=_at(D(2024, 4, 22)))
    return MeetingFactory(body=committee, council=council, starts_at=_at(D(2024, 3, 11)))


@pytest.fixture
def board(council):
    return board_meeting(council, D(2024, 2, 7))


@pytest.fixture
def officer(board_manager, council):
    membership = board_manager.memberships.get(council=council)
    membership.job_title = "Head of Improvement"
    membership.save()
    board_manager.email = "penny.aubert@testshire.gov.uk"
    board_manager.save()
    return board_manager


def _start(actor, council, committee, meeting, **fields):
    return services.create_report(
        actor, council, "committee", body=committee, meeting=meeting, **fields
    )


def _text(document: Document) -> str:
    parts = list(document.banner) + [" ".join(row) for row in document.header]
    for section in document.sections:
        parts += [section.title, *section.paragraphs, *section.numbered, *section.bullets]
        for sub in section.subsections:
            parts += [sub.title, *sub.paragraphs]
    return "\n".join(parts)


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_starts_from_defaults_right_for_the_subject(
    council, committee, next_meeting, board, officer
):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    report = _start(officer, council, committee, next_meeting)
    sections = report.sections
    assert "section 497A of the Education Act 1996" in sections["legal"]
    assert "Improvement Notice dated 2 August 2023" in sections["legal"]
    assert "Prevention, Independence and Resilience" in sections["corporate_priorities"]
    assert "carbon emissions" in sections["corporate_priorities"]
    assert sections["report_of"] == "Penny Aubert, Head of Improvement"
    assert sections["contact_officer"] == (
        "Penny Aubert, Head of Improvement, penny.aubert@testshire.gov.uk"
    )
    assert report.recommendations and sections["reason"] and sections["outcomes"]
    assert report.as_at == D(2024, 2, 7) and report.appendix_meeting is None
    text = _text(build_document(report))
    assert "Local Government (Access to Information) Act 1985" in text
    assert "Not applicable" not in text
    assert "Appendix 1 – Progress report to the Children's Services Improvement Board" in text


def test_the_banner_date_is_the_committee_meetings(council, committee, next_meeting, officer):
    document = build_document(_start(officer, council, committee, next_meeting))
    assert document.banner[1].startswith("11 MARCH 2024 – PUBLIC REPORT")
    assert dict(document.header)["Date of the meeting"] == "11 March 2024"
    assert document.figures["meeting_date"] == "2024-03-11"


def test_without_a_meeting_the_officer_is_asked_to_choose_and_cannot_finalise(
    council, committee, officer
):
    report = _start(officer, council, committee, None)
    document = build_document(report)
    assert document.banner[1].startswith("MEETING NOT YET CHOSEN")
    with pytest.raises(ValidationError) as refused:
        services.finalise(officer, report)
    assert refused.value.message_dict == {
        "meeting": ["Choose the committee meeting, whose date heads the report"]
    }


def test_finalising_is_refused_naming_each_blank_required_part(
    council, committee, next_meeting, officer
):
    report = _start(officer, council, committee, next_meeting)
    services.update_draft(
        officer,
        report,
        {"recommendations": "", "sections": {"reason": " ", "contact_officer": ""}},
    )
    with pytest.raises(ValidationError) as refused:
        services.finalise(officer, report)
    assert refused.value.message_dict == {
        "recommendations": ["Write the recommendations"],
        "section_contact_officer": ["Enter the contact officer"],
        "section_reason": ["Write the section Reason for the recommendation"],
    }
    assert not report.versions.exists()
    # A draft shows what is still to be written, never a made-up default.
    assert "To be written" in _text(build_document(report))


def test_every_kind_needs_its_recommendations_or_summary(council, board_manager, chair, board):
    progress = services.create_report(
        board_manager, council, "board_progress", meeting=board, as_at=D(2024, 2, 7)
    )
    assert services.missing(progress) == [("recommendations", "Write the recommendations")]
    adviser = services.create_report(chair, council, "adviser", as_at=D(2024, 2, 7))
    assert [field for field, _ in services.missing(adviser)] == [
        "section_judgement",
        "section_summary",
    ]


def test_the_shropshire_layout_is_a_council_setting(council, committee, next_meeting, officer):
    services.change_settings(officer, council, {"committee_layout": "shropshire"})
    report = _start(officer, council, committee, next_meeting)
    document = build_document(report)
    assert document.headings == [
        "1. Synopsis",
        "2. Executive Summary",
        "3. Recommendations",
        "4. Risk Assessment and Opportunities Appraisal",
        "5. Financial Implications",
        "6. Legal Implications",
        "7. Equalities Implications",
        "8. Climate Change Appraisal and Corporate Priorities",
        "9. Background",
        "List of Background Papers",
        "Local Member",
        "Appendices",
    ]
    header = dict(document.header)
    assert (
        header["Committee and Date"] == "Children and Education Scrutiny Committee, 11 March 2024"
    )
    assert header["Responsible Officer"] == "Penny Aubert, Head of Improvement"
    assert "Local Government (Access to Information) Act 1985" in _text(document)
    services.update_draft(officer, report, {"sections": {"risk": ""}})
    assert services.missing(report) == [
        ("section_risk", "Write the section Risk assessment and opportunities appraisal")
    ]


def test_settings_are_changed_by_the_board_manager_only_and_audited(
    council, board_manager, councillor
):
    with pytest.raises(PermissionDenied):
        services.change_settings(councillor, council, {"committee_layout": "shropshire"})
    saved = services.change_settings(board_manager, council, {"cabinet_member": "Cllr Allen"})
    again = services.change_settings(
        board_manager, council, {"committee_layout": "shropshire"}, saved.version
    )
    assert again.version == 2 and ReportSettings.objects.get(council=council).cabinet_member
    verbs = AuditEntry.objects.filter(council=council, object_id=str(saved.pk))
    assert {entry.verb for entry in verbs} == {"report settings saved", "report settings changed"}


def test_the_settings_page(cast, client_for, council):
    url = reverse("reports:report_settings", args=["testshire"])
    assert client_for(cast["councillor"]).get(url).status_code == 403
    assert client_for(cast["other_officer"]).get(url).status_code == 404
    client = client_for(cast["board_manager"])
    assert "Committee report layout" in client.get(url).content.decode()
    data = {
        "version": "1",
        "committee_layout": "shropshire",
        "corporate_priorities": "",
        "carbon_statement": "No carbon impact.",
        "legal_implications": "Section 497A.",
        "local_member": "All",
    }
    page = client.post(url, data).content.decode()
    assert "govuk-error-summary" in page and "Enter the council&#x27;s corporate priorities" in page
    data["corporate_priorities"] = "Children"
    assert client.post(url, data).status_code == 302
    assert ReportSettings.objects.get(council=council).committee_layout == "shropshire"


def test_the_edit_form_offers_the_committees_meetings_next_first(
    cast, client_for, council, committee, next_meeting
):
    report = _start(cast["board_manager"], council, committee, None)
    MeetingFactory(body=committee, council=council, starts_at=_at(D(2024, 1, 15)))
    url = reverse("reports:report_edit", args=["testshire", report.pk])
    page = client_for(cast["board_manager"]).get(url).content.decode()
    first, later, past = (
        page.index("11 March 2024"),
        page.index("22 April 2024"),
        page.index("15 January 2024"),
    )
    assert first < later < past


def test_the_confirmation_pages_refuse_with_an_error_summary_naming_the_section(
    cast, client_for, council, committee, next_meeting
):
    report = _start(cast["board_manager"], council, committee, next_meeting)
    services.update_draft(cast["board_manager"], report, {"sections": {"outcomes": ""}})
    client = client_for(cast["board_manager"])
    url = reverse("reports:report_finalise", args=["testshire", report.pk])
    for answer in (client.get(url), client.post(url, {"build": "1"})):
        page = answer.content.decode()
        assert "govuk-error-summary" in page
        assert "Write the section Anticipated outcomes or impact" in page
        assert "#id_section_outcomes" in page
    report.refresh_from_db()
    assert report.status == "draft" and not report.versions.exists()


def test_publishing_asks_for_confirmation(cast, client_for, council, committee, next_meeting):
    report = _start(cast["board_manager"], council, committee, next_meeting)
    finalise(cast["board_manager"], report)
    client = client_for(cast["board_manager"])
    url = reverse("reports:report_publish", args=["testshire", report.pk])
    page = client.get(url).content.decode()
    assert "Publish version 1" in page and "public site" in page
    report.refresh_from_db()
    assert report.status == "final"
    assert client.post(url).status_code == 302
    report.refresh_from_db()
    assert report.status == "published" and report.versions.get().published_at


def test_the_complaints_annual_reports_cover_report(council, committee, next_meeting, officer):
    report = _start(
        officer, council, committee, next_meeting, appendix="complaints_annual", appendix_year=2022
    )
    assert report.title == "Annual children's services complaints report 2022-23"
    assert "regulation 13(3)" in report.sections["purpose"]
    assert "Representations Procedure (England) Regulations 2006" in report.sections["legal"]
    assert report.recommendations.startswith("Consider the report and make recommendations")
    text = _text(build_document(report))
    assert "Appendix 1 – Annual children's services complaints report 2022-23" in text
    assert "actions in the improvement plan" not in text


def test_the_committee_reports_pdf_binds_in_the_frozen_board_report(
    council, committee, next_meeting, board, officer
):
    progress = services.create_report(
        officer,
        council,
        "board_progress",
        meeting=board,
        as_at=D(2024, 2, 7),
        recommendations="Ask partners for frozen capacity",
    )
    finalise(officer, progress)
    services.revise(officer, progress)
    services.update_draft(officer, progress, {"recommendations": "A later draft thought"})
    report = _start(officer, council, committee, next_meeting)
    cover = render(build_document(report), "pdf")
    appendix = pdf_from_html(
        bound.appendix_html(council, build_document(report).figures["appendix"])
    )
    pdf, name = files._make(council, files.parameters(report), "pdf")
    pages, text = _pdf_text(pdf)
    assert pages == _pdf_text(cover)[0] + _pdf_text(appendix)[0]
    # Still one tagged PDF for screen readers, its language and structure kept.
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert "CHILDREN AND EDUCATION SCRUTINY COMMITTEE" in text
    assert "Ask partners for frozen capacity" in text
    assert "A later draft thought" not in text
    assert name.endswith("-draft")


def test_a_frozen_committee_report_binds_the_appendix_it_was_read_with(
    council, committee, next_meeting, board, officer
):
    report = _start(officer, council, committee, next_meeting)
    # Finalising binds the board report's final version (finalised first, as it must be).
    version = finalise(officer, report)
    assert version.figures["appendix"]["meeting"] == board.pk
    assert version.figures["appendix"]["version"] == 1
    progress = queries.board_report_for(council, board)
    services.revise(officer, progress)
    progress.refresh_from_db()
    services.update_draft(
        officer, progress, {"recommendations": "Started after the committee report was final"}
    )
    finalise(officer, progress)
    assert progress.versions.count() == 2
    pdf, _ = files._make(council, files.parameters(report, version), "pdf")
    _, text = _pdf_text(pdf)
    assert "Started after the committee report was final" not in text
    assert "Progress by objective" in text


def test_an_officer_starts_a_committee_report_for_a_meeting_and_changes_it(
    cast, client_for, council, committee, next_meeting, board
):
    client = client_for(cast["board_manager"])
    create = reverse("reports:report_create", args=["testshire"])
    answer = client.post(
        create,
        {
            "kind": "committee",
            "body": committee.pk,
            "committee_meeting": next_meeting.pk,
            "appendix": "complaints_annual",
        },
    )
    assert "Enter the year of the complaints annual report" in answer.content.decode()
    answer = client.post(
        create,
        {
            "kind": "committee",
            "body": committee.pk,
            "committee_meeting": next_meeting.pk,
            "appendix": "board_report",
        },
    )
    report = council.reports.get(kind="committee")
    assert answer.status_code == 302 and report.meeting == next_meeting
    assert report.appendix == "board_report" and report.as_at == D(2024, 2, 7)
    assert report.sections["report_of"] == "Penny Aubert"

    later = committee.meetings.get(starts_at__date=D(2024, 4, 22))
    edit = reverse("reports:report_edit", args=["testshire", report.pk])
    page = client.get(edit).content.decode()
    data = {
        "version": report.version,
        "title": report.title,
        "recommendations": report.recommendations,
        "meeting": later.pk,
        "appendix": "complaints_annual",
        "appendix_year": "2023",
        **{f"section_{key}": value for key, value in report.sections.items()},
    }
    assert "Committee meeting" in page
    assert client.post(edit, data).status_code == 302
    report.refresh_from_db()
    assert report.meeting == later and report.appendix_year == 2023
    assert build_document(report).banner[1].startswith("22 APRIL 2024")

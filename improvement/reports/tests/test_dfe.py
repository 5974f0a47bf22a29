"""The DfE self-assessment is organised by the review areas of the notice (7), each
with the plan's progress, performance data, children's views and audits tagged for
it; it and the adviser's report carry the previous review's findings and the
council's response (10), the diagnostic reviews (8) and the review timing, flagged
when later than six months; no internal identifier is printed and counts agree."""

import datetime
import io
from decimal import Decimal

import pytest
from docx import Document as Word
from pypdf import PdfReader

from improvement.core.actors import SystemActor
from improvement.documents.render import render
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    CaseAuditFactory,
    MeasureFactory,
    VoiceEventFactory,
    VoiceThemeFactory,
    monthly,
)
from improvement.plans import diagnostic_services
from improvement.plans.models import Review, ReviewArea
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)
from improvement.reports import dfe
from improvement.reports import services as reports
from improvement.reports.build import build_document

D = datetime.date
AS_AT = D(2024, 3, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(council):
    notice = NoticeFactory(council=council, issued_on=D(2023, 8, 2), next_review_on=D(2024, 8, 14))
    Review.objects.create(
        notice=notice,
        held_on=D(2024, 2, 14),
        reviewer="DfE adviser",
        summary="Health capacity in the MASH remains a concern.",
        response="A second health navigator is funded from April.",
    )
    workforce = ObjectiveFactory(
        council=council, title="A stable workforce", review_areas=["workforce"]
    )
    mash = ObjectiveFactory(council=council, title="A timely front door", review_areas=["mash"])
    ObjectiveFactory(council=council, title="An objective nobody tagged")
    UpdateFactory(action=ActionFactory(objective=workforce), rating="red")
    agency = MeasureFactory(
        council=council, code="sw_agency_pct", name="Agency social workers",
        polarity="lower", target=Decimal("15"), review_areas=["workforce"],
    )  # fmt: skip
    monthly(agency, [30, 28, 25])
    BenchmarkFactory(measure=agency, kind="neighbours", year="2022-23", value=Decimal("14.2"))
    untagged = MeasureFactory(council=council, code="supervision_pct", name="Supervision in time")
    monthly(untagged, [60, 65, 70])
    CaseAuditFactory(council=council, theme="Oversight of plans", review_areas=["workforce"])
    CaseAuditFactory(council=council, theme="Supervision records untagged")
    forum = VoiceEventFactory(
        council=council, kind="young_people_forum", title="Children's forum", held_on=D(2024, 1, 10)
    )
    VoiceThemeFactory(event=forum, title="Being heard", objectives=[mash])
    review = diagnostic_services.create_diagnostic(
        SystemActor("test"),
        council,
        {
            "title": "Diagnostic review of the MASH",
            "commissioned_by": "The DfE adviser",
            "carried_out_by": "A peer council",
            "started_on": D(2023, 11, 6),
            "review_areas": ["mash"],
        },
    )
    diagnostic_services.add_diagnostic_finding(
        SystemActor("test"), review, {"text": "Health checks wait.", "objectives": [mash]}
    )
    return council


def build(actor, council, kind):
    return build_document(reports.create_report(actor, council, kind, as_at=AS_AT))


def section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


def words(section) -> str:
    """Every word of a section, its tables and subsections, as one string."""
    parts = [section.heading, *section.paragraphs, *section.bullets]
    for table in section.tables:
        parts += [table.caption, *table.head]
        parts += [c if isinstance(c, str) else c["tag"] for row in table.body for c in row]
    parts += [words(sub) for sub in section.subsections]
    return " ".join(parts)


def test_the_self_assessment_is_organised_by_the_notices_review_areas(scenario, board_manager):
    document = build(board_manager, scenario, "self_assessment")
    areas = [label for _, label in ReviewArea.choices]
    headings = [h for h in document.headings if h in areas]
    assert headings == areas
    assert "An objective nobody tagged" in words(
        section(document, "Progress against the improvement plan objectives")
    )


def test_supervision_evidence_is_what_is_tagged_for_workforce_not_what_mentions_it(
    scenario, board_manager
):
    document = build(board_manager, scenario, "self_assessment")
    workforce = words(section(document, "Workforce and management oversight"))
    assert "Agency social workers" in workforce and "14.2% (2022-23)" in workforce
    assert "Oversight of plans" in workforce
    assert "A stable workforce" in workforce
    assert "Supervision in time" not in workforce
    assert "Supervision records untagged" not in workforce
    assert "Staff supervision and the quality of feedback" in workforce


def test_each_area_carries_childrens_views_and_says_when_it_has_none(scenario, board_manager):
    document = build(board_manager, scenario, "self_assessment")
    mash = words(section(document, "The Multi-Agency Safeguarding Hub"))
    assert "Children's forum (10 January 2024): Being heard" in mash
    assert "Diagnostic review of the MASH" in mash
    culture = words(section(document, "Culture"))
    assert "No views of children recorded for culture." in culture
    assert "No objective of the plan is tagged for culture." in culture
    assert "No measure is tagged for culture." in culture


def test_the_previous_reviews_findings_and_response_and_its_lateness_are_reported(
    scenario, board_manager, chair
):
    late = (
        "The DfE review of 14 February 2024 was later than the notice allows: more than "
        "6 months after the notice of 2 August 2023, when it was due by 2 February 2024."
    )
    for actor, kind in ((board_manager, "self_assessment"), (chair, "adviser")):
        document = build(actor, scenario, kind)
        text = " ".join(words(s) for s in document.sections)
        assert "Health capacity in the MASH remains a concern." in text, kind
        assert "A second health navigator is funded from April." in text, kind
        assert late in text, kind
        assert "The next DfE review is scheduled for 14 August 2024." in text, kind


def test_diagnostic_reviews_are_reported_with_the_objectives_answering_each_finding(
    scenario, board_manager, chair
):
    for actor, kind in ((board_manager, "self_assessment"), (chair, "adviser")):
        found = words(section(build(actor, scenario, kind), "Diagnostic reviews"))
        assert "1 diagnostic review commissioned by 1 March 2024" in found, kind
        assert "Health checks wait." in found and "A timely front door" in found, kind


def test_the_documents_print_no_code_and_counts_agree(scenario, board_manager, chair):
    document = build(board_manager, scenario, "self_assessment")
    pdf = PdfReader(io.BytesIO(render(document, "pdf")))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "sw_agency_pct" not in text and "supervision_pct" not in text
    assert "3 objectives and 1 action" in text
    assert "1 action is slow to progress" in text
    assert "Workforce and management oversight" in text
    word = Word(io.BytesIO(render(build(chair, scenario, "adviser"), "docx")))
    paragraphs = " ".join(p.text for p in word.paragraphs)
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    assert "sw_agency_pct" not in paragraphs + cells
    assert "Of 2 measures" in paragraphs
    assert "1 action is slow to progress" in paragraphs


def test_empty_sections_say_so_in_words(council, board_manager, chair):
    adviser = build(chair, council, "adviser")
    assert section(adviser, "Diagnostic reviews").paragraphs == [
        "No diagnostic review had been commissioned by 1 March 2024."
    ]
    assert "No improvement notice is recorded" in words(section(adviser, "DfE reviews"))
    assert "No measure is held." in words(section(adviser, "Performance"))
    assessment = build(board_manager, council, "self_assessment")
    assert "No DfE review had been held by 1 March 2024." in words(
        section(assessment, "The previous DfE review: its findings and the council's response")
    )
    assert "The plan has no objectives." in words(
        section(assessment, "Progress against the improvement plan objectives")
    )


def test_counted_agrees_in_number():
    assert [dfe.counted(n, "action") for n in (0, 1, 2)] == ["0 actions", "1 action", "2 actions"]
    assert dfe.counted(1, "diagnostic review") == "1 diagnostic review"

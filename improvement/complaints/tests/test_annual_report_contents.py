"""What the statutory annual report holds beyond its figures (seed 003, item 6), read
from the PDF and Word files a reader gets: the statutory basis, who may complain,
advocacy from the cases, the Ombudsman's decisions with their links, improvements by
stage with their complaint, the chosen examples, and figures numbered without gaps."""

import datetime
import io
import re

import pytest
from docx import Document as Word
from pypdf import PdfReader

from improvement.complaints import services
from improvement.complaints.report import annual_document
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.documents.render import render

D = datetime.date
LINK = "https://www.lgo.org.uk/decisions/children-s-care-services/other/22-000-753"
EDUCATION_LINK = "https://www.lgo.org.uk/decisions/education/special-educational-needs/22-008-825"


def pdf_text(document) -> str:
    reader = PdfReader(io.BytesIO(render(document, "pdf")))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def word_text(document) -> str:
    word = Word(io.BytesIO(render(document, "docx")))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(p.text for p in word.paragraphs).split() + cells)


@pytest.fixture
def year(council, complaints_manager):
    """A year of statutory cases: an advocated child, an Ombudsman decision on a case and
    one entered on its own, an improvement, and chosen examples."""
    data = {
        "advocacy_provider": "the National Youth Advocacy Service (NYAS)",
        "report_committee": "Children and Education Scrutiny Committee",
        "categories": ["Delay/Failed Service"],
        "overdue_report_to": "",
    }
    services.change_complaints_settings(complaints_manager, council, data, 1)
    child = ComplaintFactory(
        council=council,
        reference="C-1",
        received_on=D(2022, 5, 3),
        complainant_type="looked_after_or_care_leaver",
        advocate=True,
        category="Delay/Failed Service",
        stage1_responded_on=D(2022, 5, 12),
        stage1_outcome="upheld",
        service_improvement="Housing applications made by 17 and a half.",
    )
    ComplaintFactory(
        council=council,
        reference="C-2",
        received_on=D(2022, 6, 1),
        complainant_type="child_not_looked_after",
        stage1_responded_on=D(2022, 6, 10),
        stage1_outcome="not_upheld",
        ombudsman_referred_on=D(2022, 7, 1),
        ombudsman_decided_on=D(2022, 11, 14),
        ombudsman_outcome="fault",
        ombudsman_reference="22-000-753",
    )
    services.sync_decision(complaints_manager, council.representations.get(reference="C-2"))
    decision = council.ombudsman_decisions.get(reference="22-000-753")
    services.change_decision(complaints_manager, decision, {"link": LINK}, decision.version)
    services.record_decision(
        complaints_manager,
        council,
        {
            "reference": "22-008-825",
            "decided_on": D(2023, 2, 20),
            "process": "non_statutory",
            "service": "education",
            "outcome": "fault",
            "link": EDUCATION_LINK,
            "summary": "",
        },
    )
    services.choose_for_report(
        complaints_manager,
        child,
        {
            "in_annual_report": True,
            "report_text": "Delay in a leaving care bursary",
            "report_impact": "A few weeks of payments lost",
        },
        child.version,
    )
    compliment = services.record_compliment(
        complaints_manager,
        council,
        {
            "reference": "P-1",
            "received_on": D(2022, 9, 1),
            "service": "education",
            "team": "SEN and Inclusion",
            "complainant_type": "parent_or_guardian",
            "summary": "From Mrs Example",
        },
    )
    services.choose_for_report(
        complaints_manager,
        compliment,
        {
            "in_annual_report": True,
            "report_text": "A pleasure to work with you",
            "report_impact": "",
        },
        compliment.version,
    )
    return annual_document(council, 2022)


def test_the_report_states_its_statutory_basis_and_who_may_complain(year):
    text = pdf_text(year)
    assert "Children Act 1989 Representations Procedure (England) Regulations 2006" in text
    assert "regulation 13(3)" in text
    assert "This report is for the Children and Education Scrutiny Committee" in text
    assert "a foster carer" in text and "a child leaving care" in text
    assert "Stage 3, a review panel" in text


def test_advocacy_is_counted_from_the_cases_advocate_flag(year):
    text = pdf_text(year)
    assert "provided by the National Youth Advocacy Service (NYAS)" in text
    assert "1 of the 2 complaints made by children or young people in 2022-23 was supported" in (
        text
    )


def test_ombudsman_decisions_print_with_references_and_links_statutory_and_not(year):
    text = word_text(year)
    assert "22-000-753" in text and LINK in text
    assert "22-008-825" in text and EDUCATION_LINK in text
    statutory = next(s for s in year.sections if s.heading.startswith("Local Government"))
    other = next(s for s in year.sections if s.heading.startswith("Ombudsman decisions on non"))
    assert [row[0] for row in statutory.tables[0].rows] == ["22-000-753"]
    assert [row[0] for row in other.tables[0].rows] == ["22-008-825"]
    assert "The Ombudsman made 1 decision on statutory" in pdf_text(year)


def test_service_improvements_are_grouped_by_stage_with_their_complaint(year):
    section = next(s for s in year.sections if s.heading == "Service improvements")
    assert section.tables[0].rows == [
        [
            "Stage 1",
            "Children in Care",
            "Housing applications made by 17 and a half.",
            "Delay in a leaving care bursary",
        ]
    ]


def test_chosen_examples_print_in_the_reports_words_never_the_cases_summary(year):
    text = pdf_text(year)
    assert "Delay in a leaving care bursary" in text and "A few weeks of payments lost" in text
    assert "A pleasure to work with you" in text
    assert "Mrs Example" not in text and "Jo Example" not in text


def test_figures_are_numbered_in_order_without_gaps(year):
    text = pdf_text(year)
    numbers = [int(n) for n in re.findall(r"Figure (\d+) –", text)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 8
    word = word_text(year)
    assert [int(n) for n in re.findall(r"Figure (\d+) –", word)][: len(numbers)] == numbers


def test_counts_agree_in_number_and_have_no_decimals(year):
    text = pdf_text(year)
    assert "2 complaints accepted under the statutory process (none recorded for 2021-22)" in text
    assert "there was 1 compliment recorded" in text
    assert not re.search(r"\b\d+\.\d+\b(?!%)", text)


def test_a_year_with_no_records_says_so_and_prints_no_zeros(council):
    text = pdf_text(annual_document(council, 2023))
    assert "No complaints recorded for 2023-24." in text
    assert "No stage 2 investigations recorded for 2023-24." in text
    assert "No statutory children's social care complaints recorded for 2023-24." in text
    assert "Figure" not in text
    zero = re.search(r"\b0\b", text)
    assert not zero, text[zero.start() - 200 : zero.end() + 50]

"""Each edition of the forward plan prints its statutory notes from the council's
settings (seed 003, item 5): the clear days' notice, the key-decision test, the notice
of private meetings under the 2012 Regulations, inspection of documents, contacts, the
Cabinet's members, and its rows coded by directorate with the key. Read from the PDF
and Word files a reader gets; a published edition keeps the notes it printed."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as Word
from pypdf import PdfReader

from improvement.documents.render import render
from improvement.forward_plan import editions, services
from improvement.forward_plan.models import ForwardPlanSettings
from improvement.forward_plan.outputs import edition_document, edition_json

D = datetime.date
NOTES = {
    "enquiries_contact": "Philippa Turvey, Democratic Services, Town Hall, PE1 1HG",
    "documents_contact": "Dan Kalley, Democratic Services, Town Hall, PE1 1HG",
    "decisions_web_address": "https://www.example.gov.uk/executivedecisions",
    "cabinet_members": "Councillor Fitzgerald | Leader of the Council\n"
    "Councillor Jackie Allen | Cabinet Member for Children's Services and Education",
    "directorates": "CYP | Children and Young People's Service | Sand Martin House | "
    "Children's social care and education\nPH | Public Health | Sand Martin House | Health",
}


def pdf_text(document) -> str:
    reader = PdfReader(io.BytesIO(render(document, "pdf")))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def word_text(document) -> str:
    word = Word(io.BytesIO(render(document, "docx")))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(p.text for p in word.paragraphs).split() + cells)


def _settings(actor, council, **changes):
    current = ForwardPlanSettings.objects.filter(council=council).first()
    data = {"key_threshold": 500_000, "key_ward_count": 2, **NOTES, **changes}
    return services.change_settings(actor, council, data, current.version if current else 1)


@pytest.fixture
def edition(council, board_manager):
    _settings(board_manager, council)
    edition = editions.create_edition(board_manager, council, D(2023, 10, 20), D(2023, 11, 20))
    services.add_decision(
        board_manager,
        council,
        {
            "title": "Education IT System Award",
            "is_key": True,
            "maker_kind": "member",
            "maker_name": "Councillor Jackie Allen",
            "expected_month": D(2023, 11, 1),
            "directorate": "children and young people's service",
        },
    )
    editions.publish_edition(board_manager, edition)
    return edition


def test_an_edition_prints_its_statutory_notes_from_the_settings(edition):
    text = pdf_text(edition_document(edition))
    assert "In the period commencing 28 clear days after the date of publication" in text
    assert "more than £500,000" in text and "2 wards or more" in text
    assert (
        "Local Authorities (Executive Arrangements) (Meetings and Access to Information) "
        "(England) Regulations 2012" in text
    )
    assert "at least 28 clear days before the meeting, under regulation 5" in text
    assert "You are entitled to view any documents listed on the plan" in text
    assert "Documents can be requested from Dan Kalley" in text
    assert "https://www.example.gov.uk/executivedecisions" in text
    assert "can be sent to Philippa Turvey" in text


def test_the_cabinets_members_and_the_directorate_key_are_printed(edition):
    text = word_text(edition_document(edition))
    assert "Councillor Fitzgerald" in text and "Leader of the Council" in text
    assert "Councillor Fitzgerald (Leader of the Council); Councillor Jackie Allen" in text
    assert "Key to the directorates" in text and "Public Health" in text


def test_rows_are_coded_by_directorate(edition):
    document = edition_document(edition)
    row = document.sections[0].tables[0].rows[0]
    assert "Children and Young People's Service (CYP)" in row
    assert "Children and Young People's Service (CYP)" in pdf_text(document)


def test_a_published_edition_keeps_the_notes_it_printed(edition, council, board_manager):
    _settings(board_manager, council, key_threshold=750_000, cabinet_members="")
    frozen = pdf_text(edition_document(edition))
    assert "more than £500,000" in frozen and "Councillor Fitzgerald" in frozen
    draft = editions.draft_or_new(board_manager, council)
    assert "more than £750,000" in pdf_text(edition_document(draft))
    assert edition_json(edition)["notes"]["sections"][0]["heading"] == "Part 1: key decisions"


def test_the_settings_page_edits_the_notes_and_refuses_a_directorate_without_a_code(
    council, board_manager, client_for
):
    from improvement.forward_plan.tests.test_views import SETTINGS

    client = client_for(board_manager)
    url = reverse("forward_plan:settings", args=[council.slug])
    assert "Directorates and their codes" in client.get(url).content.decode()
    bad = client.post(url, {**SETTINGS, **NOTES, "directorates": "| No code", "version": 1})
    assert "Write each directorate as code | directorate" in bad.content.decode()
    assert client.post(url, {**SETTINGS, **NOTES, "version": 1}).status_code == 302
    saved = ForwardPlanSettings.objects.get(council=council)
    assert saved.cabinet_members.startswith("Councillor Fitzgerald")
    assert saved.notice_clear_days == 28


def test_the_defaults_are_those_of_the_law(council):
    settings = ForwardPlanSettings(council=council)
    assert settings.notice_clear_days == 28
    assert settings.general_exception_clear_days == 5


def test_the_edition_page_shows_its_notes(edition, council, councillor, client_for):
    url = reverse("forward_plan:edition_detail", args=[council.slug, edition.pk])
    page = client_for(councillor).get(url).content.decode().replace("&#x27;", "'")
    assert "Part 2: notice of intention to take decisions in private" in page
    assert "Key to the directorates" in page and "Councillor Fitzgerald" in page


def test_a_row_is_coded_by_its_directorate_whatever_its_spelling_of_the_name():
    from improvement.forward_plan.statutory_notes import code_for

    key = [{"code": "CYP", "name": "Children and Young People's Service"}]
    coded = "Children and Young People's Service (CYP)"
    assert code_for("Children and Young People's Services", key) == coded
    assert code_for("children and  young people's service", key) == coded
    assert code_for("cyp", key) == coded
    assert code_for("Place and Economy", key) == "Place and Economy"

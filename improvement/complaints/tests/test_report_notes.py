"""A council's notes on a year's annual report: only the complaints manager writes them,
and the report prints them first, so a change from the report as presented is stated in
the report itself."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from improvement.complaints import services
from improvement.complaints.report import annual_document
from improvement.documents.render import render

NOTE = "The report presented gave 67.6%; 44 of 65 is 67.7%."


def test_the_complaints_manager_notes_a_year_and_the_report_prints_it(council, complaints_manager):
    services.note_on_report(complaints_manager, council, 2022, NOTE)
    services.note_on_report(complaints_manager, council, 2022, NOTE)
    assert council.complaint_notes.count() == 1
    document = annual_document(council, 2022)
    assert document.sections[0].heading == "Notes on the figures"
    assert NOTE in render(document, "html").decode().replace("&#x27;", "'")
    # Another year's report has no notes section.
    assert annual_document(council, 2023).sections[0].heading != "Notes on the figures"


def test_only_the_complaints_manager_notes_a_report(council, board_manager):
    with pytest.raises(PermissionDenied):
        services.note_on_report(board_manager, council, 2022, NOTE)
    assert not council.complaint_notes.exists()


def note_url(council, year=2022):
    return reverse("complaints:report_note", args=[council.slug, year])


def test_the_complaints_manager_adds_a_note_in_the_browser(client_for, council, complaints_manager):
    client = client_for(complaints_manager)
    report = client.get(reverse("complaints:report", args=[council.slug]) + "?year=2022")
    assert note_url(council) in report.content.decode()
    assert client.get(note_url(council)).status_code == 200
    response = client.post(note_url(council), {"text": NOTE}, follow=True)
    assert response.redirect_chain[-1][0].endswith("?year=2022")
    page = response.content.decode().replace("&#x27;", "'")
    assert "Notes on the figures" in page and NOTE in page
    empty = client.post(note_url(council), {"text": ""})
    assert "Enter" in empty.content.decode() or "required" in empty.content.decode()


def test_a_councillor_sees_the_report_but_cannot_note_it(client_for, council, councillor):
    client = client_for(councillor)
    report = client.get(reverse("complaints:report", args=[council.slug]) + "?year=2022")
    assert note_url(council) not in report.content.decode()
    assert client.get(note_url(council)).status_code == 403
    assert client.post(note_url(council), {"text": NOTE}).status_code == 403
    assert not council.complaint_notes.exists()

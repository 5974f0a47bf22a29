"""A council's notes on a year's annual report: only the complaints manager writes them,
and the report prints them first, so a change from the report as presented is stated in
the report itself."""

import pytest
from django.core.exceptions import PermissionDenied

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

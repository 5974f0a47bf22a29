import pytest
from django.http import Http404

from improvement.documents.download import download


def test_a_download_has_its_content_type_and_file_name():
    pdf = download(b"%PDF", "pdf", "report-1-v2")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'inline; filename="report-1-v2.pdf"'
    docx = download(b"PK", "docx", "report-1-draft")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert docx["Content-Disposition"] == 'attachment; filename="report-1-draft.docx"'


def test_an_unknown_format_is_not_found():
    with pytest.raises(Http404):
        download(b"", "exe", "x")

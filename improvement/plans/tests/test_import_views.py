"""The web import: upload, check the report, then import; and the export download."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from improvement.core.models import AuditEntry
from improvement.plans.models import Action, Objective, Update

GOOD = [
    ["Ref", "Action", "Owner", "Due date", "RAG", "RAG reason"],
    ["1 FRONT DOOR"],
    ["1.1", "Audit contacts", "Jo Bloggs", "31/03/2024", "G", "On plan"],
    ["1.2", "Train staff", "Sam Smith", "Q3 2024/25", "A", "Late"],
]


def xlsx_upload(rows, name="plan.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def counts():
    return (Objective.objects.count(), Action.objects.count(), Update.objects.count())


def upload(client, council, rows, name="plan.xlsx"):
    url = reverse("plans:import_upload", args=[council.slug])
    return client.post(url, {"workbook": xlsx_upload(rows, name)})


@pytest.mark.django_db
def test_upload_page_shows_a_file_upload(council, board_manager, client_for):
    response = client_for(board_manager).get(reverse("plans:import_upload", args=["testshire"]))
    assert response.status_code == 200
    assert b'type="file"' in response.content and b"govuk-file-upload" in response.content


@pytest.mark.django_db
def test_upload_saves_the_file_and_shows_a_dry_run_preview(council, board_manager, client_for):
    client = client_for(board_manager)
    response = upload(client, council, GOOD)
    assert response.status_code == 302
    token = response.url.rstrip("/").rsplit("/", 1)[1]
    assert default_storage.exists(f"imports/testshire/{token}/plan.xlsx")
    preview = client.get(response.url)
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "2 actions (2 created, 0 updated), 1 objectives, 0 warnings, 0 errors" in body
    assert "Import 2 actions" in body
    assert "How the headers were read" in body
    assert counts() == (0, 0, 0)


@pytest.mark.django_db
def test_upload_refuses_other_file_types(council, board_manager, client_for):
    response = upload(client_for(board_manager), council, GOOD, name="plan.pdf")
    assert response.status_code == 200
    assert b"Error: " in response.content
    assert b"must be a .xlsx, .xlsm or .csv file" in response.content


@pytest.mark.django_db
def test_preview_with_errors_shows_them_and_has_no_import_button(
    council, board_manager, client_for
):
    client = client_for(board_manager)
    rows = [*GOOD, ["1.3", "Recruit", "Ann", "Dec 2024", "Purple", ""]]
    preview = client.get(upload(client, council, rows).url)
    body = preview.content.decode()
    assert "<title>Error: " in body
    assert "govuk-error-summary" in body
    assert "&#x27;Purple&#x27; is not a rating." in body
    assert "E (RAG)" in body
    assert "Import 3 actions" not in body
    assert counts() == (0, 0, 0)


@pytest.mark.django_db
def test_posting_a_preview_with_errors_writes_nothing(council, board_manager, client_for):
    client = client_for(board_manager)
    url = upload(client, council, [*GOOD, ["1.3", "Recruit", "Ann", "", "Purple", ""]]).url
    response = client.post(url)
    assert response.status_code == 400
    assert counts() == (0, 0, 0)


@pytest.mark.django_db
def test_web_import_writes_and_audits_as_the_board_manager(council, board_manager, client_for):
    client = client_for(board_manager)
    url = upload(client, council, GOOD).url
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("board:objective_list", args=["testshire"])
    assert b"Plan imported from plan.xlsx" in response.content
    assert counts() == (1, 2, 2)
    action = council.actions.get(ref="1.1")
    assert action.created_by == board_manager
    assert AuditEntry.objects.filter(actor=board_manager, object_id=str(action.pk)).exists()
    assert client.get(url).status_code == 404  # the upload is gone once imported


@pytest.mark.django_db
def test_other_council_officer_gets_404(council, other_officer, client_for):
    client = client_for(other_officer)
    for name, args in (
        ("plans:import_upload", ["testshire"]),
        ("plans:import_preview", ["testshire", "0" * 32]),
        ("plans:export_download", ["testshire"]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404


@pytest.mark.django_db
def test_action_owner_gets_403(council, owner, client_for):
    client = client_for(owner)
    assert client.get(reverse("plans:import_upload", args=["testshire"])).status_code == 403
    assert client.get(reverse("plans:export_download", args=["testshire"])).status_code == 403
    response = client.post(
        reverse("plans:import_upload", args=["testshire"]), {"workbook": xlsx_upload(GOOD)}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_unknown_token_is_404(council, board_manager, client_for):
    client = client_for(board_manager)
    assert (
        client.get(reverse("plans:import_preview", args=["testshire", "a" * 32])).status_code == 404
    )
    assert (
        client.get(reverse("plans:import_preview", args=["testshire", "..%2F.."])).status_code
        == 404
    )


@pytest.mark.django_db
def test_export_downloads_the_plan_as_an_xlsx_attachment(council, board_manager, client_for):
    response = client_for(board_manager).get(reverse("plans:export_download", args=["testshire"]))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert (
        'attachment; filename="testshire-improvement-plan-2024-03-01.xlsx"'
        == response["Content-Disposition"]
    )
    assert response.content.startswith(b"PK")

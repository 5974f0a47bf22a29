"""The KPI page, the upload and its progress, and the drill-down, for every role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.annex_a.services import import_annex_a, queue_import
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry


@pytest.fixture
def imported(council, tmp_path):
    return import_annex_a(SystemActor("test"), council, hand_built(tmp_path / "annex-a.xlsx"), R)


def url(name, *args):
    return reverse(f"annex_a:{name}", args=("testshire", *args))


def test_kpi_page_shows_each_figure_with_its_fraction_trend_and_benchmark(
    client_for, board_manager, imported
):
    response = client_for(board_manager).get(url("kpis"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Referrals with no further action" in page
    assert "33.3%" in page and "3 of 9" in page
    # As at the import's reference date (28 June 2024), not today: 2024-25 came out in 2025.
    assert "7.1% (England, 2022-23; published 26 October 2023)" in page
    assert "2024-25" not in page
    assert "2024-04" in page
    assert url("kpi_rows", imported.pk, "referral_nfa_pct") in page


def test_councillor_reads_the_kpis_but_not_the_rows_or_upload(client_for, councillor, imported):
    client = client_for(councillor)
    page = client.get(url("kpis")).content.decode()
    assert "3 of 9" in page
    assert "rows behind" not in page.lower()
    assert client.get(url("kpi_rows", imported.pk, "referral_nfa_pct")).status_code == 403
    assert client.get(url("upload")).status_code == 403
    assert client.get(url("import_status", imported.pk)).status_code == 403


def test_another_councils_officer_sees_nothing(client_for, other_officer, imported):
    client = client_for(other_officer)
    for address in (url("kpis"), url("upload"), url("import_status", imported.pk),
                    url("kpi_rows", imported.pk, "referral_nfa_pct")):  # fmt: skip
        assert client.get(address).status_code == 404


def test_the_public_is_sent_to_sign_in(client_for, imported):
    response = client_for(None).get(url("kpi_rows", imported.pk, "referral_nfa_pct"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_drill_down_lists_the_denominator_rows_and_is_audited(client_for, board_manager, imported):
    response = client_for(board_manager).get(url("kpi_rows", imported.pk, "icpc_within_15wd_pct"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [r["child_id"] for r in rows] == ["P1", "P2", "P5", "P6"]
    assert [r["counted"] for r in rows] == [True, False, True, True]
    assert rows[0]["values"] == ["01/05/2024", "22/05/2024"]
    assert AuditEntry.objects.filter(verb="viewed child-level rows").count() == 1


def test_drill_down_after_purge_says_the_rows_are_gone(client_for, board_manager, imported):
    imported.child_rows.delete()
    response = client_for(board_manager).get(url("kpi_rows", imported.pk, "referral_nfa_pct"))
    assert "have been deleted" in response.content.decode()


def test_upload_imports_and_shows_the_report(
    client_for, board_manager, council, tmp_path, django_capture_on_commit_callbacks
):
    path = hand_built(tmp_path / "annex-a.xlsx")
    upload = SimpleUploadedFile("annex-a.xlsx", path.read_bytes())
    data = {"workbook": upload, "reference_date_day": "28", "reference_date_month": "6",
            "reference_date_year": "2024"}  # fmt: skip
    client = client_for(board_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("upload"), data)
    record = council.annex_a_imports.get()
    assert response.status_code == 302
    assert response["Location"] == url("import_status", record.pk)
    assert record.status == "ready" and record.rows_read == 54
    assert record.uploaded_by == board_manager
    page = client.get(response["Location"]).content.decode()
    assert "12 rows read, 8 used, 4 rejected" in page
    assert "ib-check-again" not in page
    assert "Check the changes to the measures" in page
    # Read, not yet in the board's measures: the officer sees the preview first.
    assert not council.measures.exists()


def test_upload_of_an_unreadable_file_is_recorded_as_failed(
    client_for, board_manager, council, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("annex-a.xlsx", b"not a workbook")
    data = {"workbook": upload, "reference_date_day": "28", "reference_date_month": "6",
            "reference_date_year": "2024"}  # fmt: skip
    client = client_for(board_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("upload"), data)
    response = client.get(response["Location"])
    assert "could not be imported" in response.content.decode()
    assert council.annex_a_imports.get().status == "failed"
    assert not council.measures.exists()


def test_upload_form_needs_a_workbook_and_a_date(client_for, board_manager, council):
    response = client_for(board_manager).post(url("upload"), {})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"workbook", "reference_date"}
    assert not council.annex_a_imports.exists()


def test_a_running_import_shows_progress_and_checks_again(client_for, board_manager, council):
    record = queue_import(board_manager, council, SimpleUploadedFile("big.xlsx", b"PK"), R)
    type(record).objects.filter(pk=record.pk).update(status="running", rows_read=61000)
    page = client_for(board_manager).get(url("import_status", record.pk)).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert 'data-module="ib-check-again" data-seconds="2" data-check-state="running 61000"' in page
    assert "61000 rows read so far" in page and "does not update by itself" in page


def test_a_performance_officer_uploads_and_sees_the_rows(client_for, performance_officer, imported):
    client = client_for(performance_officer)
    assert client.get(url("upload")).status_code == 200
    assert client.get(url("kpi_rows", imported.pk, "referral_nfa_pct")).status_code == 200


@pytest.mark.parametrize("role", ["chair", "owner", "board_member", "complaints_manager"])
def test_other_roles_read_the_kpis_but_not_the_rows(client_for, cast, imported, role):
    client = client_for(cast[role])
    assert client.get(url("kpis")).status_code == 200
    assert client.get(url("kpi_rows", imported.pk, "referral_nfa_pct")).status_code == 403
    assert client.get(url("upload")).status_code == 403


def test_a_performance_officers_import_feeds_the_measures_once_confirmed(
    client_for, performance_officer, council, tmp_path, django_capture_on_commit_callbacks
):
    path = hand_built(tmp_path / "annex-a.xlsx")
    data = {"workbook": SimpleUploadedFile("annex-a.xlsx", path.read_bytes()),
            "reference_date_day": "28", "reference_date_month": "6",
            "reference_date_year": "2024"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client_for(performance_officer).post(url("upload"), data)
    record = council.annex_a_imports.get()
    assert record.status == "ready" and record.uploaded_by == performance_officer
    response = client_for(performance_officer).post(
        url("import_preview", record.pk), {"version": record.version}
    )
    assert response["Location"] == url("import_status", record.pk)
    record.refresh_from_db()
    assert record.status == "done" and record.applied_at is not None
    assert council.measures.filter(source="computed").count() == 15

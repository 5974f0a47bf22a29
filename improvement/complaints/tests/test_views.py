"""Complaints pages: who sees what, and what each form records."""

import datetime
import json

import pytest
from django.urls import reverse

from improvement.complaints import services
from improvement.complaints.models import ComplaintsSettings
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.models import AuditEntry
from improvement.documents.models import DocumentBuild
from improvement.documents.tests.helpers import content, fetch_built


def url(name, *args):
    return reverse(f"complaints:{name}", args=["testshire", *args])


@pytest.fixture
def case(council):
    return ComplaintFactory(council=council, reference="T-1", received_on=datetime.date(2024, 2, 1))


def test_complaints_manager_sees_open_cases_with_clocks(client_for, complaints_manager, case):
    response = client_for(complaints_manager).get(url("index"))
    assert response.status_code == 200
    assert b"T-1" in response.content
    assert b"Stage 1 response" in response.content


def test_index_query_count_does_not_grow_with_cases(
    client_for, complaints_manager, council, django_assert_max_num_queries
):
    for n in range(30):
        ComplaintFactory(council=council, received_on=datetime.date(2024, 1, 2 + n % 20))
    client = client_for(complaints_manager)
    with django_assert_max_num_queries(8):
        assert client.get(url("index")).status_code == 200


@pytest.mark.parametrize("role", ["board_manager", "councillor", "board_member", "chair"])
def test_others_in_the_council_see_figures_but_no_case(client_for, cast, role, case):
    client = client_for(cast[role])
    response = client.get(url("index"))
    assert response.status_code == 200
    assert b"T-1" not in response.content
    assert client.get(url("case", case.pk)).status_code == 403
    assert client.get(url("cases")).status_code == 403
    assert client.get(url("subject_access")).status_code == 403
    assert client.get(url("record_new")).status_code == 403
    assert client.get(url("report")).status_code == 200


@pytest.mark.parametrize("name", ["index", "report", "cases", "record_new", "grants"])
def test_officer_of_another_council_sees_nothing(client_for, other_officer, case, name):
    assert client_for(other_officer).get(url(name)).status_code == 404


def test_signed_out_is_sent_to_sign_in(client_for, council):
    response = client_for(None).get(url("index"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_granted_person_sees_cases_until_access_is_removed(
    client_for, complaints_manager, board_manager, council, case
):
    manager = client_for(complaints_manager)
    response = manager.post(url("grants"), {"user": board_manager.pk, "reason": "Audit"})
    assert response.status_code == 302
    grant = council.complaint_access_grants.get()
    assert client_for(board_manager).get(url("case", case.pk)).status_code == 200
    assert client_for(board_manager).get(url("record_new")).status_code == 403
    client_for(complaints_manager).post(url("grant_revoke", grant.pk), {"version": grant.version})
    assert client_for(board_manager).get(url("case", case.pk)).status_code == 403


def test_removing_access_without_the_version_read_is_refused(
    client_for, complaints_manager, board_manager, council, case
):
    manager = client_for(complaints_manager)
    manager.post(url("grants"), {"user": board_manager.pk, "reason": "Audit"})
    grant = council.complaint_access_grants.get()
    response = manager.post(url("grant_revoke", grant.pk), follow=True)
    assert "This page is out of date" in response.content.decode()
    assert client_for(board_manager).get(url("case", case.pk)).status_code == 200
    manager = client_for(complaints_manager)
    stale = manager.post(url("grant_revoke", grant.pk), {"version": grant.version - 1}, follow=True)
    assert "after you opened it" in stale.content.decode()
    assert council.complaint_access_grants.get().archived_at is None


def test_record_a_representation(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(
        url("record_new"),
        {
            "received_on_day": "3",
            "received_on_month": "2",
            "received_on_year": "2024",
            "process": "statutory",
            "service": "childrens_social_care",
            "team": "Leaving Care",
            "category": "Staff Conduct",
            "complainant_type": "looked_after_or_care_leaver",
            "advocate": "on",
        },
    )
    assert response.status_code == 302
    rep = council.representations.get(reference="CSC-2024-0001")
    assert (rep.received_on, rep.advocate, rep.kind) == (
        datetime.date(2024, 2, 3),
        True,
        "complaint",
    )
    assert AuditEntry.objects.filter(verb="recorded", object_id=str(rep.pk)).exists()


def test_not_logged_needs_its_reason(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(
        url("record_new"),
        {
            "received_on_day": "3",
            "received_on_month": "2",
            "received_on_year": "2024",
            "process": "not_logged",
            "service": "childrens_social_care",
            "complainant_type": "friend",
        },
    )
    assert response.status_code == 200
    assert b"needs its reason" in response.content
    assert not council.representations.exists()


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_record_stage1_then_refuse_a_stale_edit(client_for, complaints_manager, case):
    client = client_for(complaints_manager)
    data = {
        "version": case.version,
        "stage1_route": "formal",
        "stage1_outcome": "upheld",
        "manager_contacted": "on",
        **_date("stage1_responded_on", datetime.date(2024, 2, 14)),
    }
    assert client.post(url("stage_edit", case.pk, "stage1"), data).status_code == 302
    case.refresh_from_db()
    assert (case.stage1_outcome, case.manager_contacted, case.version) == ("upheld", True, 2)
    stale = client.post(
        url("stage_edit", case.pk, "stage1"), {**data, "stage1_outcome": "not_upheld"}
    )
    assert stale.status_code == 200
    assert b"after you opened it" in stale.content
    case.refresh_from_db()
    assert case.stage1_outcome == "upheld"


def test_stage2_before_stage1_response_is_refused(client_for, complaints_manager, case):
    data = {"version": case.version, **_date("stage2_requested_on", datetime.date(2024, 2, 20))}
    response = client_for(complaints_manager).post(url("stage_edit", case.pk, "stage2"), data)
    assert response.status_code == 200
    assert b"without the stage 1 response" in response.content


def test_record_compliment(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(
        url("compliment_new"),
        {
            **_date("received_on", datetime.date(2024, 2, 5)),
            "service": "education",
            "team": "SEN & Inclusion",
            "complainant_type": "parent_or_guardian",
        },
    )
    assert response.status_code == 302
    assert council.representations.compliments().get().team == "SEN & Inclusion"


def test_report_download_json(client_for, councillor, case):
    response = client_for(councillor).get(url("report_download", 2023, "json"))
    assert response.status_code == 200
    assert json.loads(response.content)["accepted"] == 1


def test_report_pdf_and_word_are_made_by_the_worker(
    client_for, councillor, case, django_capture_on_commit_callbacks
):
    client = client_for(councillor)
    pdf = fetch_built(
        client, url("report_download", 2023, "pdf"), django_capture_on_commit_callbacks
    )
    assert content(pdf).startswith(b"%PDF")
    word = fetch_built(
        client, url("report_download", 2023, "docx"), django_capture_on_commit_callbacks
    )
    assert content(word).startswith(b"PK")
    assert 'filename="complaints-report-testshire-2023.docx"' in word["Content-Disposition"]
    assert DocumentBuild.objects.filter(kind="complaints_annual", status="done").count() == 2
    # A case recorded since is in the next file: the figures changed.
    ComplaintFactory(council=case.council, received_on=datetime.date(2023, 6, 1))
    fetch_built(client, url("report_download", 2023, "pdf"), django_capture_on_commit_callbacks)
    assert DocumentBuild.objects.filter(kind="complaints_annual").count() == 3


def test_subject_access_export_gives_a_persons_records(
    client_for, complaints_manager, council, case
):
    ComplaintFactory(council=council, complainant_name="Someone Else")
    response = client_for(complaints_manager).post(url("subject_access"), {"name": "jo example"})
    data = json.loads(response.content)
    assert [r["reference"] for r in data["records"]] == ["T-1"]
    assert AuditEntry.objects.filter(verb="exported subject access").exists()


def test_services_refuse_anyone_but_the_complaints_manager(board_manager, council):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_representation(board_manager, council, {"reference": "X"})


CORPORATE = {
    "corporate_stage1_days": "10",
    "corporate_stage1_extended_days": "20",
    "corporate_stage2_days": "20",
    "corporate_stage2_extended_days": "30",
}


def test_complaints_manager_changes_recipients_and_timescales(
    client_for, complaints_manager, council
):
    response = client_for(complaints_manager).post(
        url("settings"),
        {
            "overdue_report_to": "head@example.org\ndirector@example.org",
            "categories": "Delay/Failed Service\nStaff Conduct\n",
            **CORPORATE,
            "corporate_stage2_days": "15",
            "version": "1",
        },
    )
    assert response.status_code == 302
    saved = council.complaints_settings
    assert saved.overdue_report_to == "head@example.org\ndirector@example.org"
    assert (saved.corporate_stage1_days, saved.corporate_stage2_days) == (10, 15)
    assert saved.categories == ["Delay/Failed Service", "Staff Conduct"]
    assert AuditEntry.objects.filter(verb="created", object_id=str(saved.pk)).exists()


SETTINGS = {
    "overdue_report_to": "",
    "categories": "Staff Conduct",
    **CORPORATE,
}


def test_an_extension_shorter_than_the_corporate_timescale_is_refused(
    client_for, complaints_manager, council
):
    data = {**SETTINGS, "corporate_stage2_extended_days": "5", "version": "1"}
    response = client_for(complaints_manager).post(url("settings"), data)
    assert response.status_code == 200
    assert "An extension cannot allow fewer working days" in response.content.decode()
    assert not ComplaintsSettings.objects.filter(council=council).exists()


def test_a_settings_edit_without_its_version_is_refused(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(url("settings"), SETTINGS)
    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    assert not ComplaintsSettings.objects.filter(council=council).exists()


def test_a_stale_settings_edit_is_refused(client_for, complaints_manager, council):
    client = client_for(complaints_manager)
    assert client.post(url("settings"), {**SETTINGS, "version": "1"}).status_code == 302
    assert client.post(url("settings"), {**SETTINGS, "version": "1"}).status_code == 302
    stale = client.post(url("settings"), {**SETTINGS, "categories": "Delay", "version": "1"})
    assert stale.status_code == 200
    assert "after you opened it" in stale.content.decode()
    saved = ComplaintsSettings.objects.get(council=council)
    assert (saved.categories, saved.version) == (["Staff Conduct"], 2)


def test_a_settings_page_carries_the_version_it_was_read_at(
    client_for, complaints_manager, council
):
    client = client_for(complaints_manager)
    client.post(url("settings"), {**SETTINGS, "version": "1"})
    page = client.get(url("settings")).content.decode()
    assert 'name="version" value="1"' in page
    client.post(url("settings"), {**SETTINGS, "categories": "Delay", "version": "1"})
    assert 'name="version" value="2"' in client.get(url("settings")).content.decode()


def test_a_category_longer_than_a_record_can_hold_is_refused(
    client_for, complaints_manager, council
):
    data = {**SETTINGS, "categories": "x" * 121, "version": "1"}
    response = client_for(complaints_manager).post(url("settings"), data)
    assert response.status_code == 200
    assert "120 characters or fewer" in response.content.decode()


def test_a_summary_longer_than_the_limit_is_refused(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(
        url("compliment_new"),
        {
            "reference": "CMP-2",
            **_date("received_on", datetime.date(2024, 2, 5)),
            "service": "education",
            "team": "SEN",
            "complainant_type": "parent_or_guardian",
            "summary": "x" * 5001,
        },
    )
    assert response.status_code == 200
    assert not council.representations.exists()


@pytest.mark.parametrize("year", [0, 1999, 2101, 9999, 99999999])
def test_a_report_for_an_impossible_year_is_not_found(client_for, councillor, council, year):
    response = client_for(councillor).get(url("report_download", year, "json"))
    assert response.status_code == 404


def test_only_the_complaints_manager_changes_settings(client_for, board_manager, council):
    assert client_for(board_manager).get(url("settings")).status_code == 403


def test_report_charts_carry_no_inline_styles_for_the_csp(client_for, councillor, case):
    content = client_for(councillor).get(url("report") + "?year=2023").content.decode()
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert "style=" not in svg and "<style" not in svg
    assert 'fill="#1d70b8"' in svg


def test_the_open_and_overdue_counts_lead_to_the_records_they_count(
    client_for, complaints_manager, council, case
):
    # Received 1 February: its stage 1 response (10 working days) is due 15 February, so
    # on 1 March it is overdue; one received today is open and in time.
    ComplaintFactory(council=council, reference="T-2", received_on=datetime.date(2024, 3, 1))
    client = client_for(complaints_manager)
    page = client.get(url("index")).content.decode()

    counts = page.split('id="open-counts">')[1].split("</p>")[0]
    open_href = f"{url('cases')}?status=open&amp;sort=due"
    overdue_href = f"{url('cases')}?overdue=yes&amp;sort=due"
    assert f'<a class="govuk-link" href="{open_href}">2 open' in counts
    assert f'<a class="govuk-link" href="{overdue_href}">1 overdue' in counts
    assert (
        "2 records match these filters"
        in client.get(url("cases") + "?status=open").content.decode()
    )
    overdue = client.get(url("cases") + "?overdue=yes&sort=due").content.decode()
    assert "1 record matches these filters" in overdue and "T-1" in overdue and "T-2" not in overdue

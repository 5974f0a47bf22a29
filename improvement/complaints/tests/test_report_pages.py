"""The pages behind the annual report's new records: choosing a case as an example on
its page, and the Ombudsman's decisions. Only the complaints manager changes them;
every change is audited and versioned; a decision is removed, never deleted."""

import datetime

import pytest
from django.urls import reverse

from improvement.complaints import services
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.models import AuditEntry

D = datetime.date
DECISION = {
    "reference": "22-008-825",
    "decided_on_day": "20",
    "decided_on_month": "2",
    "decided_on_year": "2023",
    "process": "non_statutory",
    "service": "education",
    "outcome": "fault",
    "link": "https://www.lgo.org.uk/decisions/education/special-educational-needs/22-008-825",
    "summary": "",
    "version": "1",
}


def url(name, *args):
    return reverse(f"complaints:{name}", args=["testshire", *args])


@pytest.fixture
def case(council):
    return ComplaintFactory(
        council=council,
        reference="T-1",
        received_on=D(2022, 5, 3),
        stage1_responded_on=D(2022, 5, 12),
        stage1_outcome="not_upheld",
    )


def test_the_manager_chooses_a_case_for_the_report_on_its_page(
    client_for, complaints_manager, case
):
    client = client_for(complaints_manager)
    assert url("report_choice", case.pk) in client.get(url("case", case.pk)).content.decode()
    empty = client.post(url("report_choice", case.pk), {"in_annual_report": "on", "version": 1})
    assert "Enter the words for the report" in empty.content.decode()
    data = {"in_annual_report": "on", "report_text": "Delay in a bursary", "version": 1}
    assert client.post(url("report_choice", case.pk), data).status_code == 302
    case.refresh_from_db()
    assert case.in_annual_report and case.report_text == "Delay in a bursary"
    assert case.version == 2
    assert AuditEntry.objects.filter(verb="chose for the annual report").count() == 1
    stale = client.post(url("report_choice", case.pk), {**data, "report_text": "Other"})
    assert stale.status_code == 200
    case.refresh_from_db()
    assert case.report_text == "Delay in a bursary"


@pytest.mark.parametrize("role", ["councillor", "board_manager", "other_officer"])
def test_only_the_complaints_manager_chooses_examples(client_for, cast, case, role):
    status = 404 if role == "other_officer" else 403
    client = client_for(cast[role])
    assert client.get(url("report_choice", case.pk)).status_code == status
    data = {"in_annual_report": "on", "report_text": "x", "version": 1}
    assert client.post(url("report_choice", case.pk), data).status_code == status
    case.refresh_from_db()
    assert not case.in_annual_report


def test_the_manager_records_changes_and_removes_a_decision(
    client_for, complaints_manager, council
):
    client = client_for(complaints_manager)
    assert client.get(url("decision_new")).status_code == 200
    assert client.post(url("decision_new"), DECISION).status_code == 302
    decision = council.ombudsman_decisions.get()
    assert decision.process == "non_statutory" and decision.link.endswith("22-008-825")
    listing = client.get(url("decisions")).content.decode()
    assert "22-008-825" in listing and DECISION["link"] in listing
    again = client.post(url("decision_new"), DECISION)
    assert "22-008-825 is already recorded" in again.content.decode()
    changed = {**DECISION, "summary": "Delay in issuing a plan", "version": decision.version}
    assert client.post(url("decision_edit", decision.pk), changed).status_code == 302
    removal = url("decision_archive", decision.pk)
    assert client.post(removal, {"version": decision.version + 1}).status_code == 200
    assert client.post(removal, {"reason": "Entered twice", "version": 2}).status_code == 302
    decision.refresh_from_db()
    assert decision.archived_at is not None and decision.archive_reason == "Entered twice"
    assert "No Ombudsman decisions recorded" in client.get(url("decisions")).content.decode()


def test_a_cases_decision_follows_its_stage_and_keeps_only_its_link(
    client_for, complaints_manager, council, case
):
    data = {
        "ombudsman_referred_on": D(2022, 7, 1),
        "ombudsman_decided_on": D(2022, 11, 14),
        "ombudsman_outcome": "fault",
        "ombudsman_reference": "22-000-753",
    }
    services.record_ombudsman(complaints_manager, case, data, case.version)
    decision = council.ombudsman_decisions.get()
    assert decision.representation == case and decision.process == "statutory"
    client = client_for(complaints_manager)
    page = client.get(url("decision_edit", decision.pk)).content.decode()
    assert 'name="link"' in page and 'name="reference"' not in page
    assert client.get(url("decision_archive", decision.pk)).status_code == 200
    refused = client.post(
        url("decision_archive", decision.pk), {"reason": "x", "version": decision.version}
    )
    assert "belongs to a case" in refused.content.decode()
    case.refresh_from_db()
    services.record_ombudsman(
        complaints_manager,
        case,
        {**data, "ombudsman_decided_on": None, "ombudsman_outcome": ""},
        case.version,
    )
    decision.refresh_from_db()
    assert decision.archived_at is not None


@pytest.mark.parametrize("role", ["councillor", "board_member"])
def test_members_read_the_decisions_but_cannot_record_one(client_for, cast, role):
    client = client_for(cast[role])
    assert client.get(url("decisions")).status_code == 200
    assert client.get(url("decision_new")).status_code == 403
    assert client.post(url("decision_new"), DECISION).status_code == 403


def test_another_councils_officer_sees_no_decisions(client_for, other_officer):
    assert client_for(other_officer).get(url("decisions")).status_code == 404

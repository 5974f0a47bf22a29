"""A case as the complaints manager keeps it: its reference given automatically, the
complainant's contact details, the acknowledgement, the stage 2 people, dates that
cannot be in the future, and changing the record as received."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.complaints import services
from improvement.complaints.clock import late_acknowledgement
from improvement.complaints.models import ComplaintsSettings, Representation
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.models import AuditEntry

D = datetime.date  # the tests' today is 1 March 2024 (conftest)


def url(name, *args):
    return reverse(f"complaints:{name}", args=["testshire", *args])


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


NEW = {
    **_date("received_on", D(2024, 2, 26)),
    "process": "statutory",
    "service": "childrens_social_care",
    "team": "Leaving Care",
    "category": "Staff Conduct",
    "complainant_type": "parent_or_guardian",
    "complainant_name": "Sam Parent",
    "complainant_address": "1 High Street\nTestshire TS1 1AA",
    "complainant_email": "sam@example.invalid",
    "complainant_telephone": "01234 567890",
    "preferred_contact": "email",
}


def _new(**changes):
    return {"kind": "complaint", "received_on": D(2024, 2, 1), "process": "statutory",
            "service": "childrens_social_care", **changes}  # fmt: skip


@pytest.fixture
def case(council):
    return ComplaintFactory(council=council, reference="T-1", received_on=D(2024, 2, 1))


# 1. A response or decision date in the future is refused, naming the field.


def test_a_stage1_response_dated_tomorrow_is_refused_naming_the_field(
    client_for, complaints_manager, case
):
    data = {
        "version": case.version,
        "stage1_route": "formal",
        "stage1_outcome": "upheld",
        **_date("stage1_responded_on", D(2024, 3, 2)),
    }
    response = client_for(complaints_manager).post(url("stage_edit", case.pk, "stage1"), data)
    assert response.status_code == 200
    assert "The date the stage 1 response was sent must be today or in the past" in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert case.stage1_responded_on is None and case.version == 1


def test_a_response_dated_today_is_accepted(client_for, complaints_manager, case):
    data = {"version": case.version, "stage1_route": "formal", "stage1_outcome": "upheld",
            **_date("stage1_responded_on", D(2024, 3, 1))}  # fmt: skip
    assert (
        client_for(complaints_manager).post(url("stage_edit", case.pk, "stage1"), data).status_code
        == 302
    )
    case.refresh_from_db()
    assert case.stage1_responded_on == D(2024, 3, 1)


@pytest.mark.parametrize(
    ("service", "field"),
    [
        (services.record_stage3, "stage3_response_on"),
        (services.record_ombudsman, "ombudsman_decided_on"),
    ],
)
def test_every_stage_refuses_a_decision_date_in_the_future(
    complaints_manager, council, service, field
):
    rep = ComplaintFactory(
        council=council,
        received_on=D(2023, 1, 2),
        stage1_responded_on=D(2023, 1, 10),
        stage2_requested_on=D(2023, 1, 12),
        stage2_completed_on=D(2023, 2, 12),
        stage3_requested_on=D(2023, 2, 20),
        stage3_panel_on=D(2023, 3, 1),
        stage3_report_on=D(2023, 3, 3),
        ombudsman_referred_on=D(2023, 4, 1),
    )
    with pytest.raises(ValidationError) as refused:
        service(complaints_manager, rep, {field: D(2024, 3, 2)}, rep.version)
    assert "must be today or in the past" in refused.value.message_dict[field][0]


def test_the_register_refuses_a_row_answered_in_the_future(council):
    from improvement.complaints.register import parse_row

    _, problems = parse_row(
        2,
        {"reference": "R-1", "received_on": "2024-02-01", "kind": "complaint",
         "process": "statutory", "service": "childrens_social_care",
         "stage1_route": "formal", "stage1_responded_on": "2024-04-01"},
    )  # fmt: skip
    assert [p.column for p in problems] == ["stage1_responded_on"]


# 2. Automatic references.


def test_a_complaint_recorded_on_the_page_is_given_the_next_reference(
    client_for, complaints_manager, council
):
    ComplaintFactory(council=council, reference="CSC-2024-0011", received_on=D(2024, 1, 5))
    ComplaintFactory(council=council, reference="CSC-2023-0040", received_on=D(2023, 5, 5))
    response = client_for(complaints_manager).post(url("record_new"), NEW)
    assert response.status_code == 302
    rep = council.representations.get(complainant_name="Sam Parent")
    assert rep.reference == "CSC-2024-0012"
    assert response["Location"] == url("case", rep.pk)


def test_references_run_per_council_year_and_kind(complaints_manager, council, other_council):
    ComplaintFactory(council=other_council, reference="CSC-2024-0007", received_on=D(2024, 1, 5))
    first = services.record_representation(complaints_manager, council, _new())
    second = services.record_representation(complaints_manager, council, _new())
    last_year = services.record_representation(
        complaints_manager, council, _new(received_on=D(2023, 12, 30))
    )
    education = services.record_representation(
        complaints_manager, council, _new(service="education")
    )
    compliment = services.record_compliment(
        complaints_manager, council, {"received_on": D(2024, 2, 1), "service": "education",
                                      "team": "SEN", "complainant_type": "friend"}
    )  # fmt: skip
    assert [r.reference for r in (first, second, last_year, education, compliment)] == [
        "CSC-2024-0001",
        "CSC-2024-0002",
        "CSC-2023-0001",
        "EDU-2024-0001",
        "CMP-2024-0001",
    ]


def test_a_reference_taken_meanwhile_is_passed_over(complaints_manager, council):
    """Another request took CSC-2024-0001 after this one read the highest number: the
    unique constraint refuses it and the next free number is used, in one record."""
    services.record_representation(complaints_manager, council, _new())
    rep = Representation(council=council, **_new())
    services._create_numbered(complaints_manager, rep, first="CSC-2024-0001")
    assert rep.reference == "CSC-2024-0002"
    assert council.representations.count() == 2
    assert AuditEntry.objects.filter(verb="recorded", object_id=str(rep.pk)).count() == 1


def test_a_case_saved_without_a_reference_is_numbered_by_the_migration(council):
    ComplaintFactory(council=council, reference="CSC-2024-0003", received_on=D(2024, 1, 5))
    blank = ComplaintFactory(council=council, reference="", received_on=D(2024, 2, 1))
    migration = importlib.import_module(
        "improvement.complaints.migrations.0008_number_cases_recorded_without_a_reference"
    )
    migration.number_blank_references(apps, None)
    blank.refresh_from_db()
    assert blank.reference == "CSC-2024-0004"


# 3. Contact details, acknowledgement, stage 2 people.


def test_contact_details_are_recorded_and_shown_to_the_manager(
    client_for, complaints_manager, council
):
    client = client_for(complaints_manager)
    client.post(url("record_new"), NEW)
    rep = council.representations.get()
    assert (rep.complainant_email, rep.complainant_telephone, rep.preferred_contact) == (
        "sam@example.invalid",
        "01234 567890",
        "email",
    )
    assert rep.complainant_address == "1 High Street\nTestshire TS1 1AA"
    page = client.get(url("case", rep.pk)).content.decode()
    assert "Complainant&#x27;s email address" in page and "sam@example.invalid" in page
    assert "Preferred contact method" in page and ">Email<" in page


def test_a_preferred_contact_without_its_detail_is_refused(client_for, complaints_manager, council):
    data = {**NEW, "preferred_contact": "telephone", "complainant_telephone": ""}
    response = client_for(complaints_manager).post(url("record_new"), data)
    assert response.status_code == 200
    assert "Enter the complainant&#x27;s telephone number, or choose another way" in (
        response.content.decode()
    )
    assert not council.representations.exists()


def test_an_email_address_in_the_wrong_format_is_refused(client_for, complaints_manager, council):
    response = client_for(complaints_manager).post(
        url("record_new"), {**NEW, "complainant_email": "sam at example"}
    )
    assert "Enter an email address in the correct format" in response.content.decode()
    assert not council.representations.exists()


def test_a_late_acknowledgement_is_recorded_with_a_warning(client_for, complaints_manager, case):
    # Received Thursday 1 February 2024: due by Monday 5 February.
    client = client_for(complaints_manager)
    data = {"version": case.version, "stage1_route": "formal",
            **_date("acknowledged_on", D(2024, 2, 6))}  # fmt: skip
    assert client.post(url("stage_edit", case.pk, "stage1"), data).status_code == 302
    case.refresh_from_db()
    assert case.acknowledged_on == D(2024, 2, 6)
    page = client.get(url("case", case.pk)).content.decode()
    assert (
        "later than the 2 working days the 2006 Regulations allow (due by 5 February 2024)" in page
    )


def test_an_acknowledgement_on_time_or_not_statutory_has_no_warning(council):
    on_time = ComplaintFactory.build(council=council, acknowledged_on=D(2024, 2, 5))
    corporate = ComplaintFactory.build(
        council=council, process="corporate", acknowledged_on=D(2024, 2, 20)
    )
    assert late_acknowledgement(on_time) == "" and late_acknowledgement(corporate) == ""
    waiting = ComplaintFactory.build(council=council)
    assert late_acknowledgement(waiting, today=D(2024, 2, 5)) == ""
    assert "was due by 5 February 2024" in late_acknowledgement(waiting, today=D(2024, 2, 6))


def test_an_acknowledgement_before_receipt_is_refused(complaints_manager, case):
    with pytest.raises(ValidationError) as refused:
        services.record_stage1(
            complaints_manager, case, {"acknowledged_on": D(2024, 1, 31)}, case.version
        )
    assert "acknowledged_on" in refused.value.message_dict


def test_stage2_records_its_investigating_officer_and_independent_person(
    client_for, complaints_manager, council
):
    rep = ComplaintFactory(council=council, stage1_responded_on=D(2024, 2, 10))
    data = {
        "version": rep.version,
        **_date("stage2_requested_on", D(2024, 2, 20)),
        "stage2_investigating_officer": "Alex Investigator",
        "stage2_independent_person": "Pat Independent",
    }
    client = client_for(complaints_manager)
    assert client.post(url("stage_edit", rep.pk, "stage2"), data).status_code == 302
    rep.refresh_from_db()
    assert (rep.stage2_investigating_officer, rep.stage2_independent_person) == (
        "Alex Investigator",
        "Pat Independent",
    )
    page = client.get(url("case", rep.pk)).content.decode()
    assert "Investigating officer" in page and "Pat Independent" in page


# 4. Changing a case.


def test_the_manager_changes_a_case_as_received(client_for, complaints_manager, case):
    client = client_for(complaints_manager)
    form = client.get(url("case_edit", case.pk)).content.decode()
    assert 'name="version" value="1"' in form and "Jo Example" in form
    data = {**NEW, "version": case.version, "complainant_name": "Jo Corrected",
            **_date("received_on", D(2024, 2, 1))}  # fmt: skip
    response = client.post(url("case_edit", case.pk), data)
    assert response.status_code == 302 and response["Location"] == url("case", case.pk)
    case.refresh_from_db()
    assert (case.complainant_name, case.reference, case.version) == ("Jo Corrected", "T-1", 2)
    entry = AuditEntry.objects.get(verb="changed", object_id=str(case.pk))
    assert entry.before["complainant_name"] == "Jo Example"
    assert entry.after["complainant_name"] == "Jo Corrected"


def test_a_stale_case_edit_is_refused(client_for, complaints_manager, case):
    data = {**NEW, "version": case.version, **_date("received_on", D(2024, 2, 1))}
    client = client_for(complaints_manager)
    assert client.post(url("case_edit", case.pk), data).status_code == 302
    stale = client.post(url("case_edit", case.pk), {**data, "complainant_name": "Late"})
    assert stale.status_code == 200 and "after you opened it" in stale.content.decode()
    case.refresh_from_db()
    assert case.complainant_name == "Sam Parent"


def test_a_compliment_is_changed_with_its_own_form(client_for, complaints_manager, council):
    compliment = ComplaintFactory(council=council, kind="compliment", process="", team="SEN")
    data = {"version": compliment.version, **_date("received_on", D(2024, 2, 1)),
            "service": "education", "team": "Inclusion", "complainant_type": "friend"}  # fmt: skip
    assert (
        client_for(complaints_manager).post(url("case_edit", compliment.pk), data).status_code
        == 302
    )
    compliment.refresh_from_db()
    assert (compliment.team, compliment.kind, compliment.process) == ("Inclusion", "compliment", "")


@pytest.mark.parametrize("role", ["board_manager", "councillor", "board_member"])
def test_only_the_complaints_manager_changes_a_case(client_for, cast, role, case):
    assert client_for(cast[role]).get(url("case_edit", case.pk)).status_code == 403


def test_another_councils_officer_cannot_change_a_case(client_for, other_officer, case):
    assert client_for(other_officer).get(url("case_edit", case.pk)).status_code == 404


def test_anonymising_clears_the_contact_details_and_their_history(complaints_manager, council):
    rep = ComplaintFactory(
        council=council,
        received_on=D(2016, 5, 1),
        stage1_responded_on=D(2016, 5, 10),
        stage1_outcome="upheld",
        complainant_address="1 High Street",
        complainant_email="sam@example.invalid",
        complainant_telephone="01234 567890",
    )
    services.change_representation(
        complaints_manager, rep, {"complainant_telephone": "09876 543210"}, rep.version
    )
    assert services.anonymise_closed_cases(complaints_manager, council, D(2024, 3, 1)) == [rep]
    rep.refresh_from_db()
    assert (rep.complainant_address, rep.complainant_email, rep.complainant_telephone) == (
        "",
        "",
        "",
    )
    history = json.dumps(
        [[e.before, e.after] for e in AuditEntry.objects.filter(object_id=str(rep.pk))]
    )
    assert "543210" not in history and "example.invalid" not in history


def test_the_annual_report_prints_no_contact_details(client_for, councillor, council):
    ComplaintFactory(
        council=council,
        received_on=D(2023, 5, 1),
        complainant_email="sam@example.invalid",
        complainant_address="1 High Street",
        complainant_telephone="01234 567890",
        stage2_investigating_officer="Alex Investigator",
    )
    client = client_for(councillor)
    for page in (
        client.get(url("report") + "?year=2023").content.decode(),
        client.get(url("report_download", 2023, "json")).content.decode(),
    ):
        assert "example.invalid" not in page and "High Street" not in page
        assert "567890" not in page


# 5. Letters from templates, as Word files.


def _word_text(content: bytes) -> str:
    import io

    from docx import Document as Word

    return "\n".join(p.text for p in Word(io.BytesIO(content)).paragraphs)


def test_the_acknowledgement_letter_is_a_word_file_naming_the_complainant(
    client_for, complaints_manager, council
):
    ComplaintsSettings.objects.create(council=council, advocacy_provider="NYAS")
    rep = ComplaintFactory(
        council=council,
        reference="CSC-2024-0012",
        received_on=D(2024, 2, 28),
        complainant_name="Sam Parent",
        complainant_address="1 High Street\nTestshire TS1 1AA",
    )
    client = client_for(complaints_manager)
    assert "Acknowledgement letter (Word)" in client.get(url("case", rep.pk)).content.decode()
    response = client.get(url("letter", rep.pk, "acknowledgement"))
    assert response.status_code == 200
    assert 'filename="CSC-2024-0012-acknowledgement.docx"' in response["Content-Disposition"]
    text = _word_text(response.content)
    assert "Acknowledgement of your complaint" in text
    assert "Our reference CSC-2024-0012. 1 March 2024" in text
    assert "Sam Parent\n1 High Street\nTestshire TS1 1AA" in text
    assert "received on 28 February 2024" in text
    assert "Children Act 1989 representations procedure" in text
    assert "by 13 March 2024" in text  # 10 working days from 28 February
    assert "from NYAS" in text
    assert AuditEntry.objects.filter(
        verb="wrote the acknowledgement letter", object_id=str(rep.pk)
    ).exists()


def test_the_response_letter_follows_the_last_stage_answered(
    client_for, complaints_manager, council
):
    rep = ComplaintFactory(
        council=council,
        received_on=D(2024, 1, 2),
        stage1_responded_on=D(2024, 1, 10),
        stage1_outcome="not_upheld",
        stage2_requested_on=D(2024, 1, 15),
        stage2_investigating_officer="Alex Investigator",
        stage2_independent_person="Pat Independent",
        stage2_completed_on=D(2024, 2, 20),
        stage2_outcome="partially_upheld",
    )
    response = client_for(complaints_manager).get(url("letter", rep.pk, "response"))
    text = _word_text(response.content)
    assert "Our response to your complaint at stage 2" in text
    assert "Your complaint has been partially upheld" in text
    assert "investigated by Alex Investigator, with Pat Independent as independent person" in text
    assert "review panel (stage 3)" in text


def test_no_response_letter_before_a_stage_has_answered(client_for, complaints_manager, case):
    client = client_for(complaints_manager)
    assert "Response letter" not in client.get(url("case", case.pk)).content.decode()
    assert client.get(url("letter", case.pk, "response")).status_code == 404
    assert client.get(url("letter", case.pk, "invented")).status_code == 404


@pytest.mark.parametrize("role", ["board_manager", "councillor"])
def test_only_the_complaints_manager_writes_letters(client_for, cast, role, case):
    assert client_for(cast[role]).get(url("letter", case.pk, "acknowledgement")).status_code == 403


def test_the_record_page_asks_for_contact_details_and_no_reference(
    client_for, complaints_manager, council
):
    page = client_for(complaints_manager).get(url("record_new")).content.decode()
    assert 'name="complainant_email"' in page and 'name="preferred_contact"' in page
    assert 'name="reference"' not in page

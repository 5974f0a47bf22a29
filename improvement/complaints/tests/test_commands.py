"""The complaints commands: report, import, overdue email and retention."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from improvement.complaints.models import ComplaintsSettings
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.models import AuditEntry

HEADER = (
    "reference,received_on,kind,process,not_logged_reason,service,team,complainant_type,"
    "advocate,category,stage1_route,stage1_extended,stage1_responded_on,stage1_outcome,"
    "manager_contacted,stage2_requested_on,stage2_completed_on,stage2_outcome\n"
)
GOOD = (
    "R1,2023-04-03,complaint,statutory,,childrens_social_care,Leaving Care,"
    "looked_after_or_care_leaver,yes,delay/failed  service,formal,no,14/04/2023,upheld,yes,,,\n"
    "R2,2023-04-04,complaint,not_logged,court_related,childrens_social_care,,,,,,,,,,,,\n"
    "R3,2023-04-05,compliment,,,education,SEN,parent_or_guardian,,,,,,,,,,\n"
)


def write(tmp_path, text):
    path = tmp_path / "register.csv"
    path.write_text(HEADER + text)
    return path


def test_import_writes_every_row_and_matches_categories_loosely(council, tmp_path):
    call_command(
        "import_complaints", str(write(tmp_path, GOOD)), council="testshire", stdout=io.StringIO()
    )
    assert council.representations.count() == 3
    r1 = council.representations.get(reference="R1")
    assert (r1.category, r1.advocate, r1.stage1_responded_on) == (
        "Delay/Failed Service",
        True,
        datetime.date(2023, 4, 14),
    )
    assert AuditEntry.objects.filter(verb="recorded").count() == 3


def test_import_with_any_error_names_row_and_column_and_writes_nothing(council, tmp_path):
    bad = GOOD + (
        "R4,2023-04-06,complaint,statutory,,childrens_social_care,SGO,parent_or_guardian,"
        "maybe,Staff Conduct,formal,,2023-04-20,upheld,,2023-04-10,,\n"
        "R5,2023-04-07,complaint,statutory,,childrens_social_care,SGO,aunt,,,formal,,,upheld,,,,\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_complaints", str(write(tmp_path, bad)), council="testshire", stderr=err
        )
    report = err.getvalue()
    assert "Row 5, column advocate" in report
    assert "Row 6, column complainant_type" in report
    assert council.representations.count() == 0


def test_import_refuses_stage2_before_the_stage1_response(council, tmp_path):
    row = (
        "R6,2023-04-06,complaint,statutory,,childrens_social_care,SGO,parent_or_guardian,"
        ",Staff Conduct,formal,,2023-04-20,upheld,,2023-04-10,,\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_complaints", str(write(tmp_path, row)), council="testshire", stderr=err
        )
    assert "Row 2, column stage2_requested_on: the stage 2 request is before" in err.getvalue()


def test_import_reads_xlsx(council, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["reference", "received_on", "kind", "process", "service", "team"])
    sheet.append(["X1", datetime.datetime(2023, 5, 1), "compliment", "", "education", "SEN"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    call_command("import_complaints", str(path), council="testshire", stdout=io.StringIO())
    assert council.representations.get(reference="X1").received_on == datetime.date(2023, 5, 1)


def test_unknown_council_is_an_error(db):
    with pytest.raises(CommandError, match="No council"):
        call_command("complaints_report", council="nowhere", year=2022, output="-")


def test_overdue_report_goes_to_complaints_managers(council, complaints_manager, board_manager):
    ComplaintFactory(council=council, reference="LATE-1", received_on=datetime.date(2024, 1, 2))
    ComplaintFactory(council=council, reference="FINE-1", received_on=datetime.date(2024, 2, 29))
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_overdue_complaints_report", council="testshire", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [complaints_manager.email]
    assert "LATE-1" in message.body and "FINE-1" not in message.body
    assert "Jo Example" not in message.body
    entry = AuditEntry.objects.get(verb="sent overdue complaints report")
    assert (entry.actor, entry.actor_name) == (None, "System (send_overdue_complaints_report)")
    assert AuditEntry.objects.filter(verb="emailed overdue complaints report").count() == 1


class RefusesTheFirstAddress(EmailBackend):
    def send_messages(self, messages):
        if any(m.to == ["head@example.org"] for m in messages):
            raise smtplib.SMTPRecipientsRefused({"head@example.org": (550, b"no such user")})
        return super().send_messages(messages)


def test_each_recipient_gets_their_own_email_and_a_refused_one_is_audited(
    council, complaints_manager, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusesTheFirstAddress"
    settings.EMAIL_ATTEMPTS = 2
    ComplaintsSettings.objects.create(council=council, overdue_report_to="head@example.org")
    ComplaintFactory(council=council, reference="LATE-1", received_on=datetime.date(2024, 1, 2))
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        call_command("send_overdue_complaints_report", council="testshire", stdout=io.StringIO())
    assert len(callbacks) == 2  # one task per message, after commit
    assert [m.to for m in mail.outbox] == [[complaints_manager.email]]
    failed = AuditEntry.objects.get(verb="could not email overdue complaints report")
    assert failed.after["to"] == "head@example.org" and failed.after["attempts"] == 2
    assert "no such user" in failed.after["reason"]
    assert AuditEntry.objects.get(verb="sent overdue complaints report")  # not rolled back


def test_the_overdue_report_and_anonymising_refuse_a_missing_actor(council):
    from django.core.exceptions import PermissionDenied

    from improvement.complaints.notify import send_overdue_report
    from improvement.complaints.services import add_representation, anonymise_closed_cases

    for call in (
        lambda: send_overdue_report(None, council),
        lambda: anonymise_closed_cases(None, council),
        lambda: add_representation(None, council, {"reference": "X"}),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert not AuditEntry.objects.exists()


def test_anonymise_blanks_personal_data_of_closed_cases_past_retention(council):
    old = ComplaintFactory(
        council=council,
        reference="OLD",
        received_on=datetime.date(2017, 5, 1),
        stage1_responded_on=datetime.date(2017, 5, 10),
        stage1_outcome="upheld",
    )
    recent = ComplaintFactory(
        council=council,
        reference="NEW",
        received_on=datetime.date(2022, 5, 1),
        stage1_responded_on=datetime.date(2022, 5, 10),
        stage1_outcome="upheld",
    )
    call_command("anonymise_complaints", council="testshire", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.complainant_name, old.stage1_outcome) == ("", "upheld")
    assert old.anonymised_at is not None
    assert recent.complainant_name == "Jo Example"
    [entry] = AuditEntry.objects.filter(verb="anonymised")
    assert entry.actor_name == "System (anonymise_complaints)"


def test_anonymise_leaves_open_cases(council):
    ComplaintFactory(council=council, reference="OPEN", received_on=datetime.date(2017, 5, 1))
    call_command("anonymise_complaints", council="testshire", stdout=io.StringIO())
    assert council.representations.get(reference="OPEN").complainant_name == "Jo Example"


def test_anonymising_also_removes_the_personal_data_from_the_audit_trail(
    council, complaints_manager
):
    from improvement.core import audit

    old = ComplaintFactory(
        council=council,
        reference="OLD",
        received_on=datetime.date(2017, 5, 1),
        stage1_responded_on=datetime.date(2017, 5, 10),
        stage1_outcome="upheld",
    )
    audit.record(complaints_manager, "recorded", old, None, audit.snapshot(old))
    call_command("anonymise_complaints", council="testshire", stdout=io.StringIO())
    history = list(audit.history_for(old))
    assert {entry.verb for entry in history} == {"recorded", "anonymised"}
    text = str([(entry.before, entry.after) for entry in history])
    assert "Jo Example" not in text

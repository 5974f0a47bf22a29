"""Exporting the plan: a workbook that opens cleanly and imports back unchanged."""

import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from improvement.core.models import AuditEntry
from improvement.plans.exporting import export_plan
from improvement.plans.importing import import_file
from improvement.plans.models import Action, Objective, Update
from improvement.plans.tests.factories import (
    ActionFactory,
    FindingFactory,
    ObjectiveFactory,
    UpdateFactory,
)


@pytest.fixture
def plan(council, council_org, police, owner_person, board_manager):
    front = ObjectiveFactory(council=council, ref="1", title="Front door", position=1)
    leavers = ObjectiveFactory(council=council, ref="", title="2024 care leavers", position=2)
    finding = FindingFactory(council=council)
    first = ActionFactory(
        objective=front,
        ref="1.10",
        title="=Audit contacts, referrals and enquiries",
        organisation=police,
        owners=[owner_person],
        start_on=datetime.date(2023, 9, 1),
        success_measure="95% of contacts decided in a day",
        extra={"Notes": "Asked by the board"},
    )
    first.findings.set([finding])
    UpdateFactory(action=first, as_of=datetime.date(2024, 1, 15), rating="red", reason="Old")
    UpdateFactory(
        action=first,
        as_of=datetime.date(2024, 2, 15),
        rating="amber",
        reason="Recruitment slipped",
        narrative="Half the audits done",
        support_needed="Two auditors",
    )
    done = ActionFactory(
        objective=leavers, ref="", title="Publish the local offer", organisation=council_org
    )
    UpdateFactory(
        action=done,
        as_of=datetime.date(2024, 2, 1),
        rating="blue",
        reason="Published",
        approval="accepted",
        reviewed_by=board_manager,
    )
    ActionFactory(
        objective=leavers,
        ref="2.2",
        title="Ongoing work",
        organisation=council_org,
        due_on=None,
        due_text="Ongoing",
    )
    return council


def _sheet(data):
    return load_workbook(io.BytesIO(data)).active


@pytest.mark.django_db
def test_export_writes_importable_headers_real_dates_and_a_frozen_bold_header(plan):
    sheet = _sheet(export_plan(plan))
    headers = [c.value for c in sheet[3]]
    assert headers[:15] == [
        "Ref", "Objective", "Finding", "Action", "Owner", "Organisation", "Start date",
        "Due date", "RAG", "RAG reason", "Progress update", "Update date", "Success measures",
        "Evidence of impact", "Support needed",
    ]  # fmt: skip
    assert headers[15] == "Notes"
    assert sheet["A3"].font.b
    assert sheet.freeze_panes == "A4"
    assert sheet.column_dimensions["D"].width == 50
    row = [c.value for c in sheet[4]]
    assert row[0] == "1.10"
    assert row[3] == "=Audit contacts, referrals and enquiries"
    assert row[7] == datetime.datetime(2024, 6, 30)
    assert sheet["H4"].is_date
    assert (row[8], row[9], row[10]) == ("Amber", "Recruitment slipped", "Half the audits done")
    assert row[15] == "Asked by the board"


@pytest.mark.django_db
def test_export_then_import_changes_nothing(plan, board_manager):
    data = export_plan(plan)
    before = (
        Objective.objects.count(),
        Action.objects.count(),
        Update.objects.count(),
        AuditEntry.objects.count(),
    )
    result = import_file(io.BytesIO(data), plan, board_manager, filename="plan.xlsx")
    assert result.errors == []
    assert (
        result.report().splitlines()[0].startswith("3 actions (0 created, 0 updated), 2 objectives")
    )
    assert (result.objectives_created, result.objectives_updated, result.updates_recorded) == (
        0,
        0,
        0,
    )
    assert (
        Objective.objects.count(),
        Action.objects.count(),
        Update.objects.count(),
        AuditEntry.objects.count(),
    ) == before


@pytest.mark.django_db
def test_export_command_writes_a_file(plan, tmp_path):
    path = tmp_path / "out.xlsx"
    call_command("export_plan", "--council", "testshire", "-o", str(path), stderr=io.StringIO())
    assert _sheet(path.read_bytes())["A1"].value == "Testshire Council improvement plan"


@pytest.mark.django_db
def test_export_command_writes_to_standard_output(plan, capsysbinary):
    call_command("export_plan", "--council", "testshire", "-o", "-")
    data = capsysbinary.readouterr().out
    assert data.startswith(b"PK")
    assert _sheet(data)["D5"].value == "Publish the local offer"


@pytest.mark.django_db
def test_text_saved_with_control_characters_still_exports(council):
    from improvement.plans.tests.factories import ActionFactory

    ActionFactory(council=council, title="Audit\x01 contacts\x0b weekly")
    book = load_workbook(io.BytesIO(export_plan(council)))
    titles = [cell.value for row in book.active.iter_rows() for cell in row]
    assert "Audit contacts\n weekly" in titles

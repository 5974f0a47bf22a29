"""Applying a plan workbook to a council: whole or not at all, and audited."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from improvement.accounts.models import Organisation, Person
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry
from improvement.plans.importing import import_file
from improvement.plans.models import Action, Objective, Update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

HEADERS = [
    "Ref",
    "Action",
    "Lead officer(s)",
    "Agency",
    "Target date",
    "RAG",
    "RAG reason",
    "Progress update",
    "Update date",
    "Notes",
]


def write_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def plan_rows():
    return [
        ["Improvement plan"],
        HEADERS,
        ["1 FRONT DOOR"],
        [
            "1.1",
            "Audit contacts",
            "Jo Bloggs and Sam Smith",
            "",
            "31/03/2024",
            "Amber/Green",
            "Slipping",
            "Audit half done",
            datetime.datetime(2024, 2, 1),
            "Board asked",
        ],
        [
            "1.2",
            "Publish thresholds",
            "Jo Bloggs",
            "Testshire Police",
            "Ongoing",
            "B",
            "Done",
            "",
            "",
            "",
        ],
    ]


def counts():
    return (
        Objective.objects.count(),
        Action.objects.count(),
        Update.objects.count(),
        Person.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def workbook(tmp_path):
    return write_xlsx(tmp_path / "plan.xlsx", plan_rows())


@pytest.mark.django_db
def test_import_creates_objectives_actions_owners_and_updates(council, board_manager, workbook):
    plan = import_file(workbook, council, board_manager)
    assert plan.errors == []
    assert plan.summary() == "2 actions (2 created, 0 updated), 1 objectives, 1 warnings, 0 errors"
    objective = council.objectives.get()
    assert (objective.ref, objective.title) == ("1", "FRONT DOOR")
    first = council.actions.get(ref="1.1")
    assert sorted(first.owners.values_list("name", flat=True)) == ["Jo Bloggs", "Sam Smith"]
    assert first.organisation.name == "Testshire Council"
    assert first.organisation.kind == Organisation.Kind.COUNCIL
    assert first.due_on == datetime.date(2024, 3, 31)
    assert first.extra == {"Notes": "Board asked"}
    update = first.updates.get()
    assert (update.as_of, update.rating, update.reason, update.narrative) == (
        datetime.date(2024, 2, 1),
        "amber",
        "Slipping",
        "Audit half done",
    )
    second = council.actions.get(ref="1.2")
    assert second.due_text == "Ongoing" and second.due_on is None
    assert second.organisation.name == "Testshire Police"


@pytest.mark.django_db
def test_imported_blue_is_accepted_by_the_importing_user(council, board_manager, workbook):
    import_file(workbook, council, board_manager)
    blue = Update.objects.get(rating="blue")
    assert blue.approval == Update.Approval.ACCEPTED
    assert blue.reviewed_by == board_manager
    assert blue.created_by == board_manager


@pytest.mark.django_db
def test_every_write_is_audited_with_the_actor(council, board_manager, workbook):
    import_file(workbook, council, board_manager)
    entries = AuditEntry.objects.filter(council=council)
    assert entries.filter(verb="imported").count() >= 3
    assert set(entries.values_list("actor_name", flat=True)) == {"Penny Aubert"}


@pytest.mark.django_db
def test_command_imports_as_system_and_prints_the_report(council, workbook):
    out = io.StringIO()
    call_command("import_plan", str(workbook), "--council", "testshire", stdout=out)
    first = out.getvalue().splitlines()[0]
    assert first == "2 actions (2 created, 0 updated), 1 objectives, 1 warnings, 0 errors"
    assert "Header mapping:" in out.getvalue()
    names = set(AuditEntry.objects.values_list("actor_name", flat=True))
    assert names == {"System (import_plan)"}


@pytest.mark.django_db
def test_command_records_the_named_user(council, board_manager, workbook):
    call_command(
        "import_plan",
        str(workbook),
        "--council",
        "testshire",
        "--user",
        "manager",
        stdout=io.StringIO(),
    )
    assert set(AuditEntry.objects.values_list("actor", flat=True)) == {board_manager.pk}


@pytest.mark.django_db
def test_unknown_rating_exits_1_and_writes_nothing(council, tmp_path):
    rows = plan_rows()
    rows[3][5] = "Purple"
    path = write_xlsx(tmp_path / "plan.xlsx", rows)
    before = counts()
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(path), "--council", "testshire", stdout=out)
    assert raised.value.returncode == 1
    assert counts() == before
    assert "Sheet 'Plan', row 4, column F (RAG): 'Purple' is not a rating." in out.getvalue()
    assert out.getvalue().splitlines()[0].endswith("1 errors")


@pytest.mark.django_db
def test_an_error_after_good_rows_writes_none_of_them(council, board_manager, tmp_path):
    rows = plan_rows()
    rows[4][5] = "Sort of"
    path = write_xlsx(tmp_path / "plan.xlsx", rows)
    before = counts()
    plan = import_file(path, council, board_manager)
    assert plan.errors and not plan.applied
    assert counts() == before


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_counts_what_would_change(council, workbook):
    before = counts()
    out = io.StringIO()
    call_command("import_plan", str(workbook), "--council", "testshire", "--dry-run", stdout=out)
    assert counts() == before
    assert out.getvalue().startswith("2 actions (2 created, 0 updated)")
    assert "Dry run: nothing was written." in out.getvalue()


@pytest.mark.django_db
def test_map_option_on_the_command(council, tmp_path):
    rows = [["Action", "Owner", "Kerfuffle", "RAG"], ["Audit", "Jo", "Dec 2024", "G"]]
    path = write_xlsx(tmp_path / "plan.xlsx", rows)
    call_command(
        "import_plan",
        str(path),
        "--council",
        "testshire",
        "--map",
        "Kerfuffle=due",
        stdout=io.StringIO(),
    )
    assert council.actions.get().due_on == datetime.date(2024, 12, 31)


@pytest.mark.django_db
def test_unknown_council_is_a_command_error(db, workbook):
    with pytest.raises(CommandError, match="No council has the slug 'nowhere'"):
        call_command("import_plan", str(workbook), "--council", "nowhere", stdout=io.StringIO())


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing(council, board_manager, workbook):
    import_file(workbook, council, board_manager)
    before = counts()
    plan = import_file(workbook, council, board_manager)
    assert (plan.created, plan.updated, plan.updates_recorded) == (0, 0, 0)
    assert counts() == before


@pytest.mark.django_db
def test_actions_are_matched_on_ref_and_updated(council, council_org, board_manager, workbook):
    objective = ObjectiveFactory(council=council, ref="1", title="Front door")
    action = ActionFactory(
        objective=objective, ref="1.1", title="Old title", organisation=council_org
    )
    plan = import_file(workbook, council, board_manager)
    assert (plan.created, plan.updated) == (1, 1)
    action.refresh_from_db()
    assert action.title == "Audit contacts"
    assert action.version == 2
    assert action.due_on == datetime.date(2024, 3, 31)
    assert action.due_changes.get().old_due_on == datetime.date(2024, 6, 30)
    assert council.objectives.count() == 1  # matched on ref "1"
    assert AuditEntry.objects.filter(verb="changed by import", object_id=str(action.pk)).exists()


@pytest.mark.django_db
def test_owners_are_people_of_the_council_reused_by_name(council, owner_person, tmp_path):
    rows = [["Action", "Owner", "RAG"], ["Audit", "olu owner; New Person", "G"]]
    import_file(write_xlsx(tmp_path / "p.xlsx", rows), council, SystemActor("test"))
    action = council.actions.get()
    assert set(action.owners.all()) == {owner_person, council.people.get(name="New Person")}

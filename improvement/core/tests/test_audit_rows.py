"""Audit entries read as words: labels for field names, labels for stored codes."""

import datetime

from improvement.accounts.tests.factories import OrganisationFactory
from improvement.complaints.models import Representation
from improvement.core import audit
from improvement.core.audit_rows import DETAILS, EMPTY, readable
from improvement.plans.models import Inspection
from improvement.plans.tests.factories import ActionFactory, InspectionFactory, ObjectiveFactory


def _shown(entry) -> tuple[dict[str, str], dict[str, str]]:
    (row,) = readable([entry])
    return dict(row.before), dict(row.after)


def test_a_date_and_a_choice_are_shown_by_label_and_in_words(council, board_manager):
    inspection = InspectionFactory(council=council)
    before = audit.snapshot(inspection)
    inspection.published_on = datetime.date(2024, 2, 7)
    inspection.kind = Inspection.Kind.ILACS
    entry = audit.record(board_manager, "changed", inspection, before, audit.snapshot(inspection))
    shown_before, shown_after = _shown(entry)
    assert shown_after["Published on"] == "7 February 2024"
    assert shown_before["Published on"] == "9 May 2023"
    assert shown_after["Kind"] == Inspection.Kind.ILACS.label
    assert shown_before["Kind"] == Inspection.Kind.FOCUSED_VISIT.label


def test_a_linked_record_is_named_and_an_empty_value_says_so(
    council, board_manager, owner_person, other_owner
):
    action = ActionFactory(objective=ObjectiveFactory(council=council), due_on=None)
    before = audit.snapshot(action)
    action.organisation = OrganisationFactory(council=council, name="Cambridgeshire Police")
    action.due_on = datetime.date(2025, 3, 31)
    action.save()
    action.owners.set([owner_person, other_owner.people.get()])
    entry = audit.record(board_manager, "changed", action, before, audit.snapshot(action))
    shown_before, shown_after = _shown(entry)
    assert shown_after["Organisation"] == "Cambridgeshire Police"
    assert shown_before["Due on"] == EMPTY
    assert shown_after["Due on"] == "31 March 2025"
    assert sorted(shown_after["Owners"].split(", ")) == ["Ada Other", "Olu Owner"]


def test_a_yes_or_no_is_shown_as_yes_or_no(council, board_manager, owner):
    entry = audit.record(
        board_manager, "deactivated", owner, {"is_active": True}, {"is_active": False}, council
    )
    assert _shown(entry) == ({"Active": "Yes"}, {"Active": "No"})


def test_a_field_with_no_label_of_its_own_reads_as_words(council, complaints_manager):
    case = Representation.objects.create(
        council=council,
        reference="C1",
        received_on=datetime.date(2024, 2, 1),
        kind="complaint",
        process="statutory",
        service="childrens_social_care",
        summary="Summary",
        stage1_route="informal",
    )
    entry = audit.record(complaints_manager, "recorded", case, None, audit.snapshot(case))
    _, shown = _shown(entry)
    assert shown["Stage 1 route"].startswith("Informal (answered within 3 working days")
    assert "Stage1 route" not in shown
    assert shown["Received on"] == "1 February 2024"


def test_a_value_kept_outside_any_field_is_still_words(council, board_manager):
    inspection = InspectionFactory(council=council)
    entry = audit.record(
        board_manager, "checked", inspection, None, {"child_rows": "deleted", "second_factor": True}
    )
    assert _shown(entry) == ({}, {"Child rows": "deleted", "Second factor": "Yes"})


def test_an_anonymised_value_stays_anonymised(council, board_manager):
    inspection = InspectionFactory(council=council)
    entry = audit.record(board_manager, "changed", inspection, {"title": "A"}, {"title": "B"})
    audit.redact(inspection, ["title"])
    entry.refresh_from_db()
    assert _shown(entry) == ({"Title": audit.REDACTED}, {"Title": audit.REDACTED})


def test_a_nested_record_is_said_to_be_kept_and_a_flat_one_is_read(council, board_manager):
    inspection = InspectionFactory(council=council)
    report = {"data_quality": {"list_1": {"rejected": {"missing_child_unique_id": 2}}}}
    scale = [{"code": "blue", "label": "Complete"}, {"code": "red", "label": "Off track"}]
    after = {"report": report, "rating_scale": scale, "extra": {"lead_officer": "Sam"}}
    entry = audit.record(board_manager, "checked", inspection, None, after)
    assert _shown(entry)[1] == {
        "Report": DETAILS,
        "Rating scale": "Complete, Off track",
        "Extra": "Lead officer: Sam",
    }


def test_a_label_django_guessed_from_a_name_reads_as_written(council, board_manager):
    from improvement.core.audit_rows import label_of
    from improvement.forward_plan.models import ForwardDecision

    assert label_of(ForwardDecision, "is_private") == "Private"
    assert label_of(None, "report_url") == "Report web address"
    assert label_of(None, "call_in_ends_on") == "Call-in ends on"
    assert label_of(Representation, "stage1_route") == "Stage 1 route"


def test_linked_records_kept_by_name_are_shown_by_that_name(council, board_manager):
    from improvement.meetings.tests.factories import BodyFactory

    board = BodyFactory(council=council, name="Improvement Board")
    named = {"reports_to": ["Cabinet", "Full Council"]}
    entry = audit.record(board_manager, "reporting routes set", board, {"reports_to": []}, named)
    assert _shown(entry) == ({"Reports to": EMPTY}, {"Reports to": "Cabinet, Full Council"})


def test_the_system_is_named_by_its_job_in_words(council):
    from improvement.core.actors import SystemActor

    inspection = InspectionFactory(council=council)
    entry = audit.record(SystemActor("send_agenda_pack_email"), "emailed", inspection)
    assert readable([entry])[0].who == "System (send agenda pack email)"

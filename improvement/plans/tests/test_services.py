import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from improvement.core.models import AuditEntry
from improvement.core.tracking import StaleEdit
from improvement.plans import services
from improvement.plans.models import Update
from improvement.plans.picture import plan_picture
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

UPDATE = {
    "as_of": datetime.date(2024, 2, 28),
    "rating": "green",
    "reason": "Recruited",
    "narrative": "Three social workers started",
    "support_needed": "",
}


@pytest.fixture
def action(council, owner_person):
    return ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])


def test_owner_records_an_update_on_their_own_action_and_it_is_audited(action, owner):
    update = services.record_update(owner, action, dict(UPDATE))
    assert update.created_by == owner
    entry = AuditEntry.objects.get(object_id=str(update.pk), verb="recorded update")
    assert entry.actor == owner and entry.after["rating"] == "green"


def test_owner_cannot_update_someone_elses_action(action, other_owner):
    with pytest.raises(PermissionDenied):
        services.record_update(other_owner, action, dict(UPDATE))
    assert not Update.objects.exists()


@pytest.mark.parametrize("role", ["councillor", "board_member", "complaints_manager", "chair"])
def test_readers_cannot_record_updates(action, cast, role):
    with pytest.raises(PermissionDenied):
        services.record_update(cast[role], action, dict(UPDATE))


@pytest.mark.parametrize("reason", ["  ", "\x01\x02\x1f", " \x00 \x0e "])
def test_a_rating_needs_a_reason_that_reads_as_one(action, owner, reason):
    """Control characters are cleaned out of the record, so they are no reason either."""
    with pytest.raises(ValidationError):
        services.record_update(owner, action, {**UPDATE, "reason": reason})
    assert not Update.objects.exists()


def test_archiving_needs_a_reason_that_reads_as_one(action, board_manager):
    with pytest.raises(ValidationError):
        services.archive_action(board_manager, action, "\x01\x02", action.version)


def test_owner_cannot_rate_blue_without_approval(action, owner, council):
    update = services.record_update(owner, action, {**UPDATE, "rating": "blue"})
    assert update.approval == Update.Approval.PROPOSED
    assert plan_picture(council).actions[0].rating == "not_rated"


def test_chair_accepts_a_proposed_blue_and_it_then_counts(action, owner, chair, council):
    update = services.record_update(owner, action, {**UPDATE, "rating": "blue"})
    services.accept_completion(chair, update, "Evidence of impact seen in audits")
    update.refresh_from_db()
    assert (update.approval, update.reviewed_by) == (Update.Approval.ACCEPTED, chair)
    assert plan_picture(council).actions[0].complete


def test_returning_a_blue_needs_a_comment_and_it_never_counts(action, owner, chair, council):
    update = services.record_update(owner, action, {**UPDATE, "rating": "blue"})
    with pytest.raises(ValidationError):
        services.return_completion(chair, update, "")
    services.return_completion(chair, update, "Show the audit results first")
    assert not plan_picture(council).actions[0].complete


def test_only_chair_or_board_manager_decide_on_completion(action, owner):
    update = services.record_update(owner, action, {**UPDATE, "rating": "blue"})
    with pytest.raises(PermissionDenied):
        services.accept_completion(owner, update)


def test_board_manager_blue_is_accepted_at_once(action, board_manager):
    update = services.record_update(board_manager, action, {**UPDATE, "rating": "blue"})
    assert update.approval == Update.Approval.ACCEPTED


def test_second_save_of_the_same_action_is_refused_and_names_who_changed_it(
    action, board_manager, chair
):
    loaded_version = action.version
    services.change_action(board_manager, action, {"title": "First edit"}, loaded_version)
    stale = type(action).objects.get(pk=action.pk)
    with pytest.raises(StaleEdit) as refused:
        services.change_action(board_manager, stale, {"title": "Second edit"}, loaded_version)
    assert "Penny Aubert changed this on 1 March 2024" in str(refused.value)
    action.refresh_from_db()
    assert action.title == "First edit"


def test_due_date_moves_only_by_reprofiling_with_a_reason(action, board_manager):
    with pytest.raises(ValidationError):
        services.change_action(
            board_manager, action, {"due_on": datetime.date(2025, 1, 1)}, action.version
        )
    with pytest.raises(ValidationError):
        services.reprofile_action(
            board_manager, action, datetime.date(2025, 1, 1), "", action.version
        )
    services.reprofile_action(
        board_manager,
        action,
        datetime.date(2025, 1, 1),
        "Waiting for the new case system",
        action.version,
    )
    change = action.due_changes.get()
    assert (change.old_due_on, change.new_due_on) == (
        datetime.date(2024, 6, 30),
        datetime.date(2025, 1, 1),
    )
    assert change.reason == "Waiting for the new case system"


def test_archiving_keeps_the_record_and_the_reason(action, board_manager, council):
    services.archive_action(board_manager, action, "Merged into A2", action.version)
    action.refresh_from_db()
    assert action.is_archived and action.archive_reason == "Merged into A2"
    assert plan_picture(council).actions == []
    assert AuditEntry.objects.filter(verb="archived", object_id=str(action.pk)).exists()


def test_objective_with_live_actions_cannot_be_archived(action, board_manager):
    with pytest.raises(ValidationError):
        services.archive_objective(
            board_manager, action.objective, "Done", action.objective.version
        )


def test_only_the_board_manager_changes_the_plan(action, cast):
    for role in ("owner", "chair", "councillor", "board_member"):
        with pytest.raises(PermissionDenied):
            services.change_action(cast[role], action, {"title": "x"}, action.version)


def test_audit_entry_records_before_and_after(action, board_manager):
    original = action.title
    services.change_action(board_manager, action, {"title": "Renamed"}, action.version)
    entry = AuditEntry.objects.filter(verb="changed").get()
    assert entry.before == {"title": original}
    assert entry.after["title"] == "Renamed"
    assert "version" not in entry.after


def test_second_save_of_the_same_update_is_refused_and_nothing_is_lost(
    action, owner, board_manager
):
    update = services.record_update(owner, action, dict(UPDATE))
    loaded = update.version
    services.change_update(owner, update, {**UPDATE, "reason": "Owner's correction"}, loaded)
    stale = Update.objects.get(pk=update.pk)
    with pytest.raises(StaleEdit):
        services.change_update(board_manager, stale, {**UPDATE, "reason": "Manager's"}, loaded)
    update.refresh_from_db()
    assert update.reason == "Owner's correction"


def test_an_owner_cannot_correct_another_owners_update(action, owner, other_owner, owner_person):
    update = services.record_update(owner, action, dict(UPDATE))
    with pytest.raises(PermissionDenied):
        services.change_update(other_owner, update, dict(UPDATE), update.version)

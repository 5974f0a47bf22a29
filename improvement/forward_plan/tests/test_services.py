"""Adding, advertising, taking and publishing decisions; editions and their supersession."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from improvement.core.models import AuditEntry
from improvement.forward_plan import editions, queries, services
from improvement.forward_plan.models import Edition, ForwardDecision
from improvement.forward_plan.presenters import edition_parts
from improvement.forward_plan.tests.factories import ScrutinyFactory

D = datetime.date


def data(**fields):
    values = {
        "title": "Education IT System Award",
        "description": "To approve the award of the new IT system for Education Services.",
        "is_key": True,
        "maker_kind": "member",
        "maker_name": "Councillor Jackie Allen",
        "maker_portfolio": "Cabinet Member for Children's Services and Education",
        "expected_month": D(2023, 11, 1),
        "contact": "Chris Stromberg",
        "contact_email": "chris@example.gov.uk",
    }
    values.update(fields)
    return values


@pytest.fixture
def edition(board_manager, council):
    return editions.create_edition(board_manager, council, D(2023, 10, 20), D(2023, 11, 20))


def test_a_key_decision_gets_the_editions_reference(board_manager, council, edition):
    first = services.add_decision(board_manager, council, data())
    second = services.add_decision(board_manager, council, data(title="Second"))
    assert first.reference == "KEY/20NOV23/01"
    assert second.reference == "KEY/20NOV23/02"
    assert edition.entries.get(decision=first).part == 1
    assert AuditEntry.objects.filter(verb="decision added", object_id=str(first.pk)).exists()


def test_only_the_board_manager_adds_decisions(councillor, council, edition):
    with pytest.raises(PermissionDenied):
        services.add_decision(councillor, council, data())


def test_the_key_decision_test_refuses_a_key_decision_marked_non_key(board_manager, council):
    with pytest.raises(ValidationError, match="This is a key decision: spending or saving"):
        services.add_decision(board_manager, council, data(is_key=False, amount=600_000))


def test_a_private_decision_needs_its_paragraph(board_manager, council):
    with pytest.raises(ValidationError, match="paragraph of Schedule 12A"):
        services.add_decision(board_manager, council, data(is_private=True))


def test_parts_of_the_draft(board_manager, council, edition):
    private = services.add_decision(
        board_manager, council, data(is_private=True, exempt_paragraph=3)
    )
    non_key = services.add_decision(board_manager, council, data(is_key=False))
    assert edition.entries.get(decision=private).part == 2
    assert edition.entries.get(decision=non_key).part == 3
    assert non_key.reference == ""


def test_publishing_freezes_and_carries_forward_to_the_next_edition(
    board_manager, council, edition
):
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    decision.refresh_from_db()
    assert decision.first_notice_on == D(2023, 10, 20)
    following = queries.draft_edition(council)
    assert following.published_on == D(2023, 11, 3)
    entry = following.entries.get(decision=decision)
    assert entry.previously_advertised and entry.part == 1
    # The published edition keeps what it printed when the decision changes later.
    services.change_decision(board_manager, decision, {"title": "Renamed"}, decision.version)
    frozen = edition.entries.get(decision=decision)
    assert frozen.row["title"] == "Education IT System Award"
    assert following.entries.get(decision=decision).decision.title == "Renamed"


def test_a_published_edition_refuses_change(board_manager, council, edition):
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    with pytest.raises(ValidationError, match="is frozen"):
        editions.place(edition, decision)
    with pytest.raises(ValidationError, match="is frozen"):
        editions.publish_edition(board_manager, edition)


def test_each_edition_supersedes_the_last(board_manager, council, edition):
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    following = queries.draft_edition(council)
    editions.publish_edition(board_manager, following)
    edition.refresh_from_db()
    assert queries.current_edition(council) == following
    assert queries.superseded_by(edition) == following
    assert queries.superseded_by(following) is None
    # Still advertised from its first edition, so the rule counts from 20 October.
    decision.refresh_from_db()
    assert decision.first_notice_on == D(2023, 10, 20)
    third = queries.draft_edition(council)
    assert third.published_on == D(2023, 11, 17)
    assert third.entries.get(decision=decision).previously_advertised


def test_decisions_taken_or_withdrawn_are_not_carried_forward(board_manager, council, edition):
    taken = services.add_decision(board_manager, council, data(is_key=False))
    withdrawn = services.add_decision(board_manager, council, data(title="Dropped"))
    services.take_decision(board_manager, taken, D(2023, 10, 25), "Approved")
    services.withdraw_decision(board_manager, withdrawn, "No longer needed")
    assert not edition.entries.exists()


def test_a_key_decision_in_the_seed_edition_may_be_taken_on_20_november_2023(
    board_manager, council, edition
):
    # Seed 003: the edition of 20 October 2023 is headed "KEY DECISIONS FROM 20 NOVEMBER 2023".
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    services.take_decision(board_manager, decision, D(2023, 11, 20), "Approved the award")
    decision.refresh_from_db()
    assert decision.status == "taken" and decision.taken_on == D(2023, 11, 20)


def test_a_council_counting_working_days_waits_until_30_november_2023(
    board_manager, council, edition
):
    services.change_settings(board_manager, council, {"clear_days_counting": "working"}, None)
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    with pytest.raises(ValidationError, match="20 clear days before 20 November 2023"):
        services.take_decision(board_manager, decision, D(2023, 11, 20), "Approved")
    services.take_decision(board_manager, decision, D(2023, 11, 30), "Approved")


def test_an_edition_never_prints_a_date_the_rule_would_refuse(board_manager, council):
    with pytest.raises(ValidationError, match="may be taken from 18 November 2023"):
        editions.create_edition(board_manager, council, D(2023, 10, 20), D(2023, 11, 17))
    edition = editions.create_edition(board_manager, council, D(2023, 10, 20))
    assert edition.decisions_from == D(2023, 11, 18)


def test_changing_to_working_days_moves_the_draft_editions_heading_on(
    board_manager, council, edition
):
    services.change_settings(board_manager, council, {"clear_days_counting": "working"}, None)
    edition.refresh_from_db()
    assert edition.decisions_from == D(2023, 11, 30)
    assert editions.heading_problem(edition) == ""


def test_taking_a_key_decision_too_soon_is_refused_with_the_reason(board_manager, council):
    edition = editions.create_edition(board_manager, council, D(2024, 1, 26))
    decision = services.add_decision(board_manager, council, data())
    editions.publish_edition(board_manager, edition)
    with pytest.raises(ValidationError) as refused:
        services.take_decision(board_manager, decision, D(2024, 2, 22), "Approved")
    message = " ".join(refused.value.messages)
    assert "at least 28 clear days before it is taken" in message
    assert "published on 26 January 2024, 26 clear days before 22 February 2024" in message
    decision.refresh_from_db()
    assert decision.status == "planned"


def test_taking_a_key_decision_after_28_clear_days_publishes_it_for_call_in(
    board_manager, council, edition
):
    scrutiny = ScrutinyFactory(council=council)
    decision = services.add_decision(board_manager, council, data(scrutiny=scrutiny))
    editions.publish_edition(board_manager, edition)
    services.take_decision(board_manager, decision, D(2023, 11, 30), "Approved the award")
    decision.refresh_from_db()
    assert decision.status == "taken"
    record = decision.record
    assert record.kind == "executive" and record.scrutiny == scrutiny
    assert record.published_on == D(2023, 11, 30)
    assert record.call_in_ends_on == D(2023, 12, 5)
    assert "KEY/20NOV23/01" in record.text


def test_special_urgency_lets_it_be_taken_and_lists_it_in_part_4(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    services.record_special_urgency(
        board_manager,
        decision,
        "The contract ends on 31 March",
        "Councillor Chair, Children and Education Scrutiny Committee",
        D(2024, 2, 28),
    )
    services.take_decision(board_manager, decision, D(2024, 3, 1), "Approved")
    draft = queries.draft_edition(council)
    entry = draft.entries.get(decision=decision)
    assert entry.part == 4
    parts = edition_parts(draft, queries.entries_of(draft))
    row = parts[3].sections[0].rows[0]
    assert row["date"] == "1 March 2024" and row["urgency_route"] == "Special urgency"
    assert row["urgency"].startswith(
        "Special urgency (regulation 11): Councillor Chair, Children and Education Scrutiny "
        "Committee agreed on 28 February 2024 that the decision was urgent"
    )
    editions.publish_edition(board_manager, draft)
    assert not queries.draft_edition(council).entries.filter(decision=decision).exists()


def test_urgency_needs_a_reason_and_the_chairs_agreement(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    with pytest.raises(ValidationError, match="reason"):
        services.record_special_urgency(board_manager, decision, " ", "Chair", D.today())
    with pytest.raises(ValidationError, match="scrutiny chair"):
        services.record_special_urgency(board_manager, decision, "Why", "", None)


def test_special_urgency_without_the_chairs_agreement_is_refused(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    with pytest.raises(ValidationError, match="Name the scrutiny chair who agreed"):
        services.record_special_urgency(board_manager, decision, "Why", "Cllr Chair", None)
    with pytest.raises(ValidationError, match="Record the general exception"):
        services.take_decision(board_manager, decision, D(2024, 3, 1), "Approved")
    decision.refresh_from_db()
    assert decision.status == "planned" and decision.urgency_route == ""


def test_general_exception_with_the_chair_informed_is_accepted(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    services.record_general_exception(
        board_manager,
        decision,
        "Grant conditions arrived late",
        "Councillor Chair",
        informed_on=D(2024, 2, 20),
        notice_on=D(2024, 2, 20),
    )
    decision.refresh_from_db()
    assert decision.urgency_agreed_on is None
    services.take_decision(board_manager, decision, D(2024, 2, 26), "Approved")
    decision.refresh_from_db()
    assert decision.status == "taken"
    row = (
        edition_parts(
            queries.draft_edition(council), queries.entries_of(queries.draft_edition(council))
        )[3]
        .sections[0]
        .rows[0]
    )
    assert row["urgency"].startswith(
        "General exception (regulation 10): Councillor Chair was informed in writing on "
        "20 February 2024; notice was published on 20 February 2024."
    )


def test_general_exception_waits_five_clear_days(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    services.record_general_exception(
        board_manager, decision, "Grant", "Chair", D(2024, 2, 26), D(2024, 2, 26)
    )
    with pytest.raises(ValidationError, match="not before 3 March 2024"):
        services.take_decision(board_manager, decision, D(2024, 3, 1), "Approved")


def test_a_general_exception_needs_its_notice_and_the_chair_informed(board_manager, council):
    decision = services.add_decision(board_manager, council, data())
    with pytest.raises(ValidationError, match="informed in writing"):
        services.record_general_exception(board_manager, decision, "Why", "Chair", None, D.today())
    with pytest.raises(ValidationError, match="public notice"):
        services.record_general_exception(board_manager, decision, "Why", "Chair", D.today(), None)


def test_scrutiny_adds_a_decision_to_its_work_programme(board_manager, council):
    scrutiny = ScrutinyFactory(council=council)
    decision = services.add_decision(board_manager, council, data(scrutiny=scrutiny))
    item = services.add_to_work_programme(board_manager, decision)
    assert item.body == scrutiny and "KEY/" in item.title
    with pytest.raises(ValidationError, match="already on a work programme"):
        services.add_to_work_programme(board_manager, decision)


def test_editions_must_move_forward(board_manager, council, edition):
    editions.publish_edition(board_manager, edition)
    with pytest.raises(ValidationError, match="must follow"):
        editions.create_edition(board_manager, council, D(2023, 10, 1))
    assert Edition.objects.filter(council=council).count() == 2
    assert ForwardDecision.objects.count() == 0

"""A member's request for a call-in, others joining it, and the constitution's count:
voting members by default, the council's number and rule in its settings."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, PersonFactory, UserFactory
from improvement.core.models import AuditEntry
from improvement.forward_plan import call_in
from improvement.forward_plan.models import ForwardPlanSettings
from improvement.meetings.models import Body, BodyMembership
from improvement.meetings.tests.factories import BodyFactory, BodyMembershipFactory

CLOSED = datetime.date(2024, 3, 7)  # the day after the call-in period of a decision of 1 March


def _councillor(council, council_org, name, body=None, **seat):
    user = UserFactory(username=name.lower().replace(" ", "_"), first_name=name)
    MembershipFactory(user=user, council=council, organisation=council_org, role=Role.COUNCILLOR)
    person = PersonFactory(council=council, name=name, user=user)
    if body is not None:
        BodyMembershipFactory(body=body, person=person, role_title="Councillor", **seat)
    return user


@pytest.fixture
def scrutiny(council):
    body = BodyFactory(
        council=council, slug="scrutiny", kind=Body.Kind.SCRUTINY, name="Children Scrutiny"
    )
    officer = PersonFactory(council=council, name="Scrutiny Officer", email="so@example.invalid")
    BodyMembershipFactory(body=body, person=officer, role_title="Officer", position="secretariat")
    return body


@pytest.fixture
def members(council, council_org, scrutiny):
    co_opted = BodyMembership.CoOpted
    return {
        "a": _councillor(council, council_org, "Member A", scrutiny),
        "b": _councillor(council, council_org, "Member B", scrutiny),
        "c": _councillor(council, council_org, "Member C", scrutiny),
        "non_voting": _councillor(
            council,
            council_org,
            "Parish Member",
            scrutiny,
            voting=False,
            co_opted=co_opted.NON_STATUTORY,
        ),  # fmt: skip
        "co_opted": _councillor(
            council, council_org, "Diocese Member", scrutiny, co_opted=co_opted.STATUTORY
        ),
        "outsider": _councillor(council, council_org, "Not On It"),
    }


@pytest.fixture
def decision(council, board_manager, scrutiny):
    day = datetime.date(2024, 3, 1)
    return call_in.publish_executive_decision(
        board_manager, council, "Close a children's centre", day, "Cabinet", day, scrutiny
    )


def _settings(council, **values):
    ForwardPlanSettings.objects.update_or_create(council=council, defaults=values)


def _called_in(decision):
    decision.refresh_from_db()
    return decision.called_in_on


def test_three_voting_members_call_a_decision_in_and_the_officer_is_told_after_commit(
    decision, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = call_in.start_call_in(members["a"], decision, "Consultation was too short")
        call_in.join_call_in(members["b"], decision)
    assert not _called_in(decision) and not mail.outbox
    assert call_in.progress(decision).more_needed == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_in.join_call_in(members["c"], decision)
    assert _called_in(decision) == datetime.date(2024, 3, 1)
    assert sorted(p.name for p in decision.called_in_by.all()) == [
        "Member A",
        "Member B",
        "Member C",
    ]
    assert request.requested_by.name == "Member A"
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {"call-in requested", "joined call-in", "called in", "emailed call-in"} <= verbs
    assert [m.to for m in mail.outbox] == [["so@example.invalid"]]
    assert "Consultation was too short" in mail.outbox[0].body


def test_the_council_setting_names_the_officer_and_the_number(council, decision, members):
    _settings(council, call_in_members_needed=2, call_in_email="calls@example.invalid")
    call_in.start_call_in(members["a"], decision, "Reasons")
    call_in.join_call_in(members["b"], decision)
    assert _called_in(decision)
    assert call_in.officer_emails(decision) == ["calls@example.invalid"]


def test_a_non_voting_member_is_refused_by_default(decision, members):
    call_in.start_call_in(members["a"], decision, "Reasons")
    with pytest.raises(ValidationError, match="non-voting member of Children Scrutiny"):
        call_in.join_call_in(members["non_voting"], decision)
    assert "non-voting" in call_in.refusal(members["non_voting"], decision)


def test_when_the_constitution_counts_every_member_a_non_voting_member_counts(
    council, decision, members
):
    _settings(council, call_in_counts=ForwardPlanSettings.CallInCount.ALL)
    call_in.start_call_in(members["non_voting"], decision, "Reasons")
    call_in.join_call_in(members["a"], decision)
    assert call_in.progress(decision).counted == 2
    call_in.join_call_in(members["b"], decision)
    assert _called_in(decision)


def test_a_voting_co_opted_member_counts_unless_only_elected_members_do(council, decision, members):
    call_in.start_call_in(members["co_opted"], decision, "Reasons")
    assert call_in.progress(decision).counted == 1
    _settings(council, call_in_counts=ForwardPlanSettings.CallInCount.ELECTED)
    progress = call_in.progress(decision)
    assert progress.counted == 0 and progress.more_needed == 3
    assert [counted for _, counted in progress.supporters] == [False]
    with pytest.raises(ValidationError, match="only elected members"):
        call_in.join_call_in(members["co_opted"], decision)


@pytest.mark.parametrize(
    ("who", "on", "message"),
    [
        ("outsider", None, "You are not a current member of Children Scrutiny"),
        ("a", CLOSED, "The call-in period ended on 6 March 2024"),
        ("a", datetime.date(2024, 2, 29), "The decision is published on 1 March 2024"),
    ],
)
def test_a_request_is_refused_outside_the_window_or_the_committee(
    decision, members, who, on, message
):
    with pytest.raises(ValidationError, match=message):
        call_in.start_call_in(members[who], decision, "Reasons", on=on)
    assert call_in.request_of(decision) is None


def test_one_request_a_decision_and_one_signature_a_member(decision, members):
    call_in.start_call_in(members["a"], decision, "Reasons")
    with pytest.raises(ValidationError, match="already been requested"):
        call_in.start_call_in(members["b"], decision, "Other reasons")
    with pytest.raises(ValidationError, match="already joined"):
        call_in.join_call_in(members["a"], decision)
    assert call_in.refusal(members["a"], decision) == "You have already joined this call-in"
    with pytest.raises(ValidationError, match="period ended"):
        call_in.join_call_in(members["b"], decision, on=CLOSED)
    assert call_in.progress(decision).counted == 1


def test_a_member_whose_seat_has_ended_is_no_longer_counted(decision, members):
    call_in.start_call_in(members["a"], decision, "Reasons")
    BodyMembership.objects.filter(person__name="Member A").update(ends_on=datetime.date(2024, 3, 1))
    assert call_in.progress(decision, on=datetime.date(2024, 3, 4)).counted == 0


def test_only_councillors_ask_for_a_call_in(board_manager, decision, members):
    with pytest.raises(PermissionDenied):
        call_in.start_call_in(board_manager, decision, "Reasons")


def test_a_call_in_recorded_on_paper_counts_only_the_members_the_constitution_counts(
    board_manager, council, decision, members
):
    people = [u.people.get() for u in (members["a"], members["b"], members["non_voting"])]
    with pytest.raises(ValidationError, match="voting members only"):
        call_in.request_call_in(board_manager, decision, people)
    _settings(council, call_in_counts=ForwardPlanSettings.CallInCount.ALL)
    call_in.request_call_in(board_manager, decision, people)
    assert _called_in(decision)


def url(decision, name):
    return reverse(f"forward_plan:{name}", args=[decision.council.slug, decision.pk])


def test_a_member_requests_a_call_in_checking_their_answers_and_others_join_it(
    decision, members, client_for
):
    client = client_for(members["a"])
    page = client.get(url(decision, "call_in_detail")).content.decode()
    assert "No call-in has been requested" in page and "Request a call-in" in page
    empty = client.post(url(decision, "call_in_request"), {"reasons": ""})
    assert "Enter your reasons for calling the decision in" in empty.content.decode()
    response = client.post(url(decision, "call_in_request"), {"reasons": "Not consulted"})
    assert response["Location"] == url(decision, "call_in_check")
    check = client.get(url(decision, "call_in_check")).content.decode()
    assert "Check your request for a call-in" in check and "Not consulted" in check
    assert not decision.__class__.objects.get(pk=decision.pk).called_in_on
    response = client.post(url(decision, "call_in_check"))
    assert response["Location"] == url(decision, "call_in_detail")
    page = client.get(url(decision, "call_in_detail")).content.decode()
    assert "1 of 3 members counted; 2 more needed" in page and "Member A (requested it)" in page

    client = client_for(members["b"])
    confirm = client.get(url(decision, "call_in_join")).content.decode()
    assert "Join the call-in of this decision?" in confirm and "Not consulted" in confirm
    assert client.post(url(decision, "call_in_join")).status_code == 302
    page = client.get(url(decision, "call_in_detail")).content.decode()
    assert "2 of 3 members counted; 1 more needed" in page and "Member B" in page
    listing = client.get(reverse("forward_plan:executive_decisions", args=["testshire"]))
    assert "2 members have asked" in listing.content.decode()
    client_for(members["c"]).post(url(decision, "call_in_join"))
    assert _called_in(decision)


@pytest.mark.parametrize(
    ("who", "page", "message"),
    [
        ("outsider", "call_in_request", "You are not a current member of Children Scrutiny"),
        ("non_voting", "call_in_request", "the constitution counts only voting members"),
        ("a", "call_in_join", "No call-in of this decision has been requested yet"),
    ],
)
def test_each_refusal_is_named_on_the_page(decision, members, client_for, who, page, message):
    response = client_for(members[who]).get(url(decision, page))
    assert message in response.content.decode()
    assert "<form" not in response.content.decode().split('id="main-content"')[-1]


def test_an_already_joined_member_and_a_closed_window_are_named(
    decision, members, client_for, time_machine
):
    call_in.start_call_in(members["a"], decision, "Reasons")
    client = client_for(members["a"])
    assert "already joined" in client.get(url(decision, "call_in_join")).content.decode()
    time_machine.move_to(datetime.datetime(2024, 3, 7, 12, tzinfo=datetime.UTC))
    page = client_for(members["b"]).get(url(decision, "call_in_detail")).content.decode()
    assert "The call-in period ended on 6 March 2024" in page
    response = client_for(members["b"]).post(url(decision, "call_in_join"))
    assert "The call-in period ended on 6 March 2024" in response.content.decode()
    assert not _called_in(decision)


def test_the_list_of_executive_decisions_keeps_its_query_count_as_requests_grow(
    council, board_manager, scrutiny, decision, members, client_for
):
    call_in.start_call_in(members["a"], decision, "Reasons")
    client = client_for(members["b"])
    listing = reverse("forward_plan:executive_decisions", args=[council.slug])
    with CaptureQueriesContext(connection) as one:
        client.get(listing)
    day = datetime.date(2024, 3, 1)
    for n in range(3):
        more = call_in.publish_executive_decision(
            board_manager, council, f"Decision {n}", day, "Cabinet", day, scrutiny
        )
        call_in.start_call_in(members["a"], more, "Reasons")
        call_in.join_call_in(members["b"], more)
    with CaptureQueriesContext(connection) as four:
        page = client.get(listing).content.decode()
    assert page.count("2 members have asked") == 3
    assert len(four) == len(one)


@pytest.mark.parametrize(
    ("role", "status"), [("chair", 200), ("board_manager", 200), ("other_officer", 404)]
)
def test_the_call_in_page_is_read_in_the_council_and_nowhere_else(
    cast, decision, client_for, role, status
):
    response = client_for(cast[role]).get(url(decision, "call_in_detail"))
    assert response.status_code == status
    if status == 200:
        assert "Only a councillor on the scrutiny committee" in response.content.decode()
        post = client_for(cast[role]).post(url(decision, "call_in_join"))
        assert post.status_code == 403

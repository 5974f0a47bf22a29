"""The start page: a panel for each of the person's roles, most pressing first, each at
a fixed number of queries however much there is to show (docs/adr/031)."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.models import Membership, Person, Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory
from improvement.annex_a.models import AnnexAImport
from improvement.board import start as start_panels
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.evidence.models import UpdateRequest, UpdateRequestRecipient
from improvement.meetings.models import Body, Decision, ForwardItem, MeetingAction
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

NEXT_BOARD = datetime.datetime(2024, 3, 20, 14, 0, tzinfo=datetime.UTC)


def start(council):
    return reverse("board:start", args=[council.slug])


def _board_meeting(council, starts_at=NEXT_BOARD, **kwargs):
    return MeetingFactory(body=BodyFactory(council=council), starts_at=starts_at, **kwargs)


def _owned_actions(council, owner_person, n):
    objective = ObjectiveFactory(council=council)
    return [ActionFactory(objective=objective, owners=[owner_person]) for _ in range(n)]


def _request(council, person, title="Board of 20 March 2024", due=datetime.date(2024, 3, 8)):
    request = UpdateRequest.objects.create(council=council, title=title, due_on=due)
    return UpdateRequestRecipient.objects.create(request=request, person=person)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_signing_in_lands_on_the_start_page(council, owner, client_for):
    response = client_for(owner).get(reverse("home"))
    assert response["Location"] == start(council)


def test_the_dashboard_stays_one_link_away(council, owner, client_for):
    body = client_for(owner).get(start(council)).content.decode()
    assert reverse("board:dashboard", args=[council.slug]) in body
    assert client_for(owner).get(reverse("board:dashboard", args=[council.slug])).status_code == 200


def test_action_owner_sees_their_actions_the_requests_waiting_and_what_the_board_asked(
    council, owner, owner_person, other_owner, client_for
):
    (mine,) = _owned_actions(council, owner_person, 1)
    theirs = ActionFactory(objective=mine.objective, title="Someone else's action")
    UpdateFactory(action=mine, as_of=datetime.date(2024, 2, 10), rating="amber")
    meeting = _board_meeting(council, starts_at=datetime.datetime(2024, 2, 7, tzinfo=datetime.UTC))
    MeetingAction.objects.create(
        council=council, meeting=meeting, text="Bring the audit results", plan_action=mine
    )
    recipient = _request(council, owner_person)
    _request(council, other_owner.people.get(), title="Not for Olu")

    body = client_for(owner).get(start(council)).content.decode()

    assert mine.title in body and theirs.title not in body
    assert "10 February 2024" in body and "Amber" in body
    assert "Bring the audit results" in body
    assert reverse("evidence:request_answer", args=[council.slug, recipient.token]) in body
    assert "Not for Olu" not in body
    assert reverse("plans:update_create", args=[council.slug, mine.pk]) in body


def test_what_the_board_asked_under_an_exempt_item_is_not_shown_to_an_owner_off_the_board(
    council, owner, owner_person, client_for
):
    (mine,) = _owned_actions(council, owner_person, 1)
    meeting = _board_meeting(council, starts_at=datetime.datetime(2024, 2, 7, tzinfo=datetime.UTC))
    secret = AgendaItemFactory(meeting=meeting, title="Named staff", exempt_paragraph=1)
    MeetingAction.objects.create(
        council=council, meeting=meeting, item=secret, text="Report on the named officer",
        plan_action=mine,
    )  # fmt: skip

    body = client_for(owner).get(start(council)).content.decode()

    assert mine.title in body
    assert "Report on the named officer" not in body


def test_action_owner_start_page_costs_the_same_for_one_action_or_twenty(
    council, owner, owner_person, client_for
):
    client = client_for(owner)
    first = _owned_actions(council, owner_person, 1)
    UpdateFactory(action=first[0])
    _request(council, owner_person)
    one = _queries(client, start(council))
    for action in _owned_actions(council, owner_person, 19):
        UpdateFactory(action=action)
    _request(council, owner_person, title="Another")
    assert _queries(client, start(council)) == one


def test_chair_sees_completions_and_minutes_first_then_the_next_meeting_and_papers(
    council, chair, client_for
):
    action = ActionFactory(objective=ObjectiveFactory(council=council))
    UpdateFactory(action=action, rating="blue", approval="proposed")
    held = _board_meeting(council, starts_at=datetime.datetime(2024, 2, 7, tzinfo=datetime.UTC))
    held.minutes_status = "draft"
    held.save()
    item = AgendaItemFactory(meeting=_board_meeting(council), title="Progress report")

    body = client_for(chair).get(start(council)).content.decode()

    assert body.index("Completions awaiting your decision") < body.index("Next meeting")
    assert reverse("plans:completion_decide", args=[council.slug, action.updates.get().pk]) in body
    assert "7 February 2024" in body and "draft minutes" in body
    assert item.title in body and "20 March 2024" in body


def test_an_exempt_item_is_shown_in_full_to_a_councillor_who_sits_on_the_body(
    council, councillor, client_for
):
    scrutiny = BodyFactory(council=council, slug="scrutiny", kind=Body.Kind.SCRUTINY)
    BodyMembershipFactory(body=scrutiny, person=_person_of(councillor))
    meeting = MeetingFactory(body=scrutiny, starts_at=NEXT_BOARD)
    AgendaItemFactory(meeting=meeting, title="Open item")
    AgendaItemFactory(meeting=meeting, title="Secret placement costs", exempt_paragraph=3)

    body = client_for(councillor).get(start(council)).content.decode()

    assert "Open item" in body
    # A current member of the body sees exempt items (meetings.permissions).
    assert "Secret placement costs" in body
    assert "Exempt: paragraph 3 of Schedule 12A" not in body


def test_an_exempt_item_is_named_by_paragraph_only_to_a_reader_who_may_not_see_it(
    council, councillor
):
    scrutiny = BodyFactory(council=council, slug="scrutiny", kind=Body.Kind.SCRUTINY)
    meeting = MeetingFactory(body=scrutiny, starts_at=NEXT_BOARD)
    AgendaItemFactory(meeting=meeting, title="Open item")
    AgendaItemFactory(meeting=meeting, title="Secret placement costs", exempt_paragraph=3)

    # The meeting as a panel shows it to a councillor who does not sit on the body.
    html = render_to_string(
        "board/start/_meeting.html",
        {"next": start_panels._meeting(councillor, meeting), "council": council},
    )

    assert "Open item" in html
    assert "Secret placement costs" not in html
    assert "Exempt: paragraph 3 of Schedule 12A" in html


def _person_of(user):
    return Person.objects.create(council=user.memberships.get().council, name=str(user), user=user)


def test_councillor_sees_committees_call_ins_and_officer_requests(council, councillor, client_for):
    scrutiny = BodyFactory(council=council, slug="scrutiny", kind=Body.Kind.SCRUTINY, name="CYP")
    BodyMembershipFactory(body=scrutiny, person=_person_of(councillor))
    meeting = MeetingFactory(body=scrutiny, starts_at=NEXT_BOARD)
    held = MeetingFactory(
        body=scrutiny, starts_at=datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    )
    MeetingAction.objects.create(
        council=council, meeting=held, kind="officer_request", text="Send the sufficiency data"
    )
    Decision.objects.create(
        council=council,
        kind="executive",
        text="Close the Oak Lodge home",
        decided_on=datetime.date(2024, 2, 27),
        published_on=datetime.date(2024, 2, 28),
        call_in_ends_on=datetime.date(2024, 3, 6),
    )

    body = client_for(councillor).get(start(council)).content.decode()

    assert "CYP" in body and f"/meetings/{meeting.pk}/" in body
    assert "Close the Oak Lodge home" in body and "6 March 2024" in body
    assert "Send the sufficiency data" in body


def test_board_manager_sees_the_board_cycle_and_who_has_not_replied(
    council, board_manager, owner_person, other_owner, client_for
):
    meeting = _board_meeting(council)
    ForwardItem.objects.create(
        body=meeting.body,
        meeting=meeting,
        title="Audit report",
        final_deadline=datetime.date(2024, 2, 28),
    )
    _request(council, owner_person)
    replied = _request(council, other_owner.people.get())
    replied.responded_at = datetime.datetime(2024, 2, 29, tzinfo=datetime.UTC)
    replied.save()

    body = client_for(board_manager).get(start(council)).content.decode()

    assert "Audit report" in body and "Overdue" in body
    # Five clear working days before Wednesday 20 March: publish by Tuesday 12 March.
    assert "publish by 12 March 2024" in body
    assert owner_person.name in body and other_owner.people.get().name not in body


def test_complaints_manager_sees_open_stages_overdue_first(council, complaints_manager, client_for):
    ComplaintFactory(council=council, reference="C-LATE", received_on=datetime.date(2024, 1, 2))
    ComplaintFactory(council=council, reference="C-NEW", received_on=datetime.date(2024, 2, 28))

    body = client_for(complaints_manager).get(start(council)).content.decode()

    assert body.index("C-LATE") < body.index("C-NEW")
    assert "1 overdue" in body


def test_complaints_manager_start_page_costs_the_same_for_two_cases_or_thirty(
    council, complaints_manager, client_for
):
    client = client_for(complaints_manager)
    ComplaintFactory.create_batch(2, council=council)
    two = _queries(client, start(council))
    ComplaintFactory.create_batch(28, council=council)
    assert _queries(client, start(council)) == two


def test_performance_officer_sees_the_latest_import_and_its_checks(
    council, performance_officer, client_for
):
    AnnexAImport.objects.create(
        council=council,
        reference_date=datetime.date(2024, 1, 31),
        file_name="annex-a-jan.xlsx",
        status="done",
        report={"warnings": ["Dates run past the reference date"]},
    )
    body = client_for(performance_officer).get(start(council)).content.decode()
    assert "annex-a-jan.xlsx" in body and "31 January 2024" in body
    assert "Dates run past the reference date" in body


def test_a_person_with_several_roles_sees_the_most_pressing_panel_first(
    council, owner, owner_person, council_org, client_for
):
    Membership.objects.create(
        user=owner, council=council, organisation=council_org, role=Role.COMPLAINTS_MANAGER
    )
    _owned_actions(council, owner_person, 1)
    ComplaintFactory(council=council, received_on=datetime.date(2024, 1, 2))

    body = client_for(owner).get(start(council)).content.decode()

    assert body.index("Open complaint stages") < body.index("Your actions")


def test_a_stranger_to_the_council_finds_no_start_page(council, other_officer, client_for):
    assert client_for(other_officer).get(start(council)).status_code == 404


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.COUNCIL_ADMIN])
def test_a_role_without_a_panel_is_pointed_to_the_dashboard(council, council_org, role, client):
    user = UserFactory(username="reader")
    MembershipFactory(user=user, council=council, organisation=council_org, role=role)
    client.force_login(user)
    body = client.get(start(council)).content.decode()
    assert "Nothing here waits on you" in body


def test_board_manager_start_page_costs_the_same_for_one_reply_outstanding_or_ten(
    council, board_manager, owner_person, client_for
):
    from improvement.accounts.tests.factories import PersonFactory

    client = client_for(board_manager)
    meeting = _board_meeting(council)
    AgendaItemFactory(meeting=meeting)
    ForwardItem.objects.create(body=meeting.body, meeting=meeting, title="Report 0")
    _request(council, owner_person)
    one = _queries(client, start(council))
    for n in range(1, 10):
        AgendaItemFactory(meeting=meeting)
        ForwardItem.objects.create(body=meeting.body, meeting=meeting, title=f"Report {n}")
        _request(council, PersonFactory(council=council, name=f"Owner {n}"))
    assert _queries(client, start(council)) == one


def _executive(council, text, scrutiny=None, item=None):
    return Decision.objects.create(
        council=council,
        kind="executive",
        text=text,
        decided_on=datetime.date(2024, 2, 27),
        published_on=datetime.date(2024, 2, 28),
        call_in_ends_on=datetime.date(2024, 3, 6),
        scrutiny=scrutiny,
        item=item,
        meeting=item.meeting if item else None,
    )


def _councillor_panel(user, council):
    (panel,) = start_panels.panels_for(user, council, datetime.date(2024, 3, 1))
    return panel


def test_a_councillor_sees_the_call_ins_for_their_own_scrutiny_committee_and_those_naming_none(
    council, councillor, client_for
):
    mine = BodyFactory(council=council, slug="cyp", kind=Body.Kind.SCRUTINY, name="CYP")
    theirs = BodyFactory(council=council, slug="adults", kind=Body.Kind.SCRUTINY, name="Adults")
    BodyMembershipFactory(body=mine, person=_person_of(councillor))
    _executive(council, "Close the Oak Lodge home", scrutiny=mine)
    _executive(council, "Raise the care charges", scrutiny=theirs)
    unnamed = _executive(council, "Merge the two hubs")
    _executive(council, "Already called in", scrutiny=mine).__class__.objects.filter(
        text="Already called in"
    ).update(called_in_on=datetime.date(2024, 2, 29))

    body = client_for(councillor).get(start(council)).content.decode()

    assert "Close the Oak Lodge home" in body and "Merge the two hubs" in body
    assert "Raise the care charges" not in body and "Already called in" not in body
    assert "no scrutiny committee named" in body
    assert reverse("forward_plan:call_in_detail", args=[council.slug, unnamed.pk]) in body
    assert _councillor_panel(councillor, council).waiting == 2


def test_a_councillor_on_no_committee_sees_only_the_call_ins_naming_none(council, councillor):
    other = BodyFactory(council=council, slug="cyp", kind=Body.Kind.SCRUTINY)
    _executive(council, "For another committee", scrutiny=other)
    _executive(council, "Names none")
    panel = _councillor_panel(councillor, council)
    assert [open.text for open in panel.context["call_ins"]] == ["Names none"]


def test_a_decision_under_an_exempt_item_is_named_by_paragraph_only_to_a_councillor_off_its_body(
    council, councillor, client_for
):
    scrutiny = BodyFactory(council=council, slug="cyp", kind=Body.Kind.SCRUTINY)
    BodyMembershipFactory(body=scrutiny, person=_person_of(councillor))
    cabinet = BodyFactory(council=council, slug="cabinet", kind=Body.Kind.CABINET, name="Cabinet")
    held = MeetingFactory(
        body=cabinet, starts_at=datetime.datetime(2024, 2, 27, tzinfo=datetime.UTC)
    )
    secret = AgendaItemFactory(meeting=held, title="Named provider", exempt_paragraph=3)
    _executive(council, "Award the contract to Acme Care Ltd", scrutiny=scrutiny, item=secret)

    body = client_for(councillor).get(start(council)).content.decode()

    assert "Acme Care" not in body
    assert "Exempt: paragraph 3 of Schedule 12A" in body and "6 March 2024" in body

    BodyMembershipFactory(body=cabinet, person=councillor.people.get())
    councillor = type(councillor).objects.get(pk=councillor.pk)  # a fresh permission cache
    assert "Award the contract to Acme Care Ltd" in (
        client_for(councillor).get(start(council)).content.decode()
    )


def test_the_councillor_panel_costs_the_same_for_one_call_in_or_ten(
    council, councillor, client_for
):
    scrutiny = BodyFactory(council=council, slug="cyp", kind=Body.Kind.SCRUTINY)
    BodyMembershipFactory(body=scrutiny, person=_person_of(councillor))
    cabinet = BodyFactory(council=council, slug="cabinet", kind=Body.Kind.CABINET)
    held = MeetingFactory(body=cabinet)
    _executive(
        council, "One", scrutiny=scrutiny, item=AgendaItemFactory(meeting=held, exempt_paragraph=3)
    )
    client = client_for(councillor)
    one = _queries(client, start(council))
    for n in range(9):
        item = AgendaItemFactory(meeting=held, exempt_paragraph=3 if n % 2 else None)
        _executive(council, f"Decision {n}", scrutiny=scrutiny, item=item)
    assert _queries(client, start(council)) == one


def test_a_paper_not_yet_due_reads_due_and_waits_on_nobody(council, board_manager, client_for):
    meeting = _board_meeting(council)
    ForwardItem.objects.create(
        body=meeting.body, meeting=meeting, title="Audit report",
        final_deadline=datetime.date(2024, 3, 12),
    )  # fmt: skip
    ForwardItem.objects.create(
        body=meeting.body, meeting=meeting, title="Sufficiency report",
        draft_deadline=datetime.date(2024, 3, 5),
    )  # fmt: skip
    ForwardItem.objects.create(body=meeting.body, meeting=meeting, title="Unscheduled report")

    body = client_for(board_manager).get(start(council)).content.decode()

    assert "Audit report: due 12 March 2024" in body
    assert "Sufficiency report: draft due 5 March 2024" in body
    assert "Unscheduled report: no deadline set" in body
    assert "Overdue" not in body
    (panel,) = start_panels.panels_for(board_manager, council, datetime.date(2024, 3, 1))
    assert panel.waiting == 0


def test_a_paper_past_its_deadline_and_not_received_is_overdue_and_waits(
    council, board_manager, client_for
):
    meeting = _board_meeting(council)
    ForwardItem.objects.create(
        body=meeting.body, meeting=meeting, title="Audit report",
        final_deadline=datetime.date(2024, 2, 28),
    )  # fmt: skip
    ForwardItem.objects.create(
        body=meeting.body, meeting=meeting, title="Received report",
        final_deadline=datetime.date(2024, 2, 28), report_received_on=datetime.date(2024, 2, 27),
    )  # fmt: skip

    body = client_for(board_manager).get(start(council)).content.decode()

    assert "Audit report: was due 28 February 2024" in body and "Overdue" in body
    assert "Received report: received 27 February 2024" in body
    (panel,) = start_panels.panels_for(board_manager, council, datetime.date(2024, 3, 1))
    assert panel.waiting == 1


def _import(council, name, status, created, **kwargs):
    record = AnnexAImport.objects.create(
        council=council, reference_date=datetime.date(2024, 1, 31), file_name=name,
        status=status, **kwargs,
    )  # fmt: skip
    AnnexAImport.objects.filter(pk=record.pk).update(
        created_at=datetime.datetime(2024, 2, created, tzinfo=datetime.UTC)
    )
    return record


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("queued", "Waiting to start"),
        ("running", "Reading the workbook"),
        ("failed", "Could not be imported"),
        ("ready", "Read: waiting for you to confirm"),
        ("undone", "Undone"),
    ],
)
def test_performance_officer_sees_the_latest_import_whatever_its_state(
    council, performance_officer, client_for, status, words
):
    _import(council, "annex-a-dec.xlsx", "done", 1)
    latest = _import(council, "annex-a-jan.xlsx", status, 2, error="Sheet 'List 1' is missing")

    body = client_for(performance_officer).get(start(council)).content.decode()

    assert "annex-a-jan.xlsx" in body and words in body
    assert reverse("annex_a:import_status", args=[council.slug, latest.pk]) in body
    # The import whose figures the board reads is named beside it.
    assert "Figures in use" in body and "annex-a-dec.xlsx" in body
    if status == "ready":
        assert reverse("annex_a:import_preview", args=[council.slug, latest.pk]) in body
    if status == "failed":
        assert "Sheet &#x27;List 1&#x27; is missing" in body


def test_a_failed_or_unconfirmed_import_waits_on_the_performance_officer(
    council, performance_officer
):
    _import(council, "annex-a-jan.xlsx", "failed", 2)
    (panel,) = start_panels.panels_for(performance_officer, council, datetime.date(2024, 3, 1))
    assert panel.waiting == 1
    _import(council, "annex-a-feb.xlsx", "ready", 3)
    (panel,) = start_panels.panels_for(performance_officer, council, datetime.date(2024, 3, 1))
    assert panel.waiting == 1 and panel.context["record"].file_name == "annex-a-feb.xlsx"

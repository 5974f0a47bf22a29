"""The governance record: who is a member and who the secretariat, seat by seat
attendance (a partner who stays away is absent, not missing), whether members vote and
meetings are open, the terms of reference in full, and the board's standing."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.accounts.tests.factories import OrganisationFactory, PersonFactory
from improvement.meetings import services
from improvement.meetings.models import Body, Meeting
from improvement.meetings.queries import bodies_of
from improvement.meetings.tests.factories import BodyFactory

UTC = datetime.UTC
FIRST = datetime.datetime(2024, 1, 10, 14, tzinfo=UTC)
RESPONSIBILITIES = [f"Responsibility number {n}" for n in range(1, 13)]


def _create(manager, council, slug, kind, **settings):
    data = {"slug": slug, "name": slug.title(), "kind": kind, "standing": "formal", **settings}
    return services.create_body(manager, council, data)


def test_a_new_board_neither_votes_nor_meets_in_public_and_a_committee_does(council, board_manager):
    board = _create(board_manager, council, "board", Body.Kind.IMPROVEMENT_BOARD)
    scrutiny = _create(board_manager, council, "scrutiny", Body.Kind.SCRUTINY)
    assert (board.members_vote, board.meets_in_public) == (False, False)
    assert (scrutiny.members_vote, scrutiny.meets_in_public) == (True, True)
    voting_board = _create(
        board_manager, council, "other", Body.Kind.IMPROVEMENT_BOARD, members_vote=True
    )
    assert voting_board.members_vote and not voting_board.meets_in_public


def test_a_new_board_meeting_is_private_by_default_and_publishes_its_papers(council, board_manager):
    board = _create(board_manager, council, "board", Body.Kind.IMPROVEMENT_BOARD)
    meeting = services.schedule_meeting(board_manager, board, FIRST, "Town Hall")
    assert not meeting.held_in_public and meeting.is_public
    series = services.schedule_series(board_manager, board, FIRST, until=datetime.date(2024, 3, 1))
    assert series and not any(m.held_in_public for m in series)
    opened = services.schedule_meeting(
        board_manager, board, FIRST + datetime.timedelta(days=1), held_in_public=True
    )
    assert opened.held_in_public
    scrutiny = _create(board_manager, council, "scrutiny", Body.Kind.SCRUTINY)
    assert services.schedule_meeting(board_manager, scrutiny, FIRST).held_in_public


def test_the_schedule_form_offers_the_body_default_and_saves_a_private_meeting(
    council, board_manager, client_for
):
    board = _create(board_manager, council, "board", Body.Kind.IMPROVEMENT_BOARD)
    client = client_for(board_manager)
    url = reverse("meetings:meeting_create", args=[council.slug, board.slug])
    form = client.get(url).context["form"]
    assert form.initial["held_in_public"] is False and "held_in_public" in form.fields
    date = {"date_day": "10", "date_month": "4", "date_year": "2024"}
    data = {**date, "time": "14:00", "location": "Town Hall", "is_public": "on"}
    assert client.post(url, data).status_code == 302
    meeting = Meeting.objects.get(body=board)
    assert not meeting.held_in_public and meeting.is_public


def test_the_secretariat_is_not_a_member_has_no_vote_and_is_not_counted(council, board_manager):
    board = BodyFactory(council=council)
    manager = PersonFactory(council=council, name="Penny Aubert")
    seat = services.add_member(
        board_manager,
        board,
        {"person": manager, "role_title": "Board Manager", "position": "secretariat"},
    )
    services.add_member(board_manager, board, {"role_title": "Member", "position": "member"})
    assert not seat.voting and not seat.counts_as_member and seat.is_secretariat
    assert seat.get_position_display() == "Secretariat (not a member)"
    assert bodies_of(council).get(pk=board.pk).member_count == 1


@pytest.fixture
def board_table(council, board_manager):
    """A board: an independent chair sitting for no organisation, the DfE's seat, the
    police's seat (the police never come), a member, and the secretariat."""
    dfe = OrganisationFactory(council=council, name="Department for Education", kind="dfe")
    police = OrganisationFactory(council=council, name="Testshire Police", kind="police")
    board = _create(board_manager, council, "board", Body.Kind.IMPROVEMENT_BOARD)
    seats = [
        ("Independent Chair", "Sally Rowe", None, "chair", "", True),
        ("DfE representative", "Dee Eff", dfe, "member", "dfe", False),
        (
            "Representative from the Police",
            "Pat Police",
            police,
            "member",
            "safeguarding_partner",
            False,
        ),  # noqa: E501
        ("Chief Executive", "Cee Ee", None, "member", "officer", False),
        ("Board Manager", "Penny Aubert", None, "secretariat", "", False),
    ]
    people = {}
    for title, name, org, position, seat, independent in seats:
        people[title] = PersonFactory(council=council, name=name, organisation=org)
        services.add_member(
            board_manager,
            board,
            {
                "person": people[title],
                "role_title": title,
                "organisation": org,
                "position": position,
                "seat": seat,
                "independent": independent,
            },
        )
    meeting = services.schedule_meeting(board_manager, board, FIRST, "Town Hall")
    for title in ("Independent Chair", "DfE representative"):
        services.record_attendance(board_manager, meeting, people[title], "present")
    services.record_attendance(board_manager, meeting, people["Chief Executive"], "apologies")
    services.record_attendance(
        board_manager, meeting, people["Board Manager"], "in_attendance", capacity="Secretariat"
    )
    return board, meeting


def _rows(html):
    table = html[html.index("<caption") : html.index("</table>", html.index(">Attendance<"))]
    return {
        row.split("</th>")[0].rsplit(">", 1)[1]: row
        for row in table.split('<tr class="govuk-table__row">')[2:]
    }


def test_the_meeting_page_lists_every_seat_the_police_absent_and_the_chair_not_the_dfe(
    council, board_manager, client_for, board_table
):
    _board, meeting = board_table
    client = client_for(board_manager)
    html = client.get(reverse("meetings:meeting_detail", args=[council.slug, meeting.pk]))
    html = html.content.decode()
    html = html[html.index(">Attendance<") - 100 :]
    rows = _rows(html)
    assert list(rows) == [
        "Independent Chair",
        "DfE representative",
        "Representative from the Police",
        "Chief Executive",
    ]
    assert "Absent" in rows["Representative from the Police"]
    assert "Testshire Police" in rows["Representative from the Police"]
    assert "Independent" in rows["Independent Chair"]
    assert "Department for Education" not in rows["Independent Chair"]
    assert "Department for Education" in rows["DfE representative"]
    assert "Present" in rows["DfE representative"] and "Apologies" in rows["Chief Executive"]
    assert "2 of 4 members present" in html and "Absent: Testshire Police." in html
    assert "Secretariat (not members): Penny Aubert" in html
    assert "Members do not vote." in html


def test_before_attendance_is_taken_no_seat_is_marked_absent(council, board_manager):
    from improvement.meetings.presenters import attendance_by_seat

    board = _create(board_manager, council, "board", Body.Kind.IMPROVEMENT_BOARD)
    services.add_member(board_manager, board, {"role_title": "Vacant seat"})
    meeting = services.schedule_meeting(board_manager, board, FIRST)
    seats = attendance_by_seat(meeting, FIRST.date())
    assert [row.label for row in seats.seats] == ["Not recorded"]
    services.record_attendance(
        board_manager, meeting, PersonFactory(council=council), "in_attendance"
    )
    seats = attendance_by_seat(meeting, FIRST.date())
    assert [row.label for row in seats.seats] == ["Absent: no representative named"]
    assert len(seats.others) == 1


def test_the_body_page_shows_voting_only_where_the_body_votes(
    council, board_manager, client_for, board_table
):
    board, _meeting = board_table
    scrutiny = _create(board_manager, council, "scrutiny", Body.Kind.SCRUTINY)
    services.add_member(board_manager, scrutiny, {"role_title": "Co-opted member", "voting": False})
    client = client_for(board_manager)
    page = client.get(reverse("meetings:body_detail", args=[council.slug, board.slug]))
    page = page.content.decode()
    assert "Non-voting" not in page and "Voting." not in page
    assert "Members do not vote" in page and "Secretariat" in page
    assert "DfE representative" in page and "usually held in private" in page
    page = client.get(reverse("meetings:body_detail", args=[council.slug, "scrutiny"]))
    assert "Non-voting." in page.content.decode()


def test_the_terms_hold_purposes_scope_responsibilities_quorum_and_voting(
    council, board_manager, client_for
):
    board = BodyFactory(council=council)
    terms = services.add_terms_of_reference(
        board_manager,
        board,
        "Meetings will take place six weekly.",
        datetime.date(2023, 11, 1),
        approved_by_name="Full Council",
        purposes="First purpose\nSecond purpose\n\nThird purpose\nFourth purpose",
        scope="The areas of improvement identified by Ofsted.",
        responsibilities="\n".join(RESPONSIBILITIES),
        quorum=6,
        voting="Members do not vote.",
    )
    assert len(terms.purpose_list) == 4 and terms.responsibility_list == RESPONSIBILITIES
    with pytest.raises(ValidationError):
        services.add_terms_of_reference(
            board_manager, board, "x", datetime.date(2023, 11, 1), "Council", colour="red"
        )
    page = client_for(board_manager).get(
        reverse("meetings:body_detail", args=[council.slug, board.slug])
    )
    page = page.content.decode()
    assert page.count("<li>Responsibility number") == 12
    assert "govuk-list--number" in page and "6 members present" in page
    assert "Members do not vote." in page and "Fourth purpose" in page


def test_the_terms_form_saves_every_part(council, board_manager, client_for):
    board = BodyFactory(council=council)
    url = reverse("meetings:terms_add", args=[council.slug, board.slug])
    data = {
        "purposes": "One\nTwo",
        "scope": "Scope",
        "responsibilities": "\n".join(RESPONSIBILITIES),
        "quorum": "",
        "voting": "By the chair",
        "text": "Six weekly",
        "approved_on_day": "1",
        "approved_on_month": "11",
        "approved_on_year": "2023",
        "approved_by_name": "Full Council",
    }
    assert client_for(board_manager).post(url, data).status_code == 302
    terms = board.terms.get()
    assert terms.quorum is None and len(terms.responsibility_list) == 12
    assert terms.voting == "By the chair"


def test_the_standing_is_the_notice_not_statute_and_old_rows_move(council):
    board = BodyFactory(council=council)
    assert "Required by the DfE Improvement Notice" in board.get_standing_display()
    assert "statutory" not in Body.Standing.values
    migration = __import__("improvement.meetings.migrations.0004_governance_record", fromlist=["x"])
    Body.objects.filter(pk=board.pk).update(standing="statutory", members_vote=True)
    migration.record_as_the_documents_say(apps, None)
    board.refresh_from_db()
    assert board.standing == "notice" and not board.members_vote and not board.meets_in_public


def test_a_private_board_meeting_still_publishes_its_papers_and_minutes_but_no_exempt_item(
    council, board_manager, client_for
):
    board = BodyFactory(council=council)
    meeting = services.schedule_meeting(board_manager, board, FIRST, "Town Hall")
    services.add_agenda_item(board_manager, meeting, "Plan progress", description="Open words")
    services.add_agenda_item(
        board_manager, meeting, "Staffing", description="Secret words", exempt_paragraph=1
    )
    services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 1, 2))
    assert not meeting.held_in_public
    page = client_for(None).get(reverse("public:meeting", args=[council.slug, meeting.pk]))
    page = page.content.decode()
    assert "Open words" in page and "Secret words" not in page
    assert "Exempt: paragraph 1 of Schedule 12A" in page
    assert "held in private" in page and "papers and minutes are published" in page

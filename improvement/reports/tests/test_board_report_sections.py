"""The board report's sections a board reads before its figures: the front sheet as
the officer wrote it (or its defaults), partner updates, the DfE's review, the notice's
deadline, the asks for capacity, and the key; no measure codes and counts that agree."""

import datetime
import re

from django.urls import reverse

from improvement.documents.render import render
from improvement.evidence.tests.factories import MeasureFactory, monthly
from improvement.meetings import minutes
from improvement.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from improvement.plans.models import Finding
from improvement.plans.tests.factories import (
    ActionFactory,
    FindingFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)
from improvement.reports import board, partners, services
from improvement.reports.build import build_document
from improvement.reports.tests.factories import board_meeting

D = datetime.date


def _section(document, anchor):
    return next(section for section in document.sections if section.anchor == anchor)


def _draft(actor, meeting):
    return services.create_report(
        actor, meeting.council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )


def test_the_front_sheet_defaults_to_the_agenda_item_and_the_author(council, board_manager):
    meeting = board_meeting(council)
    AgendaItemFactory(meeting=meeting, number=1, title="Welcome and apologies")
    AgendaItemFactory(
        meeting=meeting,
        number=3,
        title="Improvement plan progress",
        report_author="Director of Children's Services",
    )
    document = build_document(_draft(board_manager, meeting))
    front = dict(document.header)
    assert front["Agenda item"] == "Item 3: Improvement plan progress"
    assert front["Report author"] == "Penny Aubert"
    assert front["Presented by"] == "Director of Children's Services"
    assert "7 February 2024" in front["Purpose of the report"]
    assert front["Decision sought"].startswith("The board is asked to note")
    assert document.headings[0] == "Recommendations to the board"


def test_a_report_not_on_the_agenda_says_so_and_the_author_presents_it(council, board_manager):
    document = build_document(_draft(board_manager, board_meeting(council)))
    front = dict(document.header)
    assert front["Agenda item"] == "Not yet on the meeting's agenda"
    assert front["Presented by"] == "Penny Aubert"


def test_the_officer_edits_the_front_sheet_on_the_draft_form(council, board_manager, client_for):
    report = _draft(board_manager, board_meeting(council))
    client = client_for(board_manager)
    edit = reverse("reports:report_edit", args=["testshire", report.pk])
    form = client.get(edit).content.decode()
    assert 'name="section_agenda_item"' in form and 'name="section_decision"' in form
    assert "Not yet on the meeting&#x27;s agenda" in form  # the default, to change
    assert form.index('name="section_agenda_item"') < form.index('name="recommendations"')
    data = {
        "title": report.title,
        "version": report.version,
        "section_agenda_item": "Item 5",
        "section_author": "Penny Aubert, Improvement Board Manager",
        "section_presenter": "The Director of Children's Services",
        "section_purpose": "To update the board.",
        "section_decision": "To agree the recovery plan for the front door.",
        "recommendations": "1. Agree the recovery plan\n2. Note the partners' returns",
    }
    assert client.post(edit, data).status_code == 302
    report.refresh_from_db()
    assert report.sections["presenter"] == "The Director of Children's Services"
    document = build_document(report)
    assert dict(document.header)["Decision sought"] == data["section_decision"]
    assert document.sections[0].numbered == [
        "Agree the recovery plan",
        "Note the partners' returns",
    ]


def test_partner_updates_say_so_when_nothing_was_asked(council, board_manager):
    document = board.board_progress(board_meeting(council))
    assert _section(document, "partners").paragraphs == [partners.NOTHING_ASKED]
    assert _section(document, "partners").tables == []


def test_partner_updates_show_what_the_board_asked_and_what_came_back(
    council, board_manager, owner_person, other_owner
):
    earlier = board_meeting(council, D(2024, 1, 10))
    meeting = MeetingFactory(
        body=earlier.body, starts_at=datetime.datetime(2024, 2, 7, 14, tzinfo=datetime.UTC)
    )
    asked = minutes.add_meeting_action(
        board_manager, earlier, "Share the police audit of strategy meetings", owner_person,
        D(2024, 2, 1),
    )  # fmt: skip
    minutes.close_meeting_action(board_manager, asked, "Audit shared with the board", D(2024, 2, 1))
    minutes.add_meeting_action(
        board_manager, earlier, "Confirm the council's interim cover", other_owner.people.get()
    )
    minutes.add_meeting_action(
        board_manager, earlier, "Send the police missing-children data", owner_person, D(2024, 3, 1)
    )
    section = _section(board.board_progress(meeting), "partners")
    rows = section.tables[0].rows
    assert [row[2] for row in rows] == [
        "Share the police audit of strategy meetings",
        "Send the police missing-children data",
    ]  # the council's own officer is not a partner
    assert rows[0][1] == "Olu Owner (Testshire Police)"
    assert rows[0][3] == "Returned 1 February 2024: Audit shared with the board"
    assert rows[1][3] == "Nothing yet; due 1 March 2024"


def test_no_measure_code_in_print_and_counts_agree_in_number(council, board_manager):
    objective = ObjectiveFactory(council=council, title="Front door")
    action = ActionFactory(objective=objective, title="Screening tool", due_on=D(2025, 1, 31))
    UpdateFactory(action=action, rating="red", reason="No staff", support_needed="Two nurses")
    measure = MeasureFactory(council=council, code="sw_agency_pct", name="Agency social workers")
    measure.objectives.add(objective)
    monthly(measure, [30, 31, 32])
    NoticeFactory(council=council)
    document = board.board_progress(board_meeting(council))
    text = render(document, "html").decode()
    assert "sw_agency_pct" not in text and "Agency social workers" in text
    assert "1 of 1 action complete" not in text and "0 of 1 action complete" in text
    assert not re.search(r"\b1 (actions|objectives|measures|recommendations)\b", text)
    assert "1 action is slow to progress" in text
    capacity = _section(document, "capacity").tables[0].rows
    assert capacity[0][0].endswith("Front door") and "Two nurses" in capacity[0][2]
    deadline = _section(document, "deadline")
    assert deadline.tables[0].rows[0][0].endswith("Screening tool")
    assert "42 weeks to the notice's deadline of 30 November 2024" in " ".join(deadline.paragraphs)


def test_the_review_section_has_the_latest_review_and_the_adviser_s_recommendations(
    council, board_manager
):
    notice = NoticeFactory(council=council)
    notice.reviews.create(held_on=D(2023, 11, 1), summary="First visit.")
    notice.reviews.create(held_on=D(2024, 1, 15), summary="Contacts improving.\n\nMASH weak.")
    notice.reviews.create(held_on=D(2024, 2, 20), summary="After the meeting.")
    FindingFactory(
        council=council, kind=Finding.Kind.ADVISER_RECOMMENDATION, ref="AR1",
        text="Report partners' contributions", made_on=D(2024, 1, 20),
    )  # fmt: skip
    section = _section(board.board_progress(board_meeting(council)), "review")
    assert section.paragraphs[:3] == [
        "The DfE's latest review of progress was held on 15 January 2024.",
        "Contacts improving.",
        "MASH weak.",
    ]
    assert "After the meeting." not in section.paragraphs
    assert "has made 1 recommendation, the newest first:" in section.paragraphs[-1]
    assert section.bullets == ["AR1 (20 January 2024): Report partners' contributions"]


def test_without_a_notice_the_review_and_deadline_sections_say_so(council, board_manager):
    document = board.board_progress(board_meeting(council))
    assert _section(document, "review").paragraphs == [
        "The council is not under an Improvement Notice."
    ]
    assert "No deadline applies" in _section(document, "deadline").paragraphs[0]


def test_the_key_gives_each_rating_its_label_colour_and_meaning(council, board_manager):
    key = _section(board.board_progress(board_meeting(council)), "key")
    actions = key.tables[0].rows
    assert actions[2] == [
        {"tag": "Amber", "tone": "orange"},
        "Orange",
        "At risk: some slippage or concern, recoverable",
    ]
    measures = key.tables[1].rows
    assert measures[0][0] == {"tag": "On target", "tone": "green"}

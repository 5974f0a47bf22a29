"""Shropshire, run its own way (seed 001): a voluntary board chaired by the Chief
Executive, advisory only, no DfE notice and no independent chair. The visit dates
within November 2023 are illustrative; the seed gives only the month, as are the
board's meeting dates (the seed says only that it was fully formed in January 2024)."""

import datetime

from django.db import transaction

from improvement.demo.meetings import Demo, add_members, record_seats
from improvement.demo.people import (
    SHROPSHIRE_ORGANISATIONS,
    SHROPSHIRE_OWNERS,
    SHROPSHIRE_SIGN_INS,
    build_cast,
    ensure_council,
    sign_in_rows,
)
from improvement.demo.plan import ActionSpec, ObjectiveSpec, ensure_record, load_plan
from improvement.demo.records import at
from improvement.demo.timeline import Story
from improvement.meetings import minutes, services
from improvement.meetings.models import Body, Meeting
from improvement.plans.models import Finding, Inspection

D = datetime.date
AREA = Finding.Kind.AREA_FOR_IMPROVEMENT

FINDINGS = [
    (
        "AFI1",
        "The quality of management oversight and decision-making in child protection practice.",
    ),
    ("AFI2", "Staff supervision: its regularity, quality and recording."),
    ("AFI3", "Appropriate challenge by child protection chairs."),
]

OBJECTIVES = [
    ObjectiveSpec(
        "S1",
        "Management oversight",
        "Decisions about children are timely, recorded and well reasoned",
        "Oversight at every key point in child protection work.",
        ["AFI1"],
    ),
    ObjectiveSpec(
        "S2",
        "Supervision",
        "Every practitioner has regular, reflective supervision",
        "Supervision that improves practice and supports staff.",
        ["AFI2"],
    ),
    ObjectiveSpec(
        "S3",
        "Independent challenge",
        "Child protection chairs challenge drift and poor plans",
        "Chairs' escalation used and effective.",
        ["AFI3"],
    ),
]


def _story(start: D, done: D, risk: str, progress: str, did: str) -> Story:
    return Story(start=start, done=done, risk=risk, progress=progress, did=did)


ACTIONS = {
    "S1": [
        ActionSpec(
            "S1.1",
            "Management oversight practice standard and recording template",
            "council",
            ["ad"],
            D(2024, 1, 15),
            D(2024, 5, 31),
            "Oversight recorded at key decisions in 80% of audited cases",
            "Case audits",
            ["AFI1"],
            _story(
                D(2024, 1, 15),
                D(2024, 5, 10),
                "template needs ICT change",
                "standard briefed to all managers",
                "Standard and template in use across child protection.",
            ),
        ),
        ActionSpec(
            "S1.2",
            "Monthly audits of child protection decision-making",
            "council",
            ["sqa"],
            D(2024, 2, 1),
            D(2024, 12, 31),
            "70% of audited decisions good or better",
            "Audit reports",
            ["AFI1"],
            _story(
                D(2024, 2, 1),
                D(2024, 12, 1),
                "auditor capacity",
                "audits running monthly",
                "Audit programme embedded.",
            ),
        ),
        ActionSpec(
            "S1.3",
            "Development programme for team managers on decision-making",
            "council",
            ["wf"],
            D(2024, 3, 1),
            D(2025, 3, 31),
            "Every team manager completes the programme",
            "Attendance; evaluations",
            ["AFI1"],
            _story(
                D(2024, 3, 1),
                D(2025, 3, 1),
                "provider procurement",
                "two cohorts completed",
                "Programme complete.",
            ),
        ),
    ],
    "S2": [
        ActionSpec(
            "S2.1",
            "Refreshed supervision policy with four-weekly reflective supervision",
            "council",
            ["ad"],
            D(2024, 1, 15),
            D(2024, 4, 30),
            "90% of staff supervised within four weeks",
            "Compliance report",
            ["AFI2"],
            _story(
                D(2024, 1, 15),
                D(2024, 4, 10),
                "policy consultation with unions",
                "policy agreed",
                "Policy live; compliance 92%.",
            ),
        ),
        ActionSpec(
            "S2.2",
            "Supervision quality audits with staff feedback",
            "council",
            ["sqa"],
            D(2024, 3, 1),
            D(2024, 11, 30),
            "Staff rate supervision good in 75% of responses",
            "Supervision audit; staff survey",
            ["AFI2"],
            _story(
                D(2024, 3, 1),
                D(2024, 11, 1),
                "survey timing",
                "first audit complete",
                "Two audit cycles complete.",
            ),
        ),
    ],
    "S3": [
        ActionSpec(
            "S3.1",
            "Escalation protocol for child protection chairs",
            "council",
            ["sqa"],
            D(2024, 1, 15),
            D(2024, 3, 31),
            "Escalations recorded and resolved within 20 working days",
            "Escalation log",
            ["AFI3"],
            _story(
                D(2024, 1, 15),
                D(2024, 3, 15),
                "chairs' workload",
                "protocol drafted with chairs",
                "Protocol in use.",
            ),
        ),
        ActionSpec(
            "S3.2",
            "Chairs' midway reviews of every child protection plan",
            "council",
            ["sqa"],
            D(2024, 2, 1),
            D(2024, 9, 30),
            "Midway review in 90% of plans",
            "Chairs' activity report",
            ["AFI3"],
            _story(
                D(2024, 2, 1),
                D(2024, 9, 1),
                "two chair vacancies",
                "midway reviews in 84% of plans",
                "Midway reviews embedded.",
            ),
        ),
        ActionSpec(
            "S3.3",
            "Board oversight report on chairs' challenge each quarter",
            "council",
            ["dp", "ceo"],
            D(2024, 4, 1),
            D(2025, 6, 30),
            "Quarterly report to the board",
            "Board papers",
            ["AFI3"],
            _story(
                D(2024, 4, 1),
                D(2025, 6, 1),
                "report format",
                "reports received quarterly",
                "Reporting embedded.",
            ),
        ),
    ],
}


def load_shropshire(today: datetime.date) -> list[tuple[str, str, str, str]]:
    council = ensure_council("shropshire", "Shropshire Council")
    cast = build_cast(council, SHROPSHIRE_ORGANISATIONS, SHROPSHIRE_SIGN_INS, SHROPSHIRE_OWNERS)
    # No independent chair: the board accepts Blue. (The DfE adviser who signs in as
    # `chair` only observes here, as a board member.)
    cast.users["chair"] = cast.users["manager"]
    if today >= D(2024, 1, 12):
        chain = {"findings": _chain(cast), "agreed": D(2024, 1, 12)}
        load_plan(cast, OBJECTIVES, ACTIONS, chain, today)
        load_board(cast.council, today)
    return sign_in_rows(cast, SHROPSHIRE_SIGN_INS)


def _chain(cast) -> dict[str, Finding]:
    inspection = ensure_record(
        cast.council,
        Inspection,
        {
            "council": cast.council,
            "kind": Inspection.Kind.FOCUSED_VISIT,
            "started_on": D(2023, 11, 7),
        },
        {
            "title": "Ofsted focused visit: child protection",
            "ended_on": D(2023, 11, 8),
            "published_on": D(2024, 1, 12),
        },
        created_at=at(D(2024, 1, 12)),
    )
    return {
        ref: ensure_record(
            cast.council,
            Finding,
            {"council": cast.council, "kind": AREA, "ref": ref},
            {"inspection": inspection, "text": text, "made_on": D(2024, 1, 12)},
            created_at=at(D(2024, 1, 12)),
        )
        for ref, text in FINDINGS
    }


# Seed 001, 2.2: the board's members; seats the seed names only by role are named by it.
# (role title, name, organisation key, position, independent, seat)
BOARD_MEMBERS = [
    ("Chief Executive", "Chief Executive", "council", "chair", False, "officer"),
    (
        "Portfolio Holder for Children and Education",
        "Councillor Kirstie Hurst-Knight",
        "council",
        "member",
        False,
        "elected_member",
    ),
    *[
        (
            "Opposition Member who sits on the Corporate Parenting Panel",
            f"Opposition Member, Corporate Parenting Panel ({n})",
            "council",
            "member",
            False,
            "elected_member",
        )
        for n in (1, 2)
    ],
    (
        "Chair of the People Overview and Scrutiny Committee",
        "Chair of the People Overview and Scrutiny Committee",
        "council",
        "member",
        False,
        "elected_member",
    ),
    (
        "Executive Director of People",
        "Executive Director of People",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Assistant Director Children's Social Care and Safeguarding",
        "Assistant Director Children's Social Care and Safeguarding",
        "council",
        "member",
        False,
        "officer",
    ),
    ("LGA representative", "LGA representative", "lga", "member", False, "adviser"),
    ("Children's Improvement Board Manager", "", "council", "secretariat", False, ""),
]

BOARD_DESCRIPTION = (
    "Set up voluntarily after the Ofsted focused visit of November 2023, a proactive "
    "decision rather than a direction from the DfE, and chaired by the Chief Executive. "
    "Including both Members and Officers, it cannot be a formal Council committee and is "
    "advisory: formal decisions on its recommendations are taken by the Executive Director "
    "of People and/or the Chief Executive, or by Cabinet for significant policy proposals. "
    "The People Overview and Scrutiny Committee oversees its operation."
)

# Seed 001 gives the role, scope and standing of the board; the terms themselves
# (Appendix 1 to the report) are not among the seeds, so nothing more is invented.
TERMS = {
    "purposes": "To oversee the implementation of the Improvement Plan.\n"
    "To ensure that the Council delivers on the Improvement Plan actions.",
    "scope": "The weaknesses in child protection practice identified during the Ofsted "
    "Focused Visit in November 2023, including the quality of management oversight and "
    "decision-making, staff supervision, and appropriate challenge by child protection "
    "chairs.",
    "voting": "Advisory: the Board makes recommendations and does not vote. Formal "
    "decisions will be taken on the recommendations of the Board by either the Executive "
    "Director of People and/or the Chief Executive or in the case of significant policy "
    "proposals by Cabinet.",
    "text": "Oversight of the Board's operation is undertaken by the People Overview and "
    "Scrutiny Committee as appropriate.",
}

# (title, report author, plan action refs)
BOARD_AGENDA = [
    ("Welcome and apologies", "Chief Executive", []),
    ("Notes and actions of the previous meeting", "Children's Improvement Board Manager", []),
    (
        "Improvement Plan progress: management oversight and decision-making",
        "Assistant Director Children's Social Care and Safeguarding",
        ["S1.1", "S1.2"],
    ),
    ("Improvement Plan progress: supervision", "Executive Director of People", ["S2.1"]),
    (
        "Improvement Plan progress: challenge by child protection chairs",
        "Head of Safeguarding and Quality Assurance",
        ["S3.1"],
    ),
    ("Recommendations for decision", "Children's Improvement Board Manager", []),
]

FIRST_MEETING = D(2024, 1, 23)
COUNCIL_MEETING = D(2024, 3, 21)


def load_board(council, today: datetime.date) -> None:
    """Shropshire's voluntary board, its members and its four-weekly meetings to today,
    the People Overview and Scrutiny Committee that oversees it, and (once the day has
    come) Council's approval of its terms on 21 March 2024. Built through the meetings
    services; loading twice changes nothing."""
    if council.bodies.filter(slug="improvement-board").exists():
        return
    with transaction.atomic():
        demo = Demo(council)
        board = _body(demo, "improvement-board", "Children's Improvement Board", BOARD_DESCRIPTION)
        scrutiny = _body(demo, "people-scrutiny", "People Overview and Scrutiny Committee", "")
        services.set_reporting_routes(demo.actor, board, [scrutiny])
        add_members(demo, board, BOARD_MEMBERS, D(2024, 1, 12))
        _board_meetings(demo, board, today)
        if today > COUNCIL_MEETING:
            _council_approves_the_terms(demo, board)


def _body(demo: Demo, slug: str, name: str, description: str) -> Body:
    board = slug == "improvement-board"
    data = {
        "slug": slug,
        "name": name,
        "kind": Body.Kind.IMPROVEMENT_BOARD if board else Body.Kind.SCRUTINY,
        "standing": Body.Standing.VOLUNTARY if board else Body.Standing.FORMAL,
        "description": description,
    }
    if board:
        data["cycle_days"] = 28
    return services.create_body(demo.actor, demo.council, data)


def _board_meetings(demo: Demo, board: Body, today: datetime.date) -> None:
    series = services.schedule_series(
        demo.actor,
        board,
        demo.at(FIRST_MEETING, 10),
        until=today + datetime.timedelta(days=board.cycle_days),
        location="Shirehall, Shrewsbury",
    )
    past = [m for m in series if services.meeting_day(m) < today]
    for meeting in past:
        items = _agenda(demo, meeting)
        demo.publish(meeting)
        record_seats(demo, board, meeting)
        for item in items:
            minutes.draft_minute(
                demo.actor, item, "The board received the report and discussed progress."
            )
    for earlier, later in zip(past, past[1:], strict=False):
        minutes.approve_minutes(demo.actor, earlier, later)
        minutes.publish_minutes(
            demo.actor, earlier, on=services.meeting_day(later) + datetime.timedelta(days=3)
        )
    upcoming = [m for m in series if services.meeting_day(m) >= today]
    if upcoming:
        _agenda(demo, upcoming[0])


def _agenda(demo: Demo, meeting: Meeting) -> list:
    return [
        services.add_agenda_item(
            demo.actor,
            meeting,
            title,
            report_author=author,
            actions=[a for a in (demo.plan_action(ref) for ref in refs) if a],
        )
        for title, author, refs in BOARD_AGENDA
    ]


def _council_approves_the_terms(demo: Demo, board: Body) -> None:
    council_body = services.create_body(
        demo.actor,
        demo.council,
        {"slug": "council", "name": "Council", "kind": Body.Kind.FULL_COUNCIL},
    )
    meeting = services.schedule_meeting(
        demo.actor, council_body, demo.at(COUNCIL_MEETING, 10), "Shirehall, Shrewsbury"
    )
    item = services.add_agenda_item(
        demo.actor,
        meeting,
        "Children's Improvement Board",
        description="To regularise and insert into Part 3 of the Constitution the recently "
        "formed Children's Improvement Board.",
        report_author="Tanya Miles",
    )
    demo.publish(meeting)
    minutes.record_resolution(
        demo.actor,
        item,
        "RESOLVED that Council approve the formal establishment of a Children's Improvement "
        "Board with the Terms of Reference set out at Appendix 1.",
    )
    terms = dict(TERMS)
    services.add_terms_of_reference(
        demo.actor, board, terms.pop("text"), COUNCIL_MEETING, approved_at=meeting, **terms
    )

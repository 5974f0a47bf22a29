"""The demo's board and committees for Peterborough, built through the meetings services.

`load_meetings_demo(council)` is idempotent (it does nothing once the board exists)
and links board business to plan actions by their ref when the plan is loaded,
skipping the link otherwise. Every change is the system's, by the job `load_demo`.
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from improvement.accounts.models import Organisation, Person, Role
from improvement.core.models import Council
from improvement.core.working_days import is_working_day
from improvement.demo import meetings_data as seed
from improvement.demo.records import DEMO, ensure
from improvement.forward_plan.call_in import publish_executive_decision
from improvement.meetings import agenda, minutes, services
from improvement.meetings.models import Body, Meeting

D = datetime.date
ORG_KINDS = {
    "council": Organisation.Kind.COUNCIL,
    "police": Organisation.Kind.POLICE,
    "icb": Organisation.Kind.NHS_ICB,
    "health": Organisation.Kind.HEALTH_PROVIDER,
    "schools": Organisation.Kind.SCHOOLS,
    "lscp": Organisation.Kind.LSCP,
    "dfe": Organisation.Kind.DFE,
    "lga": Organisation.Kind.LGA,
}


class Demo:
    def __init__(self, council: Council) -> None:
        self.council = council
        self.actor = DEMO
        if self.org("council") is None:
            ensure(Organisation, {"council": council, "name": council.name}, {"kind": "council"})

    def board_manager_name(self) -> str:
        """The name of the council's board manager, if the demo cast has one."""
        found = self.council.memberships.filter(role=Role.BOARD_MANAGER).select_related("user")
        manager = found.first()
        return manager.user.get_full_name() if manager else ""

    def board_manager(self) -> Person | None:
        """The board manager as a person, for the secretariat's seat."""
        name = self.board_manager_name()
        return self.person(name, "Children's Services Improvement Board Manager") if name else None

    def org(self, key: str) -> Organisation | None:
        if key not in ORG_KINDS:
            return None
        return self.council.organisations.filter(kind=ORG_KINDS[key]).first()

    def person(self, name: str, title: str = "", org_key: str = "council") -> Person:
        found = self.council.people.filter(name=name).first()
        if found:
            return found
        fields = {"job_title": title, "organisation": self.org(org_key)}
        return ensure(Person, {"council": self.council, "name": name}, fields)

    def at(self, day: datetime.date, hour: int = 14) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    def plan_action(self, ref: str) -> Any:
        return self.council.actions.live().filter(ref=ref).first()

    def publish(self, meeting: Meeting) -> None:
        """Publish the agenda about ten days ahead of the meeting, on a working day with
        the council's clear days still to run (never on a weekend or bank holiday)."""
        day = services.meeting_day(meeting)
        on = day - datetime.timedelta(days=10)
        needed = meeting.council.agenda_clear_days
        while not is_working_day(on) or services.clear_days(on, day) < needed:
            on -= datetime.timedelta(days=1)
        services.publish_agenda(self.actor, meeting, on=on)


def load_meetings_demo(council: Council) -> None:
    """Bodies, members, terms, meetings, minutes, decisions and the action log."""
    if council.bodies.filter(slug="improvement-board").exists():
        return
    with transaction.atomic():
        demo = Demo(council)
        bodies = _bodies(demo)
        _reporting_routes(demo, bodies)
        full_council = _full_council(demo, bodies)
        _board_members(demo, bodies["improvement-board"], full_council)
        _scrutiny(demo, bodies["children-education-scrutiny"])
        _board_meetings(demo, bodies["improvement-board"])
        _cabinet(demo, bodies)


BODIES = [
    (
        "improvement-board",
        "Children's Services Improvement Board",
        Body.Kind.IMPROVEMENT_BOARD,
        Body.Standing.NOTICE,
        "The improvement board required by the DfE's (non-statutory) Improvement Notice of "
        "2 August 2023, with an independent chair appointed by the DfE as its Children's "
        "Services Intervention Adviser.",
    ),
    (
        "children-education-scrutiny",
        "Children and Education Scrutiny Committee",
        Body.Kind.SCRUTINY,
        Body.Standing.FORMAL,
        "",
    ),
    ("cabinet", "Cabinet", Body.Kind.CABINET, Body.Standing.FORMAL, ""),
    ("council", "Full Council", Body.Kind.FULL_COUNCIL, Body.Standing.FORMAL, ""),
    (
        "safeguarding-partnership",
        "Cambridgeshire and Peterborough Safeguarding Children Partnership Board",
        Body.Kind.SAFEGUARDING,
        Body.Standing.FORMAL,
        "",
    ),
]


def _bodies(demo: Demo) -> dict[str, Body]:
    made = {}
    for slug, name, kind, standing, description in BODIES:
        data = {
            "slug": slug,
            "name": name,
            "kind": kind,
            "standing": standing,
            "description": description,
        }
        made[slug] = services.create_body(demo.actor, demo.council, data)
        standard = STANDARD_AGENDAS.get(slug)
        if standard:
            agenda.set_standard_agenda(demo.actor, made[slug], "\n".join(standard))
    return made


# The items each body's agendas open and close with; a new meeting may start from them.
_OPENING = ["Apologies for absence", "Declarations of interest"]
STANDARD_AGENDAS = {
    "improvement-board": [
        "Welcome, introductions and apologies",
        "Declarations of interest",
        "Minutes and action log of the previous meeting",
        "Any other business",
        "Date of the next meeting",
    ],
    "children-education-scrutiny": [
        "Apologies for absence and substitutions",
        "Declarations of interest and whipping declarations",
        "Minutes of the previous meeting and matters arising",
        "Monitoring scrutiny recommendations",
        "Work programme",
    ],
    "cabinet": [
        *_OPENING,
        "Minutes of the previous meeting",
        "Forward Plan of Executive Decisions",
    ],
    "council": [*_OPENING, "Minutes of the previous meeting", "Mayor's announcements"],
    "safeguarding-partnership": [
        "Welcome and apologies",
        "Declarations of interest",
        "Minutes and action log of the previous meeting",
        "Any other business",
    ],
}


# Seed 000: recommendations go "through Cabinet, Children and Education Scrutiny
# Committee and Full Council"; the terms of reference add the partnership.
ROUTES = ["cabinet", "children-education-scrutiny", "council", "safeguarding-partnership"]


def _reporting_routes(demo: Demo, bodies: dict[str, Body]) -> None:
    board = bodies["improvement-board"]
    services.set_reporting_routes(demo.actor, board, [bodies[slug] for slug in ROUTES])


def _full_council(demo: Demo, bodies: dict[str, Body]) -> Meeting:
    meeting = services.schedule_meeting(
        demo.actor, bodies["council"], demo.at(D(2023, 11, 1), 18), "Council Chamber, Town Hall"
    )
    item = services.add_agenda_item(
        demo.actor,
        meeting,
        "Children's Improvement Board",
        number=13,
        description="Approve the establishment of a Children's Improvement Board and its terms "
        "of reference, appointing Sally Rowe as its independent chair.",
        report_author="John Gregg, Executive Director of Children's Services and Young People",
    )
    demo.publish(meeting)
    minutes.record_resolution(
        demo.actor,
        item,
        "RESOLVED to approve the establishment of the Children's Improvement Board and its terms "
        "of reference, and to appoint Sally Rowe as its independent chair.",
    )
    return meeting


def _board_members(demo: Demo, board: Body, full_council: Meeting) -> None:
    add_members(demo, board, seed.BOARD_MEMBERS, D(2023, 11, 8))
    terms = dict(seed.TERMS)
    services.add_terms_of_reference(
        demo.actor, board, terms.pop("text"), D(2023, 11, 1), approved_at=full_council, **terms
    )


def add_members(demo: Demo, body: Body, members: list, starts_on: datetime.date) -> None:
    """Seats as (role title, name, organisation key, position, independent, seat); the
    secretariat's seat goes to the council's board manager."""
    for order, (title, name, org_key, position, independent, seat) in enumerate(members):
        if position == "secretariat":
            person = demo.board_manager()
        else:
            person = demo.person(name, title, org_key) if name else None
        services.add_member(
            demo.actor,
            body,
            {
                "person": person,
                "role_title": title,
                "organisation": demo.org(org_key),
                "position": position,
                "seat": seat,
                "independent": independent,
                "starts_on": starts_on,
                "position_order": order,
            },
        )


def _scrutiny(demo: Demo, committee: Body) -> None:
    for order, (name, position, co_opted, voting, substitute) in enumerate(seed.SCRUTINY_MEMBERS):
        title = seed.CO_OPTED_ROLES.get(name, "Councillor")
        services.add_member(
            demo.actor,
            committee,
            {
                "person": demo.person(name, title),
                "role_title": title,
                "position": position,
                "co_opted": co_opted,
                "voting": voting,
                "substitute": substitute,
                "starts_on": D(2023, 5, 24),
                "position_order": order,
            },
        )
    sept = services.schedule_meeting(
        demo.actor, committee, demo.at(D(2023, 9, 25), 19), "Bourges/Viersen Rooms, Town Hall"
    )
    nov = services.schedule_meeting(
        demo.actor, committee, demo.at(D(2023, 11, 6), 19), "Bourges/Viersen Room, Town Hall"
    )
    jan = services.schedule_meeting(demo.actor, committee, demo.at(D(2024, 1, 15), 19), "Town Hall")
    _september(demo, sept, nov)
    for number, title, text, author in seed.NOV_ITEMS:
        services.add_agenda_item(
            demo.actor, nov, title, number=number, description=text, report_author=author
        )
    demo.publish(nov)
    minutes.approve_minutes(demo.actor, sept, nov)
    minutes.publish_minutes(demo.actor, sept, on=D(2023, 11, 10))
    _work_programme(demo, committee, {services.meeting_day(m): m for m in (sept, nov, jan)})


def _september(demo: Demo, sept: Meeting, nov: Meeting) -> None:
    for name in seed.SEPT_PRESENT:
        services.record_attendance(demo.actor, sept, demo.person(name), "present")
    for name in seed.SEPT_APOLOGIES:
        services.record_attendance(demo.actor, sept, demo.person(name), "apologies")
    services.record_attendance(
        demo.actor,
        sept,
        demo.person("John Gregg"),
        "in_attendance",
        capacity="Executive Director Children and Young People's Service",
    )
    for number, (minute_no, title, resolution, requests, author) in enumerate(seed.SEPT_MINUTES, 1):
        item = services.add_agenda_item(
            demo.actor, sept, title, number=number, minute_number=minute_no, report_author=author
        )
        minutes.draft_minute(demo.actor, item, resolution or "None were received.")
        if resolution.startswith("RESOLVED"):
            minutes.record_resolution(demo.actor, item, resolution)
        owner = demo.person(author) if author else None
        for request in requests:
            minutes.add_meeting_action(
                demo.actor,
                sept,
                request,
                owner,
                D(2023, 11, 6),
                item=item,
                kind="officer_request",
            )
    demo.publish(sept)


def _work_programme(demo: Demo, committee: Body, meetings: dict) -> None:
    for day, draft, final, rows in seed.WORK_PROGRAMME:
        for title, officer, comments in rows:
            services.add_work_programme_item(
                demo.actor,
                committee,
                title,
                meeting=meetings.get(day),
                meeting_on=day,
                contact_officer=officer,
                draft_deadline=draft,
                final_deadline=final,
                comments=comments,
                report_received_on=final if day < D(2024, 1, 15) else None,
            )


def _board_meetings(demo: Demo, board: Body) -> None:
    today = timezone.localdate()
    series = services.schedule_series(
        demo.actor,
        board,
        demo.at(D(2023, 11, 8)),
        until=today + datetime.timedelta(days=board.cycle_days),
        location="Sand Martin House, Peterborough",
    )
    past = [m for m in series if services.meeting_day(m) < today]
    for meeting in past:
        _board_meeting(demo, board, meeting)
    for earlier, later in zip(past, past[1:], strict=False):
        minutes.approve_minutes(demo.actor, earlier, later)
        minutes.publish_minutes(
            demo.actor, earlier, on=services.meeting_day(later) + datetime.timedelta(days=3)
        )
        for entry in earlier.action_log.filter(status="open"):
            if later != past[-1]:
                minutes.close_meeting_action(
                    demo.actor,
                    entry,
                    "Reported done to the board",
                    on=services.meeting_day(later),
                )
    upcoming = [m for m in series if services.meeting_day(m) >= today]
    if upcoming:
        _agenda(demo, upcoming[0])


def _agenda(demo: Demo, meeting: Meeting) -> list[Any]:
    items = []
    for title, author, paragraph, refs in seed.BOARD_AGENDA:
        actions = [a for a in (demo.plan_action(ref) for ref in refs) if a]
        items.append(
            services.add_agenda_item(
                demo.actor,
                meeting,
                title,
                report_author=author,
                exempt_paragraph=paragraph,
                actions=actions,
            )
        )
    return items


def _board_meeting(demo: Demo, board: Body, meeting: Meeting) -> None:
    items = _agenda(demo, meeting)
    demo.publish(meeting)
    record_seats(
        demo,
        board,
        meeting,
        apologies=frozenset({"Councillor Jackie Allen"} if meeting.pk % 2 else ()),
    )
    day = services.meeting_day(meeting)
    for item in items:
        text = "The board received the report and discussed progress."
        if item.is_exempt:
            text = "The board discussed the recruitment of named candidates in private."
        minutes.draft_minute(demo.actor, item, text)
    minutes.record_resolution(
        demo.actor,
        items[3],
        "RESOLVED to note progress and to ask for "
        "the timeliness of contacts to be reported weekly to the chair.",
    )
    due = day + datetime.timedelta(days=42)
    minutes.add_meeting_action(
        demo.actor,
        meeting,
        "Report MASH timeliness against the 24-hour standard",
        demo.person("Gary Jones"),
        due,
        item=items[3],
        plan_action=demo.plan_action("1.1"),
    )
    minutes.add_meeting_action(
        demo.actor,
        meeting,
        "Bring the multi-agency extra-familial harm audit findings",
        demo.person("Alison Bennett"),
        due,
        item=items[4],
        plan_action=demo.plan_action("2.1"),
    )
    minutes.add_meeting_action(
        demo.actor,
        meeting,
        "Confirm the interim cover for the vacant head of service post",
        demo.person("John Gregg"),
        due,
        item=items[5],
    )
    services.add_reporting_route_items(demo.actor, meeting)


def record_seats(
    demo: Demo, body: Body, meeting: Meeting, apologies: frozenset[str] = frozenset()
) -> None:
    """Everyone in a seat, in the capacity of the seat: present, apologies, or absent
    (the police, who have not yet come to the board); the secretariat in attendance."""
    for membership in body.memberships.exclude(person=None).select_related("person"):
        name = membership.person.name
        if membership.position == "secretariat":
            status = "in_attendance"
        elif name in seed.ABSENT_FROM_THE_BOARD:
            status = "absent"
        else:
            status = "apologies" if name in apologies else "present"
        services.record_attendance(
            demo.actor, meeting, membership.person, status, capacity=membership.role_title
        )


def _cabinet(demo: Demo, bodies: dict[str, Body]) -> None:
    cabinet = bodies["cabinet"]
    meeting = services.schedule_meeting(
        demo.actor, cabinet, demo.at(D(2023, 11, 13), 10), "Town Hall"
    )
    services.add_agenda_item(demo.actor, meeting, "Children's Services Improvement Plan")
    demo.publish(meeting)
    publish_executive_decision(
        demo.actor,
        demo.council,
        "To endorse the Children's Services Improvement Plan and the resources to deliver it.",
        D(2023, 11, 13),
        "Cabinet",
        published_on=D(2023, 11, 15),
        scrutiny=bodies["children-education-scrutiny"],
    )

"""What other domain apps may use of meetings, and nothing else.

Domain apps (plans, evidence, annex_a, forward_plan, complaints) do not import each
other; where one needs another, it goes through that app's `ports.py`, so every
such dependency is listed here and can be reviewed in one place.

Used by:
- plans: `last_board_meeting_before`, the board meeting a plan's progress is reported to.
- forward_plan: the bodies and decision records its decisions point at, the exempt
  paragraphs, and `add_work_programme_item` to put a decision on scrutiny's programme;
  for a call-in, `call_in_seats` (who sits on the scrutiny committee, and how) and
  `secretariat_emails` (whom to tell); `decisions_as_seen_by`, a decision's text as
  its reader may see it (an exempt one by its paragraph only).
- reports (the agenda pack): `meeting_for_pack`, `public_meeting_for_pack`,
  `pack_recipients` and `meeting_day`, and the permission names it checks.
- board (its plan list, board.plan_list): `cycle_end`, the day "due this cycle" runs to.
- board (its start pages, board.start): the next meetings and their papers, minutes
  awaiting approval, a person's committees, open call-in windows and officer requests;
  its search page, `search` (meetings, agenda items, papers, resolutions) and `KINDS`.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from improvement.core.access import allowed
from improvement.core.models import Council
from improvement.meetings.models import (
    EXEMPT_PARAGRAPHS,
    Body,
    BodyMembership,
    Decision,
    ForwardItem,
    Meeting,
    MeetingAction,
)
from improvement.meetings.permissions import exempt_seen_by
from improvement.meetings.presenters import item_views
from improvement.meetings.queries import last_board_meeting_on_or_before, meeting_with_items
from improvement.meetings.search import KINDS, search
from improvement.meetings.services import add_work_programme_item, agenda_deadline, meeting_day

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "agenda_deadline",
    "bodies_of_person",
    "agenda_for",
    "board_asked",
    "call_in_seats",
    "secretariat_emails",
    "minutes_awaiting_approval",
    "next_meeting",
    "cycle_end",
    "open_call_ins",
    "call_ins_open_to",
    "DecisionAsSeen",
    "decisions_as_seen_by",
    "open_officer_requests",
    "papers_due",
    "papers_overdue",
    "SCRUTINY",
    "Decision",
    "add_work_programme_item",
    "last_board_meeting_before",
    "meeting_day",
    "KINDS",
    "search",
]

SCRUTINY = Body.Kind.SCRUTINY
# The permissions of meetings.permissions a page of another app asks by name.
MANAGE = "meetings.manage"
SEE_EXEMPT = "meetings.see_exempt"


def last_board_meeting_before(council: Council, day: datetime.date) -> datetime.date | None:
    """The date of the latest improvement-board meeting on or before `day`, if any."""
    meeting = last_board_meeting_on_or_before(council, day)
    return meeting_day(meeting) if meeting else None


def meeting_for_pack(council: Council, pk: int) -> Meeting | None:
    """A live meeting of the council with its agenda items and papers, or None."""
    return meeting_with_items(council, pk)


def public_meeting_for_pack(council: Council, pk: int) -> Meeting | None:
    """A meeting whose agenda is published and whose papers the public may read."""
    meeting = council.meetings.published().with_items().filter(pk=pk).first()
    return meeting if meeting is not None and meeting.is_public else None


def pack_recipients(meeting: Meeting) -> list[tuple[Any, str]]:
    """Whom the published pack is emailed to: each person with a current seat on the
    body (not the secretariat, who publishes it), once, with the address to use ("" for
    a person with none, so the officer is told who was not emailed)."""
    seats = (
        meeting.body.memberships.current(meeting_day(meeting))
        .exclude(person=None)
        .exclude(position="secretariat")
        .select_related("person", "person__user")
    )
    people: dict[int, tuple[Any, str]] = {}
    for seat in seats:
        person = seat.person
        email = person.email or (person.user.email if person.user_id else "")
        people.setdefault(person.pk, (person, email))
    return list(people.values())


def secretariat(meeting: Meeting) -> list[Any]:
    """The body's secretariat seats: the contacts a pack's cover names."""
    return list(
        meeting.body.memberships.filter(position="secretariat")
        .exclude(person=None)
        .select_related("person", "person__user")
    )


def next_meeting(
    council: Council, day: datetime.date, body_ids: list[int] | None = None
) -> Meeting | None:
    """The next meeting on or after `day` (of the improvement board, or of any of
    `body_ids`), with everything `agenda_for` reads fetched up front."""
    meetings = council.meetings.upcoming(day).select_related("body").order_by("starts_at", "id")
    if body_ids is None:
        meetings = meetings.filter(body__kind=Body.Kind.IMPROVEMENT_BOARD)
    else:
        meetings = meetings.filter(body_id__in=body_ids)
    return meetings.with_items().first()


# With no meeting scheduled, "this cycle" is the next six weeks: the board's rhythm.
CYCLE_WITHOUT_MEETING = datetime.timedelta(weeks=6)


def cycle_end(
    council: Council, body: Body | None, day: datetime.date
) -> tuple[datetime.date, bool]:
    """The day "this cycle" from `day` runs to, and whether a meeting ends it: that of
    the first meeting of `body` (of the improvement board when None) after `day`, or six
    weeks on with none scheduled. The one rule of every "due this cycle" (the plan list,
    the action log). A meeting on `day` itself does not end the cycle: its papers are
    out, so what is due for it is in hand or late, and what is chased now is due by the
    meeting after."""
    meetings = council.meetings.upcoming(day + datetime.timedelta(days=1))
    if body is None:
        meetings = meetings.filter(body__kind=Body.Kind.IMPROVEMENT_BOARD)
    else:
        meetings = meetings.filter(body=body)
    first = meetings.order_by("starts_at", "id").first()
    if first is None:
        return day + CYCLE_WITHOUT_MEETING, False
    return meeting_day(first), True


def agenda_for(user: Any, meeting: Meeting) -> list[Any]:
    """The agenda as this reader may see it, by the one rule every page uses
    (`presenters.item_views`): an exempt item by its paragraph only to a reader who
    does not see the body's exempt items."""
    see_exempt = allowed(user, SEE_EXEMPT, meeting.body)
    return item_views(meeting, see_exempt, show_minutes=False)


def papers_due(meeting: Meeting) -> Any:
    """The reports planned for a meeting (its forward agenda), with their deadlines and
    whether each has arrived."""
    return ForwardItem.objects.filter(meeting=meeting).order_by("final_deadline", "id")


def papers_overdue(meeting: Meeting, day: datetime.date) -> list[int]:
    """The ids of a meeting's planned reports not received whose deadline has passed
    on `day` (`ForwardItemQuerySet.past_deadline`): one not yet due is not overdue."""
    return list(papers_due(meeting).past_deadline(day).values_list("pk", flat=True))


def minutes_awaiting_approval(council: Council) -> Any:
    """Improvement board meetings held whose draft minutes await the chair's approval."""
    return (
        council.meetings.live()
        .filter(body__kind=Body.Kind.IMPROVEMENT_BOARD, minutes_status=Meeting.Minutes.DRAFT)
        .select_related("body")
        .order_by("starts_at", "id")
    )


def bodies_of_person(council: Council, user: Any, day: datetime.date) -> list[Body]:
    """The bodies (committees) a signed-in person is a current member of, by name."""
    held = BodyMembership.objects.filter(
        body__council=council, person__user=user, body__archived_at__isnull=True
    ).current(day)
    return list(council.bodies.filter(pk__in=held.values("body_id")).order_by("name"))


def open_call_ins(council: Council, day: datetime.date) -> Any:
    """Published executive decisions whose call-in window is open on `day`."""
    return council.decisions.filter(
        kind=Decision.Kind.EXECUTIVE,
        published_on__lte=day,
        call_in_ends_on__gte=day,
        called_in_on__isnull=True,
    ).order_by("call_in_ends_on", "id")


@dataclass(frozen=True)
class DecisionAsSeen:
    """A decision as one reader may see it: a decision taken under an exempt item is
    named by its paragraph only ("Exempt: paragraph N of Schedule 12A") to a reader who
    does not see the exempt items of the body that took it. Anything else is read off
    the decision itself, so a list or a CSV column reads one as it reads a decision."""

    decision: Decision
    withheld: bool

    @property
    def text(self) -> str:
        return self.decision.item.exempt_notice if self.withheld else self.decision.text

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "decision":  # not yet set (a copy, a pickle)
            raise AttributeError(name)
        return getattr(self.decision, name)


def decisions_as_seen_by(user: Any, council: Council, decisions: Any) -> list[DecisionAsSeen]:
    """`decisions` (fetched with `item__meeting`) as `user` may see each: the one rule
    for a decision's text on every page, list and file. One query a body, asked only
    when a decision was taken under an exempt item."""
    seen: dict[int, bool] | None = None
    shown = []
    for decision in decisions:
        withheld = False
        if decision.item is not None and decision.item.is_exempt:
            seen = exempt_seen_by(user, council) if seen is None else seen
            withheld = not seen.get(decision.item.meeting.body_id)
        shown.append(DecisionAsSeen(decision, withheld))
    return shown


def call_ins_open_to(
    council: Council, user: Any, day: datetime.date, body_ids: list[int]
) -> list[DecisionAsSeen]:
    """The decisions open to call-in on `day` that fall to the reader's committees: those
    whose scrutiny committee is one of `body_ids`, and those that name none (so a
    decision left without a committee is hidden from no councillor), each as the reader
    may see it (`decisions_as_seen_by`)."""
    decisions = (
        open_call_ins(council, day)
        .filter(Q(scrutiny__isnull=True) | Q(scrutiny_id__in=body_ids))
        .select_related("item__meeting")
    )
    return decisions_as_seen_by(user, council, decisions)


def open_officer_requests(council: Council, body_ids: list[int]) -> Any:
    """Open requests to officers made at meetings of `body_ids`, due first."""
    return (
        MeetingAction.objects.filter(
            council=council,
            kind=MeetingAction.Kind.OFFICER_REQUEST,
            meeting__body_id__in=body_ids,
        )
        .open()
        .for_lists()
    )


def board_asked(council: Council, action_ids: list[int], user: Any) -> dict[int, Any]:
    """For each plan action, the latest open entry in the action log that names it:
    what the board asked of its owner. An entry of an exempt item is left out for a
    reader who does not see the body's exempt items, as the action log leaves it out.
    One query, and one a body for the exempt rule."""
    asked: dict[int, Any] = {}
    entries = (
        MeetingAction.objects.filter(council=council, plan_action_id__in=action_ids)
        .open()
        .select_related("meeting", "meeting__body", "item")
        .order_by("meeting__starts_at", "id")
    )
    seen: dict[int, bool] | None = None
    for entry in entries:
        if entry.item is not None and entry.item.is_exempt:
            seen = exempt_seen_by(user, council) if seen is None else seen
            if not seen.get(entry.meeting.body_id):
                continue
        asked[entry.plan_action_id] = entry
    return asked


def call_in_seats(body: Body, day: datetime.date) -> Any:
    """The seats on a body held on `day` by a person as a member (not the secretariat,
    not a substitute), with their voting and co-opted standing: those a call-in may count."""
    return (
        body.memberships.current(day)
        .filter(substitute=False, person__isnull=False)
        .exclude(position=BodyMembership.Position.SECRETARIAT)
        .select_related("person")
    )


def secretariat_emails(body: Body) -> list[str]:
    """The addresses of a body's secretariat (its officer), for a notice about the body."""
    seats = (
        body.memberships.filter(position=BodyMembership.Position.SECRETARIAT)
        .exclude(person=None)
        .select_related("person", "person__user")
    )
    emails = {seat.person.email or (seat.person.user.email if seat.person.user_id else "")
              for seat in seats}  # fmt: skip
    return sorted(email for email in emails if email)

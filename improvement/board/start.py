"""The start page: one panel for each role a person holds in the council, most pressing
first (docs/adr/031). Each panel reads its app through the app's `ports.py` and costs
a fixed number of queries, however many actions, meetings or cases there are."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from improvement.accounts.models import Role
from improvement.accounts.permissions import roles_in
from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.presenters import quality_rows
from improvement.annex_a.queries import latest_import, latest_upload
from improvement.complaints import ports as complaints
from improvement.core import access
from improvement.core.models import Council
from improvement.evidence import ports as evidence
from improvement.meetings import ports as meetings
from improvement.plans import ports as plans

# How many rows a panel lists before pointing to the full page.
PANEL_ROWS = 10


@dataclass
class Panel:
    """One role's part of the start page: its template, how many things wait on the
    person (what orders the panels) and what the template shows."""

    role: str
    heading: str
    template: str
    waiting: int = 0
    context: dict[str, Any] = field(default_factory=dict)


def _meeting(user: Any, meeting: Any) -> dict[str, Any] | None:
    if meeting is None:
        return None
    return {"meeting": meeting, "agenda": meetings.agenda_for(user, meeting)}


def action_owner(user: Any, council: Council, today: datetime.date) -> Panel:
    """My actions with what the board asked, and the update requests waiting for me."""
    actions = plans.actions_owned_by(council, user, today)
    asked = meetings.board_asked(council, [item.action.pk for item in actions], user)
    requests = evidence.update_requests_waiting_for(user, council)
    rows = [(item, asked.get(item.action.pk)) for item in actions]
    return Panel(
        Role.ACTION_OWNER,
        "Your actions",
        "board/start/_action_owner.html",
        waiting=len(requests),
        context={"rows": rows, "requests": requests, "today": today},
    )


def chair(user: Any, council: Council, today: datetime.date) -> Panel:
    """Completions and minutes awaiting the chair, then the next board meeting."""
    completions = list(plans.completions_awaiting(council)[: PANEL_ROWS + 1])
    minutes = list(meetings.minutes_awaiting_approval(council))
    return Panel(
        Role.CHAIR,
        "Awaiting your decision",
        "board/start/_chair.html",
        waiting=len(completions) + len(minutes),
        context={
            "completions": completions[:PANEL_ROWS],
            "more_completions": len(completions) > PANEL_ROWS,
            "minutes": minutes,
            "next": _meeting(user, meetings.next_meeting(council, today)),
        },
    )


def board_manager(user: Any, council: Council, today: datetime.date) -> Panel:
    """The board cycle: the next meeting, its papers due, the agenda's deadline, and
    the owners yet to answer an update request."""
    meeting = meetings.next_meeting(council, today)
    papers = list(meetings.papers_due(meeting)) if meeting else []
    outstanding = list(evidence.requests_outstanding(council, today))
    deadline = meetings.agenda_deadline(meeting) if meeting else None
    # Waiting on the manager: a paper not received whose deadline has passed (the
    # meetings app's one rule). One not yet due reads "due <date>" and waits on nobody.
    late = set(meetings.papers_overdue(meeting, today)) if meeting else set()
    return Panel(
        Role.BOARD_MANAGER,
        "The board cycle",
        "board/start/_board_manager.html",
        waiting=len(late) + len(outstanding),
        context={
            "next": _meeting(user, meeting),
            "papers": papers,
            "late": late,
            "deadline": deadline,
            "deadline_passed": bool(
                deadline and meeting.agenda_published_on is None and deadline < today
            ),
            "outstanding": len(outstanding),
            "waiting_for": [
                (request, [recipient.person.name for recipient in recipients])
                for request, recipients in groupby(outstanding, key=lambda r: r.request)
            ],
            "today": today,
        },
    )


def councillor(user: Any, council: Council, today: datetime.date) -> Panel:
    """My committees and their next meetings, the call-in windows open for decisions
    that fall to my scrutiny committees (an exempt one by its paragraph only, unless I
    see its body's exempt items), my committees' officer requests."""
    bodies = meetings.bodies_of_person(council, user, today)
    body_ids = [body.pk for body in bodies]
    call_ins = meetings.call_ins_open_to(council, user, today, body_ids)
    return Panel(
        Role.COUNCILLOR,
        "Your committees",
        "board/start/_councillor.html",
        waiting=len(call_ins),
        context={
            "bodies": bodies,
            "next": _meeting(user, meetings.next_meeting(council, today, body_ids))
            if body_ids
            else None,
            "call_ins": call_ins,
            "requests": list(meetings.open_officer_requests(council, body_ids)),
        },
    )


def complaints_manager(user: Any, council: Council, today: datetime.date) -> Panel:
    """Open stages by due date, the overdue (due soonest) first."""
    allowed = access.allowed(user, "complaints.view_cases", council)
    stages = complaints.open_stages(council, today) if allowed else []
    overdue = sum(clock.overdue for _, clock in stages)
    return Panel(
        Role.COMPLAINTS_MANAGER,
        "Open complaint stages",
        "board/start/_complaints_manager.html",
        waiting=overdue,
        context={"stages": stages[:PANEL_ROWS], "total": len(stages), "overdue": overdue},
    )


def performance_officer(user: Any, council: Council, today: datetime.date) -> Panel:
    """The latest Annex A import whatever its state (waiting, failed, awaiting the
    officer's confirmation or imported), the checks it made, and, when that import is
    not the one in use, the import whose figures the board reads."""
    record = latest_upload(council)
    in_use = record
    if record is not None and record.status != AnnexAImport.Status.DONE:
        in_use = latest_import(council)
    warnings = record.report.get("warnings", []) if record else []
    # A failed import, or one read and waiting for the officer to confirm, waits on them.
    acting = (AnnexAImport.Status.FAILED, AnnexAImport.Status.READY)
    return Panel(
        Role.PERFORMANCE_OFFICER,
        "Annex A",
        "board/start/_performance_officer.html",
        waiting=len(warnings) + (1 if record and record.status in acting else 0),
        context={
            "record": record,
            "in_use": in_use,
            "warnings": warnings,
            "quality": quality_rows(record.report) if record else [],
        },
    )


# The roles with a panel, in the order panels take when nothing waits on any.
BUILDERS: dict[str, Callable[[Any, Council, datetime.date], Panel]] = {
    Role.CHAIR: chair,
    Role.BOARD_MANAGER: board_manager,
    Role.ACTION_OWNER: action_owner,
    Role.COMPLAINTS_MANAGER: complaints_manager,
    Role.PERFORMANCE_OFFICER: performance_officer,
    Role.COUNCILLOR: councillor,
}


def panels_for(user: Any, council: Council, today: datetime.date) -> list[Panel]:
    """A panel for each of the person's roles in the council, most pressing first:
    the one with most waiting on them, then in the order of `BUILDERS`."""
    held = roles_in(user, council)
    panels = [build(user, council, today) for role, build in BUILDERS.items() if role in held]
    order = list(BUILDERS)
    return sorted(panels, key=lambda panel: (-panel.waiting, order.index(panel.role)))

"""What of a meeting a reader may see, decided in one place.

Every page, file, feed and JSON document (internal or public) builds its items
through `item_views`, so an exempt item shows its title and "Exempt: paragraph N
of Schedule 12A" and nothing else to anyone who may not see exempt content.
"""

from dataclasses import dataclass, field
from typing import Any

from improvement.meetings.models import AgendaItem, Meeting


@dataclass
class ItemView:
    item: AgendaItem
    withheld: bool
    number: int
    title: str
    exempt_notice: str = ""
    description: str = ""
    report_author: str = ""
    minute: str = ""
    papers: list[Any] = field(default_factory=list)
    decisions: list[Any] = field(default_factory=list)
    declarations: list[Any] = field(default_factory=list)
    actions: list[Any] = field(default_factory=list)
    plan_actions: list[Any] = field(default_factory=list)


def _open_view(item: AgendaItem, show_minutes: bool) -> ItemView:
    return ItemView(
        item=item,
        withheld=False,
        number=item.number,
        title=item.title,
        exempt_notice=item.exempt_notice if item.is_exempt else "",
        description=item.description,
        report_author=item.report_author,
        minute=item.minute if show_minutes else "",
        papers=list(item.papers.all()),
        decisions=list(item.decisions.all()) if show_minutes else [],
        declarations=list(item.declarations.all()),
        actions=list(item.log_entries.all()) if show_minutes else [],
        plan_actions=list(item.actions.all()),
    )


def item_views(meeting: Meeting, see_exempt: bool, show_minutes: bool) -> list[ItemView]:
    """The agenda as this reader may see it, from a meeting fetched `with_items()`."""
    views = []
    for item in meeting.items.all():
        if item.is_exempt and not see_exempt:
            views.append(
                ItemView(
                    item=item,
                    withheld=True,
                    number=item.number,
                    title=item.title,
                    exempt_notice=item.exempt_notice,
                )
            )
        else:
            views.append(_open_view(item, show_minutes))
    return views


def prefetch_items(queryset: Any) -> Any:
    """Kept for `public.published` until it calls `MeetingQuerySet.with_items()` itself;
    it shapes the query and runs none."""
    return queryset.with_items()


@dataclass
class SeatRow:
    """One place at the table at one meeting, and what became of it."""

    role_title: str
    seat: str
    name: str
    organisation: str
    status: str
    label: str
    record: Any = None
    member: bool = True


@dataclass
class SeatAttendance:
    seats: list[SeatRow]
    secretariat: list[SeatRow]
    others: list[Any]
    recorded: bool
    present: int
    members: int
    quorum: int | None
    members_vote: bool

    @property
    def quorate(self) -> bool | None:
        return None if self.quorum is None else self.present >= self.quorum

    @property
    def absent_partners(self) -> list[SeatRow]:
        partner_seats = ("safeguarding_partner", "partner", "dfe")
        return [row for row in self.seats if row.seat in partner_seats and row.status == "absent"]


def _seat_status(membership: Any, records: dict, standing_in: dict, recorded: bool) -> tuple:
    record = records.get(membership.person_id) if membership.person_id else None
    if record is not None:
        return record.status, record.get_status_display(), record
    substitute = standing_in.get(membership.person_id) if membership.person_id else None
    if substitute is not None:
        return "substitute", f"Substitute: {substitute.person.name}", substitute
    if not recorded:
        return "", "Not recorded", None
    if membership.person_id is None:
        return "absent", "Absent: no representative named", None
    return "absent", "Absent", None


def attendance_by_seat(meeting: Meeting, day: Any) -> SeatAttendance:
    """Every seat in force on the meeting's day, present, sending apologies or absent
    (a seat nobody came to is absent, not missing); the secretariat apart and never
    counted; and anyone else recorded (officers in attendance, guests)."""
    body = meeting.body
    records = {a.person_id: a for a in meeting.attendance.select_related("person")}
    standing_in = {a.substitute_for_id: a for a in records.values() if a.substitute_for_id}
    recorded = bool(records)
    seats, secretariat, seen = [], [], set()
    memberships = body.memberships.current(day).select_related("person", "organisation")
    for membership in memberships:
        if membership.substitute:
            continue  # a named substitute is listed only when they came, among the others
        status, label, record = _seat_status(membership, records, standing_in, recorded)
        if record is not None:
            seen.add(record.person_id)
        row = SeatRow(
            role_title=membership.role_title,
            seat=membership.seat,
            name=membership.person.name if membership.person_id else "",
            organisation=membership.organisation.name if membership.organisation_id else "",
            status=status,
            label=label,
            record=record,
            member=not membership.is_secretariat,
        )
        (secretariat if membership.is_secretariat else seats).append(row)
    terms = body.terms.first()
    return SeatAttendance(
        seats=seats,
        secretariat=secretariat,
        others=[a for pid, a in records.items() if pid not in seen],
        recorded=recorded,
        present=sum(1 for row in seats if row.status in ("present", "substitute")),
        members=len(seats),
        quorum=terms.quorum if terms else None,
        members_vote=body.members_vote,
    )

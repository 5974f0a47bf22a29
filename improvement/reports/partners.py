"""Partner updates for the board report: what the board commissioned from partner
agencies and what came back (Improvement Notice, 5b: the board "can commission
updates from partners"). Three records hold it: the board's action log entries owned
by a partner's officer, the requests for owners' updates sent before the meeting,
and the updates partner owners gave on the plan's actions since the last meeting."""

import datetime
from typing import Any

from improvement.core.templatetags.ib import ukdate
from improvement.documents.structure import Section, Table
from improvement.plans.picture import PlanPicture
from improvement.reports.queries import (
    is_partner,
    meeting_day,
    partner_organisations_of,
    partner_requests_until,
    update_requests_between,
)
from improvement.reports.wording import counted

NOTHING_ASKED = "No partner updates were asked for before this meeting."


def _came_back(entry: Any, as_at: datetime.date) -> str:
    if entry.closed_on is not None and entry.closed_on <= as_at:
        return f"Returned {ukdate(entry.closed_on)}: {entry.outcome}".rstrip(": ")
    if entry.due_on and entry.due_on < as_at:
        return f"Nothing yet; it was due {ukdate(entry.due_on)}"
    return "Nothing yet" + (f"; due {ukdate(entry.due_on)}" if entry.due_on else "")


def commissioned_table(entries: list[Any], as_at: datetime.date) -> Table:
    head = ["Asked at", "Partner", "What the board asked for", "What came back"]
    rows = [
        [
            ukdate(meeting_day(entry.meeting)),
            f"{entry.owner.name} ({entry.owner.organisation})",
            entry.text,
            _came_back(entry, as_at),
        ]
        for entry in entries
    ]
    return Table("What the board asked of partner agencies", head, rows)


def _request_line(request: Any, as_at: datetime.date) -> str:
    partners = [r for r in request.recipients.all() if is_partner(r.person)]
    replied = [r for r in partners if r.responded_at and r.responded_at.date() <= as_at]
    return (
        f"{request.title} (due {ukdate(request.due_on)}): {counted(len(partners), 'partner')}"
        f" asked, {len(replied)} replied."
    )


def owners_table(council: Any, picture: PlanPicture, since: datetime.date | None) -> Table:
    """For each partner agency whose officers own plan actions, how many of those
    actions they updated since the last meeting."""
    partners = partner_organisations_of(council)
    by_partner: dict[str, list[Any]] = {}
    for item in picture.actions:
        names = {
            str(partners[owner.organisation_id])
            for owner in item.action.owners.all()
            if owner.organisation_id in partners
        }
        for name in names:
            by_partner.setdefault(name, []).append(item)
    rows = []
    for name, items in sorted(by_partner.items()):
        updated = sum(1 for item in items if _updated_since(item, since))
        rows.append([name, str(len(items)), str(updated), str(len(items) - updated)])
    head = ["Partner agency", "Actions its officers own", "Updated since the last meeting",
            "Not updated"]  # fmt: skip
    return Table("Updates from partner agencies' action owners", head, rows)


def _updated_since(item: Any, since: datetime.date | None) -> bool:
    update = item.latest_update
    return update is not None and (since is None or update.as_of > since)


def partner_section(meeting: Any, picture: PlanPicture, since: datetime.date | None) -> Section:
    """What was asked of partners for this meeting and what they returned; a meeting
    where nothing was asked says so, never a row of zeros."""
    as_at = picture.as_at
    entries = partner_requests_until(meeting, since)
    requests = [
        _request_line(request, as_at)
        for request in update_requests_between(meeting.council, since, as_at)
    ]
    owners = owners_table(meeting.council, picture, since)
    if not (entries or requests or owners.rows):
        return Section("Partner updates", paragraphs=[NOTHING_ASKED], anchor="partners")
    text = ["What the board commissioned from partner agencies, and what came back by "
            f"{ukdate(as_at)} (Improvement Notice, 5b)."]  # fmt: skip
    if not entries:
        text.append("The board's action log asked no partner agency for anything before "
                    "this meeting.")  # fmt: skip
    if requests:
        text.append("Requests for updates from action owners:")
    return Section(
        "Partner updates",
        paragraphs=text,
        bullets=requests,
        tables=([commissioned_table(entries, as_at)] if entries else [])
        + ([owners] if owners.rows else []),
        anchor="partners",
    )

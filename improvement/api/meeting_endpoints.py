"""Meetings with their agenda and decisions, the action log, and the forward plan."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from improvement.api.params import ListParams, changed
from improvement.api.permissions import council_for
from improvement.api.presenters import meeting_record
from improvement.api.schemas import ForwardDecisionOut, LogEntryOut, MeetingOut, Page
from improvement.core.paging import cursor_page
from improvement.meetings import queries
from improvement.meetings.permissions import exempt_seen_by

router = Router(tags=["Meetings"])


@router.get("/councils/{slug}/meetings", response=Page[MeetingOut])
def meetings(
    request: HttpRequest, slug: str, params: Query[ListParams], body: int | None = None
) -> dict[str, Any]:
    council = council_for(request, slug)
    rows = changed(council.meetings.all(), params.updated_since).with_agenda()
    if body is not None:
        rows = rows.filter(body_id=body)
    result = cursor_page(rows, params.cursor, params.limit)
    see = exempt_seen_by(request.user, council)
    result["items"] = [meeting_record(m, see[m.body_id]) for m in result["items"]]
    return result


@router.get("/councils/{slug}/action-log", response=Page[LogEntryOut])
def action_log(
    request: HttpRequest, slug: str, params: Query[ListParams], status: str | None = None
) -> dict[str, Any]:
    """The log of actions and officer requests from meetings; an entry raised under an
    exempt item is left out for a reader who may not see that item, by the query (the
    action log page's, `meetings.queries.action_log`), so every page is full."""
    council = council_for(request, slug)
    log = queries.action_log(council, exempt_seen_by(request.user, council))
    rows = changed(log, params.updated_since, live=False)
    if status is not None:
        rows = rows.filter(status=status)
    return cursor_page(rows, params.cursor, params.limit)


@router.get("/councils/{slug}/forward-plan", response=Page[ForwardDecisionOut])
def forward_plan(
    request: HttpRequest, slug: str, params: Query[ListParams], status: str | None = None
) -> dict[str, Any]:
    """The register of decisions to be taken, drafts included, as every role reads it;
    the detail of what makes a private decision exempt is not served."""
    council = council_for(request, slug)
    rows = changed(council.forward_decisions.all(), params.updated_since, live=False)
    if status is not None:
        rows = rows.filter(status=status)
    return cursor_page(rows, params.cursor, params.limit)

"""The public API: the public record as JSON, no token, under /api/v1/public/.

Everything comes through `published` and `records`, as the public pages and CSV
files do, so nothing exempt can reach it (docs/adr/022, docs/public-api.md).
Lists page by `core.paging`'s opaque cursor over (last changed, id), at most
`MAX_PAGE` rows a page, and each client address may make `RATE` requests.
"""

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from improvement.core.changes import as_aware
from improvement.core.clients import client_address
from improvement.core.paging import BadCursor, cursor_page
from improvement.public import progress, published, records
from improvement.public import schemas as s

RATE = "300/m"
MAX_PAGE = 200
DEFAULT_PAGE = 50


class PerAddress(AnonRateThrottle):
    """Counted per client address, read the one way every rate limit reads it."""

    def get_ident(self, request: HttpRequest) -> str | None:
        return client_address(request)


public_api = NinjaAPI(
    title="Improvement Board public API",
    version="1",
    description=(
        "The public record of each council: published meetings, open agenda items, "
        "minutes once published, executive decisions, published reports, forward plan "
        "editions and the improvement plan's published progress. No token; nothing "
        "exempt. Lists page by an opaque cursor (`next_cursor`)."
    ),
    urls_namespace="public-api",
    docs_url="/docs",
    throttle=[PerAddress(RATE)],
)


class ListParams(Schema):
    cursor: str | None = Field(None, description="`next_cursor` of the previous page")
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE)
    updated_since: datetime.datetime | None = Field(
        None, description="Only records changed at or after this time (ISO 8601)"
    )


@public_api.exception_handler(BadCursor)
def bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    return public_api.create_response(request, {"detail": str(exc)}, status=400)


def _page(
    request: HttpRequest, slug: str, params: ListParams, rows_of: Any, row: Any
) -> dict[str, Any]:
    """A page of the council's `rows_of(council)`, each shaped by `row`, oldest change
    first: a record changed while a client pages moves ahead of the cursor, to be met
    again rather than skipped."""
    queryset = rows_of(published.council_or_404(slug))
    if params.updated_since is not None:
        queryset = queryset.filter(updated__gte=as_aware(params.updated_since))
    found = cursor_page(queryset, params.cursor, params.limit, key="updated")
    return {**found, "items": [row(request, record) for record in found["items"]]}


@public_api.get("/councils", response=list[s.CouncilOut], tags=["councils"])
def councils(request: HttpRequest) -> Any:
    """Councils with a published record."""
    return published.councils().order_by("name")


@public_api.get("/councils/{slug}/meetings", response=s.MeetingPage, tags=["meetings"])
def meetings(request: HttpRequest, slug: str, params: Query[ListParams]) -> Any:
    """Published meetings, a meeting held in private included with no items."""
    return _page(request, slug, params, published.meetings_for_data, records.meeting_row)


@public_api.get(
    "/councils/{slug}/meetings/{meeting_id}", response=s.MeetingDetailOut, tags=["meetings"]
)
def meeting(request: HttpRequest, slug: str, meeting_id: int) -> Any:
    """One published meeting with its open agenda items; exempt items only counted."""
    council = published.council_or_404(slug)
    found = published.meetings_for_data(council).filter(pk=meeting_id).first()
    if found is None:
        raise HttpError(404, "No such meeting")
    items = published.open_items(council).filter(meeting=found).order_by("number", "pk")
    shown = [records.item_row(request, item) for item in items]
    listed = published.public_items(published.meeting_or_404(council, meeting_id))
    withheld = sum(1 for view in listed if view.withheld)  # counted as the page shows them
    return {**records.meeting_row(request, found), "items": shown, "withheld_items": withheld}


@public_api.get("/councils/{slug}/agenda-items", response=s.AgendaItemPage, tags=["meetings"])
def agenda_items(request: HttpRequest, slug: str, params: Query[ListParams]) -> Any:
    """Open agenda items of meetings whose papers are published; minutes and decisions
    once the minutes are published. Exempt items never appear."""
    return _page(request, slug, params, published.open_items, records.item_row)


@public_api.get("/councils/{slug}/decisions", response=s.DecisionPage, tags=["decisions"])
def decisions(request: HttpRequest, slug: str, params: Query[ListParams]) -> Any:
    """Published executive decisions and their call-in."""
    return _page(request, slug, params, published.decisions_for_data, records.decision_row)


@public_api.get("/councils/{slug}/reports", response=s.ReportPage, tags=["reports"])
def reports(request: HttpRequest, slug: str, params: Query[ListParams]) -> Any:
    """Published reports as last published; never an exempt report."""
    return _page(request, slug, params, published.published_reports, records.report_row)


@public_api.get(
    "/councils/{slug}/forward-plan/editions", response=s.EditionPage, tags=["forward plan"]
)
def editions(request: HttpRequest, slug: str, params: Query[ListParams]) -> Any:
    """Published editions of the forward plan of executive decisions."""
    return _page(request, slug, params, published.published_editions, records.edition_row)


@public_api.get(
    "/councils/{slug}/forward-plan/editions/{edition_id}",
    response=s.EditionDetailOut,
    tags=["forward plan"],
)
def edition(request: HttpRequest, slug: str, edition_id: int) -> Any:
    """One published edition, each decision as the edition printed it."""
    council = published.council_or_404(slug)
    found = published.published_editions(council).filter(pk=edition_id).first()
    if found is None:
        raise HttpError(404, "No such edition")
    entries = [records.entry_row(part, row) for part, row in published.edition_entries(found)]
    return {**records.edition_row(request, found), "entries": entries}


@public_api.get(
    "/councils/{slug}/progress",
    response={200: s.ProgressOut, 404: s.Problem},
    tags=["progress"],
)
def plan_progress(request: HttpRequest, slug: str) -> Any:
    """The improvement plan's progress as at the last board meeting whose papers are
    published, and what changed since the board before it."""
    council = published.council_or_404(slug)
    found = progress.public_progress(council)
    if found is None:
        return Status(404, {"detail": "No board meeting with published papers has taken place yet"})
    return progress.as_data(request, found)

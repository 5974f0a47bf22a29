"""Pages for reading bodies and meetings; the forms that change them are in `form_views`."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from improvement.core import access
from improvement.core.audit import council_record
from improvement.core.listing import list_page
from improvement.meetings import lists, queries
from improvement.meetings.agenda import why_fixed
from improvement.meetings.models import Paper
from improvement.meetings.permissions import exempt_seen_by
from improvement.meetings.presenters import attendance_by_seat, item_views
from improvement.meetings.services import meeting_day

SEE_EXEMPT = "meetings.see_exempt"


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    return render(
        request,
        "meetings/index.html",
        {
            "bodies": queries.bodies_of(council),
            "upcoming": queries.upcoming_meetings(council)[:10],
            "recent": queries.meetings_of(council).past()[:10],
            "overdue": queries.overdue_work_programme_items(council),
        },
    )


@login_required
def body_detail(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    body = get_object_or_404(council.bodies.live(), slug=body_slug)
    return render(
        request,
        "meetings/body_detail.html",
        {
            "body": body,
            "members": body.memberships.exclude(position="secretariat").select_related(
                "person", "organisation"
            ),
            "secretariat": body.memberships.filter(position="secretariat").select_related(
                "person", "organisation"
            ),
            "terms": body.terms.select_related("approved_by", "approved_at"),
            "meetings": body.meetings.live().for_lists().order_by("-starts_at"),
            "programme": queries.work_programme(body),
            "routes": body.reports_to.live(),
        },
    )


@login_required
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    meeting = queries.meeting_with_items(council, pk)
    if meeting is None:
        raise Http404("No such meeting")
    see_exempt = access.allowed(request.user, SEE_EXEMPT, meeting.body)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": item_views(meeting, see_exempt, True),
            "attendance": attendance_by_seat(meeting, meeting_day(meeting)),
            "decisions": meeting.decisions.filter(item__isnull=True),
            "comments": meeting.comments.select_related("author"),
            "carried": queries.open_actions_carried_forward(meeting),
            "reporting": meeting.reporting_items.select_related("body", "meeting"),
            # Why its agenda can no longer be changed ("" while it can).
            "agenda_fixed": why_fixed(meeting),
        },
    )


@login_required
def action_log(request: HttpRequest, slug: str) -> HttpResponse:
    """Every action and request to officers from the council's meetings, filtered,
    sorted, paged and downloadable (lists.ACTION_LOG); an entry raised under an exempt
    item is left out for a reader who may not see that body's exempt items."""
    council = access.council_for(request, slug)
    rows = lists.action_log_rows(council, exempt_seen_by(request.user, council))
    return list_page(
        request,
        rows,
        lists.ACTION_LOG,
        "meetings/action_log.html",
        filename_prefix=f"{council.slug} meeting",
    )


@login_required
def work_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The work programme of every scrutiny committee of the council, as one list
    (lists.PROGRAMME)."""
    council = access.council_for(request, slug)
    return list_page(
        request,
        lists.programme_rows(council),
        lists.PROGRAMME,
        "meetings/work_programme.html",
        filename_prefix=f"{council.slug} scrutiny work programme",
    )


@login_required
def paper_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    council = access.council_for(request, slug)
    paper = council_record(Paper, council, pk)
    if paper is None:
        raise Http404("No such paper")
    item = paper.item
    if item.is_exempt and not access.allowed(request.user, SEE_EXEMPT, item.meeting.body):
        raise Http404("No such paper")
    return FileResponse(paper.file.open("rb"), as_attachment=True, filename=paper.name)

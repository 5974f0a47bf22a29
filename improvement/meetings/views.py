"""Pages for reading bodies and meetings; the forms that change them are in `form_views`."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from improvement.accounts.access import council_for
from improvement.core.audit import council_record
from improvement.meetings import access, queries
from improvement.meetings.models import Meeting, Paper
from improvement.meetings.presenters import item_views, prefetch_items


def _body(council, slug: str):
    body = queries.body_by_slug(council, slug)
    if body is None:
        raise Http404("No such body")
    return body


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    return render(
        request,
        "meetings/index.html",
        {
            "bodies": queries.bodies_of(council),
            "upcoming": queries.upcoming_meetings(council)[:10],
            "recent": queries.meetings_of(council).past()[:10],
            "overdue": queries.overdue_work_programme_items(council),
            "can_manage": access.can_manage(request.user, council),
        },
    )


@login_required
def body_detail(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = council_for(request, slug)
    body = _body(council, body_slug)
    return render(
        request,
        "meetings/body_detail.html",
        {
            "body": body,
            "members": body.memberships.select_related("person", "organisation"),
            "terms": body.terms.select_related("approved_by", "approved_at"),
            "meetings": body.meetings.live().for_lists().order_by("-starts_at"),
            "programme": queries.work_programme(body),
            "can_manage": access.can_manage(request.user, council),
        },
    )


@login_required
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = get_object_or_404(prefetch_items(council.meetings.live()), pk=pk)
    user = request.user
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": item_views(meeting, access.can_see_exempt(user, meeting.body), True),
            "attendance": meeting.attendance.select_related("person", "substitute_for"),
            "decisions": meeting.decisions.filter(item__isnull=True),
            "comments": meeting.comments.select_related("author"),
            "carried": queries.open_actions_carried_forward(meeting),
            "reporting": meeting.reporting_items.select_related("body", "meeting"),
            "can_manage": access.can_manage(user, council),
            "can_comment": access.can_comment_on_minutes(user, meeting),
            "can_approve": meeting.minutes_status == Meeting.Minutes.DRAFT
            and access.can_approve_minutes(user, meeting),
        },
    )


@login_required
def action_log(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    see = {body.pk: access.can_see_exempt(request.user, body) for body in council.bodies.live()}
    entries = [
        entry
        for entry in queries.action_log(council)
        if entry.item is None or not entry.item.is_exempt or see.get(entry.meeting.body_id)
    ]
    return render(
        request,
        "meetings/action_log.html",
        {"entries": entries, "can_manage": access.can_manage(request.user, council)},
    )


@login_required
def paper_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    council = council_for(request, slug)
    paper = council_record(Paper, council, pk)
    if paper is None:
        raise Http404("No such paper")
    item = paper.item
    if item.is_exempt and not access.can_see_exempt(request.user, item.meeting.body):
        raise Http404("No such paper")
    return FileResponse(paper.file.open("rb"), as_attachment=True, filename=paper.name)


@login_required
def executive_decisions(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    return render(
        request,
        "meetings/executive_decisions.html",
        {
            "decisions": queries.executive_decisions_of(council),
            "today": timezone.localdate(),
            "can_manage": access.can_manage(request.user, council),
        },
    )

"""The forms that change bodies and meetings: each fetches with permission, validates,
calls one service and redirects. The services check permission again."""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from improvement.accounts.access import council_for
from improvement.core.forms import run_service
from improvement.meetings import access, forms, minutes, services
from improvement.meetings.views import _body


def _manager(request: HttpRequest, slug: str) -> Any:
    council = council_for(request, slug)
    if not access.can_manage(request.user, council):
        raise PermissionDenied("Only the board manager can change meetings.")
    return council


def _meeting(council: Any, pk: int) -> Any:
    return get_object_or_404(council.meetings.live().select_related("body"), pk=pk)


def _item(council: Any, pk: int) -> Any:
    from improvement.meetings.queries import items_of

    return get_object_or_404(items_of(council), pk=pk)


def _run(form: Any, call: Callable[[], Any]) -> bool:
    """Run a service; put its refusal on the form rather than losing the input."""
    return run_service(form, call)


def _page(
    request: HttpRequest,
    form: Any,
    call: Callable[[dict[str, Any]], Any],
    done: str,
    title: str,
    **extra: Any,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda: call(form.cleaned_data)):
            messages.success(request, extra.pop("success", "Saved"))
            return redirect(done)
    return render(request, "meetings/form.html", {"form": form, "title": title, **extra})


def _bound(request: HttpRequest, form_class: type, council: Any, **kwargs: Any) -> Any:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    return form_class(data, files, council=council, **kwargs)


@login_required
def body_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = _manager(request, slug)
    form = _bound(request, forms.BodyForm, council)
    done = reverse("meetings:index", args=[council.slug])
    call = lambda data: services.create_body(request.user, council, data)  # noqa: E731
    return _page(request, form, call, done, "Add a body")


@login_required
def member_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = _manager(request, slug)
    body = _body(council, body_slug)
    form = _bound(request, forms.MemberForm, council)
    done = reverse("meetings:body_detail", args=[council.slug, body.slug])
    call = lambda data: services.add_member(request.user, body, data)  # noqa: E731
    return _page(request, form, call, done, f"Add a member of {body}")


@login_required
def terms_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = _manager(request, slug)
    body = _body(council, body_slug)
    form = _bound(request, forms.TermsForm, council)
    done = reverse("meetings:body_detail", args=[council.slug, body.slug])
    call = lambda data: services.add_terms_of_reference(request.user, body, **data)  # noqa: E731
    return _page(request, form, call, done, f"New terms of reference for {body}")


def _schedule(user: Any, body: Any, data: dict[str, Any]) -> Any:
    starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
    return services.schedule_meeting(user, body, starts_at, data["location"], data["is_public"])


@login_required
def meeting_create(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = _manager(request, slug)
    body = _body(council, body_slug)
    form = _bound(request, forms.MeetingForm, council)
    done = reverse("meetings:body_detail", args=[council.slug, body.slug])
    call = lambda data: _schedule(request.user, body, data)  # noqa: E731
    return _page(request, form, call, done, f"Schedule a meeting of {body}")


def _meeting_page(slug: str, pk: int) -> str:
    return reverse("meetings:meeting_detail", args=[slug, pk])


@login_required
def item_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.ItemForm, council)
    call = lambda data: services.add_agenda_item(request.user, meeting, **data)  # noqa: E731
    return _page(request, form, call, _meeting_page(slug, pk), f"Add an item: {meeting}")


@login_required
def paper_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    item = _item(council, pk)
    form = _bound(request, forms.PaperForm, council)
    call = lambda data: services.add_paper(request.user, item, data["file"])  # noqa: E731
    done = _meeting_page(slug, item.meeting_id)
    return _page(request, form, call, done, f"Add a paper to {item}", multipart=True)


@login_required
def agenda_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.ConfirmForm, council)
    call = lambda data: services.publish_agenda(request.user, meeting)  # noqa: E731
    title = f"Publish the agenda of {meeting}"
    return _page(request, form, call, _meeting_page(slug, pk), title, button="Publish agenda")


@login_required
def attendance_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.AttendanceForm, council)
    call = lambda data: services.record_attendance(request.user, meeting, **data)  # noqa: E731
    return _page(request, form, call, _meeting_page(slug, pk), f"Record attendance: {meeting}")


@login_required
def declaration_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    item = _item(council, pk)
    form = _bound(request, forms.DeclarationForm, council)
    call = lambda data: services.declare_interest(request.user, item, **data)  # noqa: E731
    done = _meeting_page(slug, item.meeting_id)
    return _page(request, form, call, done, f"Declare an interest: {item}")


@login_required
def minute_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    item = _item(council, pk)
    form = _bound(request, forms.MinuteForm, council, initial={"text": item.minute})
    call = lambda data: minutes.draft_minute(request.user, item, data["text"])  # noqa: E731
    done = _meeting_page(slug, item.meeting_id)
    return _page(request, form, call, done, f"Minute of item {item}")


@login_required
def resolution_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    item = _item(council, pk)
    form = _bound(request, forms.TextForm, council)
    call = lambda data: minutes.record_resolution(request.user, item, data["text"])  # noqa: E731
    done = _meeting_page(slug, item.meeting_id)
    return _page(request, form, call, done, f"Record a resolution: {item}")


@login_required
def comment_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = _meeting(council, pk)
    if not access.can_comment_on_minutes(request.user, meeting):
        raise PermissionDenied("Only those who attended can comment on draft minutes.")
    form = _bound(request, forms.CommentForm, council)
    call = lambda data: minutes.comment_on_minutes(request.user, meeting, data["text"])  # noqa: E731
    return _page(request, form, call, _meeting_page(slug, pk), f"Comment on the minutes: {meeting}")


@login_required
def minutes_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = _meeting(council, pk)
    if not access.can_approve_minutes(request.user, meeting):
        raise PermissionDenied("You cannot approve these minutes.")
    form = _bound(request, forms.ApproveForm, council)
    form.fields["at_meeting"].queryset = meeting.body.meetings.live().filter(
        starts_at__gt=meeting.starts_at
    )
    call = lambda data: minutes.approve_minutes(request.user, meeting, data["at_meeting"])  # noqa: E731
    title = f"Approve the minutes of {meeting} as a true record"
    return _page(request, form, call, _meeting_page(slug, pk), title, button="Approve minutes")


@login_required
def minutes_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.ConfirmForm, council)
    call = lambda data: minutes.publish_minutes(request.user, meeting)  # noqa: E731
    title = f"Publish the minutes of {meeting}"
    return _page(request, form, call, _meeting_page(slug, pk), title, button="Publish minutes")


@login_required
def action_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.MeetingActionForm, council)
    call = lambda data: minutes.add_meeting_action(request.user, meeting, **data)  # noqa: E731
    return _page(request, form, call, _meeting_page(slug, pk), f"Log an action: {meeting}")


@login_required
def action_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    entry = get_object_or_404(council.meeting_actions.all(), pk=pk)
    form = _bound(request, forms.CloseForm, council)
    call = lambda data: minutes.close_meeting_action(request.user, entry, data["outcome"])  # noqa: E731
    done = reverse("meetings:action_log", args=[slug])
    return _page(request, form, call, done, f"Close: {entry}", button="Close action")


@login_required
def reporting_routes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    meeting = _meeting(council, pk)
    form = _bound(request, forms.ConfirmForm, council)
    call = lambda data: services.add_reporting_route_items(request.user, meeting)  # noqa: E731
    title = "Add this meeting's report to Council, Scrutiny and the partnership"
    return _page(request, form, call, _meeting_page(slug, pk), title, button="Add items")


@login_required
def programme_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = _manager(request, slug)
    body = _body(council, body_slug)
    form = _bound(request, forms.WorkProgrammeForm, council)
    call = lambda data: services.add_work_programme_item(request.user, body, **data)  # noqa: E731
    done = reverse("meetings:body_detail", args=[council.slug, body.slug])
    return _page(request, form, call, done, f"Add to the work programme of {body}")


@login_required
def call_in(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = _manager(request, slug)
    from improvement.meetings.queries import executive_decisions_of

    decision = get_object_or_404(executive_decisions_of(council), pk=pk)
    form = _bound(request, forms.CallInForm, council, decision=decision)
    call = lambda data: minutes.request_call_in(request.user, decision, list(data["members"]))  # noqa: E731
    return _page(
        request,
        form,
        call,
        reverse("meetings:executive_decisions", args=[slug]),
        "Record a call-in",
        lead=f"{decision.text} ({decision.decision_maker}). The call-in period ends on "
        f"{decision.call_in_ends_on:%-d %B %Y}.",
        button="Record call-in",
        success="Call-in recorded: the decision is suspended until scrutiny considers it",
    )

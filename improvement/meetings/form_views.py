"""The forms that change bodies and meetings: each fetches with permission, binds a
form, and hands one service to `core.forms.form_page`. The services check again."""

import datetime
from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.meetings import agenda, forms, minutes, queries, services
from improvement.meetings.presenters import item_views

MANAGE = services.MANAGE


def _meeting(council: Any, pk: int) -> Any:
    return get_object_or_404(council.meetings.live().select_related("body"), pk=pk)


def _item(council: Any, pk: int) -> Any:
    return get_object_or_404(queries.items_of(council), pk=pk)


def _body(council: Any, slug: str) -> Any:
    return get_object_or_404(council.bodies.live(), slug=slug)


def _meeting_page(slug: str, pk: int) -> str:
    return reverse("meetings:meeting_detail", args=[slug, pk])


def _body_page(council: Any, body: Any) -> str:
    return reverse("meetings:body_detail", args=[council.slug, body.slug])


FORM = "meetings/form.html"


def _back_to(url: str) -> dict[str, str]:
    """A form at an item's address cancels back to its meeting, not to a parent
    address that is no page."""
    return {"template": FORM, "back": url}


def _version(record: Any) -> dict[str, int]:
    return {"version": record.version}


@login_required
def body_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    form = bound(request, forms.BodyForm, council=council)
    return form_page(
        request,
        form,
        service=partial(services.create_body, request.user, council),
        done=reverse("meetings:index", args=[slug]),
        title="Add a body",
    )


@login_required
def member_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    form = bound(request, forms.MemberForm, council=council)
    return form_page(
        request,
        form,
        service=partial(services.add_member, request.user, body),
        done=_body_page(council, body),
        title=f"Add a member of {body}",
    )


@login_required
def terms_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    form = bound(request, forms.TermsForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_terms_of_reference(request.user, body, **data),
        done=_body_page(council, body),
        title=f"New terms of reference for {body}",
    )


def _schedule(actor: Any, body: Any, data: dict[str, Any]) -> Any:
    starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
    return services.schedule_meeting(
        actor,
        body,
        starts_at,
        data["location"],
        data["is_public"],
        held_in_public=data["held_in_public"],
        standard_agenda=data.get("standard_agenda", False),
    )


@login_required
def meeting_create(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    # The body says whether its meetings are usually open: a board's are held in private.
    initial = {"held_in_public": body.meets_in_public}
    form = bound(
        request,
        forms.MeetingForm,
        council=council,
        initial=initial,
        standard_items=body.standard_items,
    )
    return form_page(
        request,
        form,
        service=partial(_schedule, request.user, body),
        # Straight on to the new meeting: its agenda is the next thing to build.
        done=lambda meeting: _meeting_page(slug, meeting.pk),
        title=f"Schedule a meeting of {body}",
    )


@login_required
def programme_add(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    form = bound(request, forms.WorkProgrammeForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_work_programme_item(request.user, body, **data),
        done=_body_page(council, body),
        title=f"Add to the work programme of {body}",
    )


@login_required
def item_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    form = bound(request, forms.ItemForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_agenda_item(request.user, meeting, **data),
        done=_meeting_page(slug, pk),
        title=f"Add an item: {meeting}",
        **_back_to(_meeting_page(slug, pk)),
    )


@login_required
def paper_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    form = bound(request, forms.PaperForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_paper(request.user, item, data["file"]),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Add a paper to {item}",
        multipart=True,
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


def _publishing(meeting: Any) -> dict[str, Any]:
    """What the officer checks before the agenda goes public: the agenda as the public
    will read it (exempt items by title and paragraph only) and whether publishing today
    is late under the clear days rule, said before the button rather than after it."""
    today = timezone.localdate()
    needed = meeting.council.agenda_clear_days
    remaining = services.clear_days(today, services.meeting_day(meeting))
    with_items = queries.meeting_with_items(meeting.council, meeting.pk)
    return {
        "meeting": meeting,
        "preview": item_views(with_items, see_exempt=False, show_minutes=False),
        "deadline": services.agenda_deadline(meeting),
        "needed": needed,
        "remaining": remaining,
        "late": remaining < needed,
    }


@login_required
def agenda_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    form = bound(request, forms.ConfirmEditForm, council=council, initial=_version(meeting))
    return form_page(
        request,
        form,
        service=lambda data: services.publish_agenda(
            request.user, meeting, expected_version=data["version"]
        ),
        done=_meeting_page(slug, pk),
        title=f"Publish the agenda of {meeting}",
        success="Agenda published",
        template="meetings/agenda_publish.html",
        button="Publish agenda",
        **_publishing(meeting),
    )


def _cannot_change(request: HttpRequest, meeting: Any, title: str) -> HttpResponse | None:
    """The page that says why a meeting or item can no longer be changed, or None."""
    reason = agenda.why_fixed(meeting)
    if not reason:
        return None
    context = {"title": title, "reason": reason, "meeting": meeting}
    return render(request, "meetings/cannot_change.html", context)


@login_required
def item_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    refused = _cannot_change(request, item.meeting, f"Withdraw item {item}")
    if refused is not None:
        return refused
    form = bound(request, forms.WithdrawItemForm, council=council, initial=_version(item))
    return form_page(
        request,
        form,
        service=lambda data: agenda.withdraw_item(
            request.user, item, data["reason"], expected_version=data["version"]
        ),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Withdraw item {item}",
        success="Item withdrawn from the agenda",
        button="Withdraw item",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def item_move(request: HttpRequest, slug: str, pk: int, direction: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    if direction not in (agenda.UP, agenda.DOWN):
        raise Http404("Move an item up or down")
    item = _item(council, pk)
    refused = _cannot_change(request, item.meeting, f"Move item {item}")
    if refused is not None:
        return refused
    form = bound(request, forms.ConfirmEditForm, council=council, initial=_version(item))
    return form_page(
        request,
        form,
        service=lambda data: agenda.move_item(
            request.user, item, direction, expected_version=data["version"]
        ),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Move item {item} {direction}",
        success="Item moved",
        button=f"Move {direction}",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def attendance_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    form = bound(request, forms.AttendanceForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.record_attendance(request.user, meeting, **data),
        done=_meeting_page(slug, pk),
        title=f"Record attendance: {meeting}",
    )


@login_required
def attendance_change(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    record = get_object_or_404(queries.attendance_of(council), pk=pk)
    initial = {
        "status": record.status,
        "substitute_for": record.substitute_for_id,
        "capacity": record.capacity,
        **_version(record),
    }
    form = bound(request, forms.AttendanceChangeForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: services.change_attendance(
            request.user, record, data, data["version"]
        ),
        done=_meeting_page(slug, record.meeting_id),
        title=f"Change the attendance of {record.person.name}: {record.meeting}",
        **_back_to(_meeting_page(slug, record.meeting_id)),
    )


@login_required
def declaration_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    form = bound(request, forms.DeclarationForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.declare_interest(request.user, item, **data),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Declare an interest: {item}",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def body_routes(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    initial = {"bodies": list(body.reports_to.all())}
    form = bound(request, forms.RoutesForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: services.set_reporting_routes(request.user, body, data["bodies"]),
        done=reverse("meetings:body_detail", args=[slug, body_slug]),
        title=f"Reporting routes of {body}",
    )


@login_required
def reporting_routes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    form = bound(request, forms.ConfirmForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.add_reporting_route_items(request.user, meeting),
        done=_meeting_page(slug, pk),
        title="Add this meeting's report to the agenda of each body the board reports to",
        button="Add items",
    )


@login_required
def minute_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    initial = {"text": item.minute, **_version(item)}
    form = bound(request, forms.MinuteForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: minutes.draft_minute(
            request.user, item, data["text"], expected_version=data["version"]
        ),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Minute of item {item}",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def resolution_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    form = bound(request, forms.TextForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: minutes.record_resolution(request.user, item, data["text"]),
        done=_meeting_page(slug, item.meeting_id),
        title=f"Record a resolution: {item}",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def comment_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    meeting = access.check(request, "meetings.comment_on_minutes", _meeting(council, pk))
    form = bound(request, forms.CommentForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: minutes.comment_on_minutes(request.user, meeting, data["text"]),
        done=_meeting_page(slug, pk),
        title=f"Comment on the minutes: {meeting}",
    )


@login_required
def minutes_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    meeting = access.check(request, "meetings.approve_minutes", _meeting(council, pk))
    form = bound(
        request,
        forms.ApproveForm,
        council=council,
        later=queries.later_meetings(meeting),
        initial=_version(meeting),
    )
    return form_page(
        request,
        form,
        service=lambda data: minutes.approve_minutes(
            request.user, meeting, data["at_meeting"], expected_version=data["version"]
        ),
        done=_meeting_page(slug, pk),
        title=f"Approve the minutes of {meeting} as a true record",
        button="Approve minutes",
    )


@login_required
def minutes_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, "meetings.publish_minutes")
    meeting = _meeting(council, pk)
    form = bound(request, forms.ConfirmEditForm, council=council, initial=_version(meeting))
    return form_page(
        request,
        form,
        service=lambda data: minutes.publish_minutes(
            request.user, meeting, expected_version=data["version"]
        ),
        done=_meeting_page(slug, pk),
        title=f"Publish the minutes of {meeting}",
        button="Publish minutes",
    )


@login_required
def action_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    form = bound(request, forms.MeetingActionForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: minutes.add_meeting_action(request.user, meeting, **data),
        done=_meeting_page(slug, pk),
        title=f"Log an action: {meeting}",
    )


def _close(actor: Any, entry: Any, data: dict[str, Any]) -> Any:
    return minutes.close_meeting_action(
        actor, entry, data["outcome"], expected_version=data["version"]
    )


@login_required
def action_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    entry = get_object_or_404(council.meeting_actions.all(), pk=pk)
    form = bound(request, forms.CloseForm, council=council, initial=_version(entry))
    return form_page(
        request,
        form,
        service=lambda data: _close(request.user, entry, data),
        done=reverse("meetings:action_log", args=[slug]),
        title=f"Close: {entry}",
        button="Close action",
        **_back_to(reverse("meetings:action_log", args=[slug])),
    )

"""The forms that change a meeting and its items before the agenda goes out, and a
body's standard agenda. Like every form of meetings (`form_views`), each fetches with
permission, binds a form read at the record's version, and hands one verb of
`meetings.agenda` to `core.forms.form_page`; the verbs check again.

Once the agenda is published a change form is not offered: the page says why and
leads back to the meeting, and the verb refuses a change posted all the same."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.meetings import agenda, forms, services
from improvement.meetings.form_views import (
    MANAGE,
    _back_to,
    _body,
    _body_page,
    _cannot_change,
    _item,
    _meeting,
    _meeting_page,
    _version,
)


def _meeting_initial(meeting: Any) -> dict[str, Any]:
    local = timezone.localtime(meeting.starts_at)
    return {
        "date": local.date(),
        "time": local.time(),
        "location": meeting.location,
        "held_in_public": meeting.held_in_public,
        "is_public": meeting.is_public,
        **_version(meeting),
    }


def _deadline_lead(meeting: Any) -> str:
    deadline = services.agenda_deadline(meeting)
    return (
        f"Its agenda is to be published by {deadline:%A %-d %B %Y}, "
        f"{meeting.council.agenda_clear_days} clear working days before the meeting. "
        "A new date moves that deadline."
    )


def _change_meeting(request: HttpRequest, meeting: Any, data: dict[str, Any]) -> Any:
    starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
    changed = agenda.change_meeting(
        request.user,
        meeting,
        starts_at=starts_at,
        location=data["location"],
        is_public=data["is_public"],
        held_in_public=data["held_in_public"],
        expected_version=data["version"],
    )
    late = agenda.lateness(changed, timezone.localdate())
    if late:
        messages.warning(request, late)
    return changed


@login_required
def meeting_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    meeting = _meeting(council, pk)
    title = f"Change the meeting of {meeting}"
    refused = _cannot_change(request, meeting, title)
    if refused is not None:
        return refused
    initial = _meeting_initial(meeting)
    form = bound(request, forms.MeetingEditForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: _change_meeting(request, meeting, data),
        done=_meeting_page(slug, pk),
        title=title,
        success="Meeting changed",
        lead=_deadline_lead(meeting),
    )


def _item_initial(item: Any) -> dict[str, Any]:
    return {
        **{name: getattr(item, name) for name in agenda.ITEM_FIELDS},
        "actions": [action.pk for action in item.actions.all()],
        **_version(item),
    }


@login_required
def item_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    item = _item(council, pk)
    title = f"Change item {item}"
    refused = _cannot_change(request, item.meeting, title)
    if refused is not None:
        return refused
    form = bound(request, forms.ItemEditForm, council=council, initial=_item_initial(item))
    return form_page(
        request,
        form,
        service=lambda data: agenda.change_item(
            request.user,
            item,
            {name: value for name, value in data.items() if name != "version"},
            expected_version=data["version"],
        ),
        done=_meeting_page(slug, item.meeting_id),
        title=title,
        success="Item changed",
        **_back_to(_meeting_page(slug, item.meeting_id)),
    )


@login_required
def standard_agenda(request: HttpRequest, slug: str, body_slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    body = _body(council, body_slug)
    initial = {"items": body.standard_agenda, **_version(body)}
    form = bound(request, forms.StandardAgendaForm, council=council, initial=initial)
    return form_page(
        request,
        form,
        service=lambda data: agenda.set_standard_agenda(
            request.user, body, data["items"], expected_version=data["version"]
        ),
        done=_body_page(council, body),
        title=f"Standard agenda of {body}",
        success="Standard agenda saved",
        lead=(
            "The items every agenda of this body starts from, such as apologies, "
            "declarations of interest and the minutes of the last meeting. Each new "
            "meeting can start from them; its agenda can then be changed as usual."
        ),
    )

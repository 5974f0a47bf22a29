"""Update requests: the board manager asks owners for updates, checks whom it will
reach (and whom no email can) before sending, and sees how the sending went and who
has replied; each owner answers for all of their actions on one page."""

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import GovukForm, bound, run_service
from improvement.core.text import plural
from improvement.evidence import queries, request_queries, request_services
from improvement.evidence.forms import ActionAnswerForm, UpdateRequestForm

CHANGE = "evidence.change"
DRAFT = "update_request_draft:{}"  # one a council: a person may serve several
# Seconds between the request page's looks at the emails while they are sent.
REFRESH_SECONDS = 2


@login_required
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    return render(request, "evidence/request_list.html", {"requests": queries.requests_of(council)})


class SendForm(GovukForm, forms.Form):
    """The check page's button: it only carries the service's refusal, if any."""


def _draft(data: dict[str, Any]) -> dict[str, Any]:
    """The form's answers as the session keeps them until the check page sends them."""
    return {
        **{name: value for name, value in data.items() if name not in {"people", "due_on"}},
        "due_on": data["due_on"].isoformat(),
        "people": [person.pk for person in data.get("people") or []],
    }


def _from_draft(council: Any, draft: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
    data = {name: value for name, value in draft.items() if name != "people"}
    data["due_on"] = datetime.date.fromisoformat(draft["due_on"])
    # Exactly those chosen, still owning an open action: an empty choice is refused
    # when sent, never widened to every owner.
    people = request_services.owners_of_live_actions(council).filter(pk__in=draft["people"])
    return data, list(people)


@login_required
def request_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The question page; its answers wait in the session for the check page."""
    council = access.council_for(request, slug, CHANGE)
    owners = request_services.owners_of_live_actions(council)
    draft = request.session.get(DRAFT.format(council.pk))
    initial = None
    if draft and request.method == "GET":
        initial = {**draft, "due_on": datetime.date.fromisoformat(draft["due_on"])}
    form = bound(request, UpdateRequestForm, owners=owners, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(form, lambda: request_services.check_request(council, data, data["people"])):
            request.session[DRAFT.format(council.pk)] = _draft(data)
            return redirect("evidence:request_check", council.slug)
    context = {"form": form, "title": "Ask owners for updates", "button": "Continue"}
    return render(request, "evidence/form.html", context)


@login_required
def request_check(request: HttpRequest, slug: str) -> HttpResponse:
    """Check your answers: who will be asked, and who cannot be emailed, before sending."""
    council = access.council_for(request, slug, CHANGE)
    draft = request.session.get(DRAFT.format(council.pk))
    if not draft:
        return redirect("evidence:request_create", council.slug)
    data, people = _from_draft(council, draft)
    form = bound(request, SendForm)
    if request.method == "POST":
        made = run_service(
            form, lambda: request_services.request_updates(request.user, council, data, people)
        )
        if made:
            del request.session[DRAFT.format(council.pk)]
            sending = request_queries.sending(made)
            messages.success(request, _made_message(sending))
            return redirect("evidence:request_detail", council.slug, made.pk)
    context = {
        "data": data,
        "people": people,
        "without_email": request_services.without_email(people),
        "form": form,
    }
    return render(request, "evidence/request_check.html", context)


def _made_message(sending: request_queries.Sending) -> str:
    """What was made, not what was sent: the emails go from the worker, and the
    request's page counts them as they go."""
    emails = sending.asked - sending.no_email
    text = f"Update request made: {plural(emails, 'email')} to send"
    if sending.no_email:
        text += f"; {plural(sending.no_email, 'owner')} to ask another way"
    return text


@login_required
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    update_request = get_object_or_404(queries.requests_of(council), pk=pk)
    recipients = request_queries.recipients_of(update_request)
    sending = request_queries.sending(update_request)
    return render(
        request,
        "evidence/request_detail.html",
        {
            "update_request": update_request,
            "recipients": recipients,
            "replied": [r for r in recipients if r.replied_at],
            # Offered while anyone is left to remind: the check page says who.
            "can_remind": any(not r.replied_at for r in recipients)
            and not update_request.archived_at,
            "overdue": update_request.due_on < timezone.localdate(),
            "sending": sending,
            "reminders": request_queries.reminder_rounds(update_request),
            "refresh": REFRESH_SECONDS,
            "check_state": f"{sending.sent} {sending.waiting} {sending.failed}",
        },
    )


@login_required
def request_remind(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The check page for "Remind the owners who have not replied": whom the reminder
    reaches and whom no email can, then "Send the reminder". Not offered when nobody
    is left to email today; the page says why."""
    council = access.council_for(request, slug, CHANGE)
    update_request = get_object_or_404(queries.requests_of(council), pk=pk)
    today = timezone.localdate()
    awaiting = request_services.awaiting_reminder(update_request, today)
    to_remind = [r for r in awaiting if request_services.reminder_now(r, today)]
    form = bound(request, SendForm)
    if request.method == "POST" and to_remind and form.is_valid():
        reminded = run_service(
            form, lambda: request_services.remind_owners(request.user, update_request, today)
        )
        if reminded is not None:
            # 0 when a second press got there first: nothing is sent twice in a day.
            text = f"Reminder going to {plural(reminded, 'owner')}" if reminded else ""
            messages.success(request, text or "Those owners were already reminded today")
            return redirect("evidence:request_detail", council.slug, update_request.pk)
    context = {
        "update_request": update_request,
        "awaiting": awaiting,
        "to_remind": to_remind,
        "without_email": [r for r in awaiting if not r.email],
        "reminded_today": [r for r in awaiting if request_services.reminded_on(r, today)],
        "form": form,
    }
    return render(request, "evidence/request_remind.html", context)


@login_required
def request_answer(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """One form per action on one page, so it cannot be the one-form `form_page`."""
    council = access.council_for(request, slug, "evidence.view")
    recipient = get_object_or_404(queries.recipients_for_pages(council), token=token)
    access.check(request, "evidence.answer", recipient)
    actions = list(request_services.actions_for(recipient.person))
    forms = [bound(request, ActionAnswerForm, action=action, council=council) for action in actions]
    # An owner whose actions have all closed has nothing to answer: no form to post.
    if request.method == "POST" and forms and all(form.is_valid() for form in forms):
        today = timezone.localdate()
        answers = [(form.action, {"as_of": today, **form.cleaned_data}) for form in forms]
        if run_service(
            forms[0], lambda: request_services.answer_request(request.user, recipient, answers)
        ):
            messages.success(request, f"Thank you: {plural(len(answers), 'update')} recorded")
            return redirect("evidence:request_answer", council.slug, token)
    return render(
        request,
        "evidence/request_answer.html",
        {"recipient": recipient, "forms": forms, "any_errors": any(f.errors for f in forms)},
    )

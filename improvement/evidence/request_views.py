"""Update requests: the board manager asks owners for updates and sees who has
replied; each owner answers for all of their actions on one page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, form_page, run_service
from improvement.evidence import queries, request_services
from improvement.evidence.forms import ActionAnswerForm, UpdateRequestForm

CHANGE = "evidence.change"


@login_required
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    return render(request, "evidence/request_list.html", {"requests": queries.requests_of(council)})


@login_required
def request_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    owners = request_services.owners_of_live_actions(council)
    return form_page(
        request,
        bound(request, UpdateRequestForm, owners=owners),
        service=lambda data: request_services.request_updates(request.user, council, data),
        done=lambda made: reverse("evidence:request_detail", args=[council.slug, made.pk]),
        title="Ask owners for updates",
        button="Send requests",
        success="Update requests sent",
        template="evidence/form.html",
    )


@login_required
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    update_request = get_object_or_404(queries.requests_of(council), pk=pk)
    recipients = list(update_request.recipients.all())
    return render(
        request,
        "evidence/request_detail.html",
        {
            "update_request": update_request,
            "recipients": recipients,
            "replied": [r for r in recipients if r.responded_at],
            "overdue": update_request.due_on < timezone.localdate(),
        },
    )


@login_required
def request_answer(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """One form per action on one page, so it cannot be the one-form `form_page`."""
    council = access.council_for(request, slug, "evidence.view")
    recipient = get_object_or_404(queries.recipients_for_pages(council), token=token)
    access.check(request, "evidence.answer", recipient)
    actions = list(request_services.actions_for(recipient.person))
    forms = [bound(request, ActionAnswerForm, action=action, council=council) for action in actions]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        today = timezone.localdate()
        answers = [(form.action, {"as_of": today, **form.cleaned_data}) for form in forms]
        if run_service(
            forms[0], lambda: request_services.answer_request(request.user, recipient, answers)
        ):
            messages.success(request, f"Thank you: {len(answers)} updates recorded")
            return redirect("evidence:request_answer", council.slug, token)
    return render(
        request,
        "evidence/request_answer.html",
        {"recipient": recipient, "forms": forms, "any_errors": any(f.errors for f in forms)},
    )

"""Update requests: the board manager asks owners for updates and sees who has
replied; each owner answers for all of their actions on one page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from improvement.evidence import access, queries, request_services
from improvement.evidence.forms import ActionAnswerForm, UpdateRequestForm
from improvement.evidence.web import run, today, without


@login_required
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.editor_council(request, slug)
    return render(request, "evidence/request_list.html", {"requests": queries.requests_of(council)})


@login_required
def request_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.editor_council(request, slug)
    owners = request_services.owners_of_live_actions(council)
    form = UpdateRequestForm(request.POST or None, owners=owners)
    if form.is_valid():
        data = without(form.cleaned_data, "people")
        people = list(form.cleaned_data["people"])
        made = run(
            form, lambda: request_services.request_updates(request.user, council, data, people)
        )
        if made:
            messages.success(request, f"Update requests sent to {made.recipients.count()} owners")
            return redirect("evidence:request_detail", council.slug, made.pk)
    return render(
        request,
        "evidence/form.html",
        {"form": form, "title": "Ask owners for updates", "button": "Send requests"},
    )


@login_required
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    update_request = get_object_or_404(queries.requests_of(council), pk=pk)
    recipients = list(update_request.recipients.all())
    replied = [r for r in recipients if r.responded_at]
    return render(
        request,
        "evidence/request_detail.html",
        {
            "update_request": update_request,
            "recipients": recipients,
            "replied": replied,
            "overdue": update_request.due_on < today(),
        },
    )


@login_required
def request_answer(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    council = access.council_for(request, slug)
    recipient = get_object_or_404(queries.recipients_for_pages(council), token=token)
    access.require_answerer(request.user, recipient)
    actions = list(request_services.actions_for(recipient.person))
    forms = [
        ActionAnswerForm(request.POST or None, action=action, council=council) for action in actions
    ]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        answers = [(form.action, _update_data(form)) for form in forms]
        if run(forms[0], lambda: request_services.answer_request(request.user, recipient, answers)):
            messages.success(request, f"Thank you: {len(answers)} updates recorded")
            return redirect("evidence:request_answer", council.slug, token)
    return render(
        request,
        "evidence/request_answer.html",
        {"recipient": recipient, "forms": forms, "any_errors": any(f.errors for f in forms)},
    )


def _update_data(form: ActionAnswerForm) -> dict:
    return {"as_of": today(), **form.cleaned_data}

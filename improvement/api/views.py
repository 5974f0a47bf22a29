"""A person's own API tokens: the list, making one (shown once), revoking one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.api import presenters, services
from improvement.api.forms import TokenForm
from improvement.board.queries import councils_of
from improvement.core.forms import bound, run_service

PENDING = "ib_api_token_answers"
JUST_MADE = "ib_api_token_made"


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    rows = request.user.api_tokens.listed()  # type: ignore[union-attr]
    return render(request, "api/tokens.html", {"tokens": presenters.token_rows(rows)})


@login_required
def new_token(request: HttpRequest) -> HttpResponse:
    """The token's name, reach and lifetime; the answers are checked on the next page."""
    councils = councils_of(request.user).order_by("name")
    form = bound(request, TokenForm, councils=councils, initial=request.session.get(PENDING))
    if request.method == "POST" and form.is_valid():
        request.session[PENDING] = form.answers()
        return redirect("api_token_check")
    return render(request, "api/token_new.html", {"form": form, "title": "Make an API token"})


@login_required
def check_token(request: HttpRequest) -> HttpResponse:
    """Check your answers, then make the token."""
    councils = councils_of(request.user).order_by("name")
    form = TokenForm(request.session.get(PENDING), councils=councils)
    if not form.is_bound or not form.is_valid():
        return redirect("api_token_new")
    data = form.cleaned_data
    if request.method == "POST":
        made = run_service(
            form,
            lambda: services.create_token(
                request.user, data["name"], days=data["days"], council=data["council"]
            ),
        )
        if made is not None:
            # Shown once on the next page, then gone: only its hash is kept.
            request.session.pop(PENDING, None)
            request.session[JUST_MADE] = {"name": made.token.name, "secret": made.secret}
            return redirect("api_token_made")
        # Refused (the person left the council meanwhile): the answers, with the reason.
        return render(request, "api/token_new.html", {"form": form, "title": "Make an API token"})
    return render(request, "api/token_check.html", presenters.answers(data))


@login_required
def token_made(request: HttpRequest) -> HttpResponse:
    made = request.session.pop(JUST_MADE, None)
    if made is None:
        return redirect("api_tokens")
    return render(request, "api/token_made.html", made)


@login_required
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = request.user.api_tokens.filter(pk=pk, revoked_at__isnull=True).first()  # type: ignore[union-attr]
    if token is None:
        raise Http404("No such token")
    if request.method == "POST":
        services.revoke_token(request.user, token)
        messages.success(request, f"Token ‘{token.name}’ revoked: it no longer works")
        return redirect("api_tokens")
    return render(request, "api/token_revoke.html", {"token": token})

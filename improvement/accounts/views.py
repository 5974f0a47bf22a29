"""The council administrator's people pages, and accepting an invitation."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from improvement.accounts import lockouts, second_factor, services, sso_config
from improvement.accounts.forms import (
    BrandingForm,
    ConfirmForm,
    GiveRoleForm,
    InviteForm,
    NewPasswordForm,
    RetentionForm,
)
from improvement.accounts.presenters import people_rows
from improvement.core import access
from improvement.core.branding import branding_for
from improvement.core.forms import bound, form_page
from improvement.core.models import Council
from improvement.core.retention import retention_for

MANAGE = services.MANAGE


def _people_url(council: Council) -> str:
    return reverse("accounts:people", args=[council.slug])


def _person_url(council: Council, user: Any) -> str:
    return reverse("accounts:person", args=[council.slug, user.pk])


def _person(council: Council, pk: int) -> Any:
    """A person who holds, or held, a role in this council; 404 for anyone else."""
    membership = council.memberships.filter(user_id=pk).select_related("user").first()
    if membership is None:
        raise Http404("No such person")
    return membership.user


@login_required
def people(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    memberships = list(council.memberships.for_people_page())
    invited = set(council.invitations.pending().values_list("user_id", flat=True))
    locked = lockouts.locked_usernames({m.user.username for m in memberships})
    rows = people_rows(memberships, invited, locked)
    context = {
        "council": council,
        "rows": rows,
        "single_sign_on": sso_config.for_council(council),
    }
    return render(request, "accounts/people.html", context)


@login_required
def person(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    memberships = list(council.memberships.for_people_page().filter(user=user))
    invited = council.invitations.pending().filter(user=user).exists()
    locked = lockouts.locked_usernames([user.username])
    row = people_rows(memberships, {user.pk} if invited else set(), locked)[0]
    context = {
        "council": council,
        "row": row,
        "has_second_factor": second_factor.has_second_factor(user),
        "second_factor_required": second_factor.REQUIRED_ROLES.intersection(
            m.role for m in memberships
        ),
    }
    return render(request, "accounts/person.html", context)


@login_required
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    form = bound(request, InviteForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.invite_person(request.user, council, **data),
        done=lambda user: _person_url(council, user),
        title="Invite a person",
        success="Person added. If they had no password, we have emailed them a link to set one",
        button="Send invitation",
    )


@login_required
def give_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    form = bound(request, GiveRoleForm, council=council)
    return form_page(
        request,
        form,
        service=lambda data: services.give_role(request.user, council, user, **data),
        done=_person_url(council, user),
        title=f"Give {user.get_full_name() or user.username} a role",
        success="Role given",
        button="Give role",
    )


@login_required
def deactivate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    name = user.get_full_name() or user.username
    return form_page(
        request,
        bound(request, ConfirmForm),
        service=lambda data: services.deactivate_person(request.user, council, user),
        done=_person_url(council, user),
        title=f"Are you sure you want to deactivate {name}?",
        lead="They will not be able to sign in. Their name stays on everything they wrote.",
        success=f"{name} has been deactivated",
        button="Deactivate",
        template="accounts/confirm.html",
    )


@login_required
def reset_second_factor(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A person who lost their phone and their recovery codes: after this they set up
    a new authenticator app at their next sign-in."""
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    name = user.get_full_name() or user.username
    return form_page(
        request,
        bound(request, ConfirmForm),
        service=lambda data: second_factor.reset(request.user, council, user),
        done=_person_url(council, user),
        title=f"Are you sure you want to reset {name}'s second factor?",
        lead="Their authenticator app and recovery codes will stop working. They will set up "
        "a new authenticator app the next time they sign in. Check it is really them "
        "asking, by phone or in person, before you reset it.",
        success=f"{name}'s second factor has been reset",
        button="Reset second factor",
        template="accounts/confirm.html",
    )


def _post_then_back(request: HttpRequest, council: Council, user: Any, call: Any, done: str):
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(_person_url(council, user))


@login_required
@require_POST
def reactivate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    call = lambda: services.reactivate_person(request.user, council, user)  # noqa: E731
    return _post_then_back(request, council, user, call, "Reactivated")


@login_required
@require_POST
def remove_role(request: HttpRequest, slug: str, pk: int, membership_pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    membership = council.memberships.filter(user=user, pk=membership_pk).first()
    if membership is None:
        raise Http404("No such role")
    call = lambda: services.remove_role(request.user, membership)  # noqa: E731
    return _post_then_back(request, council, user, call, "Role removed")


@login_required
@require_POST
def unlock(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    user = _person(council, pk)
    call = lambda: services.unlock_person(request.user, council, user)  # noqa: E731
    return _post_then_back(request, council, user, call, "Unlocked: they can sign in again")


@login_required
def retention(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    current = retention_for(council)
    form = bound(request, RetentionForm, initial=RetentionForm.initial_for(current))
    return form_page(
        request,
        form,
        service=lambda data: services.change_retention(
            request.user, council, data, data["version"]
        ),
        done=_people_url(council),
        title="How long personal data is kept",
        lead="The daily jobs delete or anonymise personal data once it is older than this. "
        "A shorter period takes effect at the next daily run.",
        success="Retention settings saved",
    )


@login_required
def branding(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, MANAGE)
    current = branding_for(council)
    form = bound(request, BrandingForm, initial=BrandingForm.initial_for(current))
    return form_page(
        request,
        form,
        service=lambda data: services.change_branding(request.user, council, data, data["version"]),
        done=_people_url(council),
        title="How the council's documents look",
        lead="Every report, plan and pack the service writes prints this name, logo and "
        "colour, in PDF, Word and HTML. Documents already finalised keep their look.",
        success="Document branding saved",
        multipart=True,
    )


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """Set a password from an invitation link: Django's one-time token, which stops
    working once the password is set, or after PASSWORD_RESET_TIMEOUT."""

    template_name = "registration/invitation_accept.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("password_reset_complete")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.accept_invitations(form.user)
        return response


class SignOutView(auth_views.LogoutView):
    """Sign out, and say so on the sign-in page that follows: a person on a shared
    computer needs to see that they are no longer signed in."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.success(request, "You have signed out")
        return response

"""Everything the council administrator does to people: invite, give and remove roles,
deactivate, unlock. Each verb asks `accounts.manage_people` first and is audited.

Nobody is deleted: a person who leaves is deactivated, and their name stays on what
they wrote.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from improvement.accounts import lockouts
from improvement.accounts.models import Invitation, Membership, Organisation, Role
from improvement.core import access, audit
from improvement.core.actors import person_or_none, require_actor
from improvement.core.branding import branding_for, colour_problem, store_logo
from improvement.core.models import Council, RetentionSettings
from improvement.core.retention import retention_for
from improvement.core.tracking import create_tracked, save_tracked

MANAGE = "accounts.manage_people"
log = logging.getLogger(__name__)


def _check_organisation(council: Council, organisation: Organisation) -> None:
    if organisation.council_id != council.pk:
        raise ValidationError({"organisation": "Select an organisation in this council"})


@transaction.atomic
def invite_person(
    actor: Any,
    council: Council,
    *,
    email: str,
    first_name: str,
    last_name: str,
    organisation: Organisation,
    role: str,
    job_title: str = "",
) -> Any:
    """Give a person a role and email them a one-time link to set their password.

    A person who already signs in (for another council, say) is given the role and no
    link; the email goes only once the change is committed."""
    access.require(actor, MANAGE, council)
    _check_organisation(council, organisation)
    email = email.strip().lower()
    user_model = get_user_model()
    user = user_model.objects.filter(username__iexact=email).first()
    if user is None:
        user = user_model(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
        audit.record(actor, "person added", user, None, {"username": email}, council=council)
    elif council.memberships.filter(user=user).exists():
        raise ValidationError({"email": "This person already has a role in this council"})
    give_role(actor, council, user, role=role, organisation=organisation, job_title=job_title)
    if user.has_usable_password():
        return user
    invitation = Invitation.objects.create(
        council=council, user=user, invited_by=person_or_none(actor)
    )
    audit.record(actor, "invited", invitation, None, audit.snapshot(invitation))
    transaction.on_commit(lambda: send_invitation(invitation.pk))
    return user


def invitation_link(user: Any) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL.rstrip("/") + reverse("accept_invitation", args=[uid, token])


def send_invitation(invitation_pk: int) -> None:
    """Send one invitation email and record that it went (run after commit)."""
    invitation = Invitation.objects.select_related("user", "council", "invited_by").get(
        pk=invitation_pk
    )
    inviter = invitation.invited_by
    days = settings.PASSWORD_RESET_TIMEOUT // 86400
    body = (
        f"{inviter.get_full_name() if inviter else 'The council administrator'} has invited "
        f"you to the improvement board of {invitation.council.name}.\n\n"
        f"Set your password using this link (it works once, for {days} days):\n"
        f"{invitation_link(invitation.user)}\n\n"
        f"Your username is {invitation.user.username}.\n"
    )
    try:
        send_mail(
            "You have been invited to the improvement board",
            body,
            None,
            [invitation.user.email],
        )
    except Exception:  # the change stands; the administrator can invite again
        log.exception("Could not send invitation %s", invitation.pk)
        return
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def accept_invitations(actor: Any) -> int:
    """The person has set their password from an invitation: mark theirs accepted."""
    require_actor(actor)
    pending = list(Invitation.objects.filter(user=actor, accepted_at__isnull=True))
    for invitation in pending:
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        audit.record(actor, "invitation accepted", invitation, None, {"accepted": True})
    return len(pending)


@transaction.atomic
def give_role(
    actor: Any,
    council: Council,
    user: Any,
    *,
    role: str,
    organisation: Organisation,
    job_title: str = "",
) -> Membership:
    access.require(actor, MANAGE, council)
    _check_organisation(council, organisation)
    if role not in Role.values:
        raise ValidationError({"role": "Select a role"})
    if council.memberships.filter(user=user, role=role).exists():
        raise ValidationError({"role": "This person already holds this role"})
    membership = Membership(
        user=user, council=council, organisation=organisation, role=role, job_title=job_title
    )
    return create_tracked(membership, actor, verb="role given")


@transaction.atomic
def remove_role(actor: Any, membership: Membership) -> None:
    """Take one role away. A person keeps at least one: to end their access, deactivate."""
    access.require(actor, MANAGE, membership)
    others = membership.council.memberships.filter(user_id=membership.user_id)
    if not others.exclude(pk=membership.pk).exists():
        raise ValidationError(
            "This is their only role here: deactivate them instead, so their access ends"
        )
    admins = membership.council.memberships.filter(role=Role.COUNCIL_ADMIN)
    if membership.role == Role.COUNCIL_ADMIN and not admins.exclude(pk=membership.pk).exists():
        raise ValidationError(
            "A council needs a council administrator: give someone else the role first"
        )
    audit.record(actor, "role removed", membership, audit.snapshot(membership), None)
    membership.delete()


def _only_here(council: Council, user: Any) -> None:
    if user.memberships.exclude(council=council).exists():
        raise ValidationError(
            "This person also works for another council: ask the platform administrator"
        )


@transaction.atomic
def deactivate_person(actor: Any, council: Council, user: Any) -> Any:
    """End a person's access. Their record and their name on what they wrote stay."""
    access.require(actor, MANAGE, council)
    if user.pk == getattr(actor, "pk", None):
        raise ValidationError("You cannot deactivate yourself")
    _only_here(council, user)
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit.record(actor, "deactivated", user, {"is_active": True}, {"is_active": False}, council)
    return user


@transaction.atomic
def reactivate_person(actor: Any, council: Council, user: Any) -> Any:
    access.require(actor, MANAGE, council)
    _only_here(council, user)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit.record(actor, "reactivated", user, {"is_active": False}, {"is_active": True}, council)
    return user


@transaction.atomic
def unlock_person(actor: Any, council: Council, user: Any) -> int:
    """Lift a sign-in lockout after too many wrong passwords."""
    access.require(actor, MANAGE, council)
    cleared = lockouts.unlock(user.get_username())
    audit.record(actor, "sign-in unlocked", user, None, {"attempts_cleared": cleared}, council)
    return cleared


@transaction.atomic
def change_retention(
    actor: Any, council: Council, data: dict[str, Any], expected_version: int
) -> RetentionSettings:
    """Change how long the council keeps personal data; the next daily purge honours
    it. Refused if someone changed it since the form was read (settings never saved
    read as version 1, their default); audited and versioned."""
    access.require(actor, MANAGE, council)
    current = retention_for(council)
    low, high = RetentionSettings.ANNEX_A_DAYS
    if not low <= data["annex_a_days"] <= high:
        raise ValidationError({"annex_a_days": f"Enter a number of days from {low} to {high}"})
    low, high = RetentionSettings.COMPLAINT_YEARS
    if not low <= data["complaint_years"] <= high:
        raise ValidationError({"complaint_years": f"Enter a number of years from {low} to {high}"})

    def apply() -> None:
        current.annex_a_days = data["annex_a_days"]
        current.complaint_years = data["complaint_years"]

    if current.pk is None:
        if expected_version != current.version:
            raise ValidationError("These settings have changed: reload the page")
        apply()
        return create_tracked(current, actor)
    return save_tracked(current, actor, expected_version=expected_version, apply=apply)


@transaction.atomic
def change_branding(
    actor: Any, council: Council, data: dict[str, Any], expected_version: int
) -> Any:
    """Change the name, colour and logo the council's documents print (docs/adr/025).
    The colour must be dark enough to read on white (AA); the logo was checked by
    `core.uploads.check_logo` and is kept by the hash of its bytes. Audited and
    versioned, as the retention settings are."""
    access.require(actor, MANAGE, council)
    current = branding_for(council)
    if problem := colour_problem(data["colour"]):
        raise ValidationError({"colour": problem})
    logo = store_logo(data["logo"]) if data.get("logo") else None

    def apply() -> None:
        current.name = data.get("name") or ""
        current.colour = data["colour"].lower()
        if logo is not None:
            current.logo = logo
        elif data.get("remove_logo"):
            current.logo = ""

    if current.pk is None:
        if expected_version != current.version:
            raise ValidationError("These settings have changed: reload the page")
        apply()
        return create_tracked(current, actor)
    return save_tracked(current, actor, expected_version=expected_version, apply=apply)

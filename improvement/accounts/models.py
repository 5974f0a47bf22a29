"""People, the organisations they work for, and the roles that attach them to a council."""

from typing import Any

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from improvement.accounts.managers import InvitationQuerySet, MembershipQuerySet
from improvement.core.models import Archivable, Council, Tracked


class User(AbstractUser):
    """A person who signs in. Our own model from the start, so that sign-in, invitations
    and a second factor can grow on it without a migration of Django's `auth.User`."""

    class Meta:
        ordering = ["username"]

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        # Rights over a council's records come only from the declared rules: a
        # superuser (a platform administrator) gets no council's records by that alone.
        if obj is not None:
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class Organisation(Tracked, Archivable):
    """The council itself, or a partner agency that owns actions in its plan."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        NHS_ICB = "nhs_icb", "NHS Integrated Care Board"
        HEALTH_PROVIDER = "health_provider", "Health provider trust"
        SCHOOLS = "schools", "Schools"
        LSCP = "lscp", "Local Safeguarding Children Partnership"
        DFE = "dfe", "Department for Education"
        OFSTED = "ofsted", "Ofsted"
        LGA = "lga", "Local Government Association"
        OTHER = "other", "Other"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="unique_organisation_name")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    BOARD_MANAGER = "board_manager", "Improvement board manager"
    ACTION_OWNER = "action_owner", "Action owner"
    CHAIR = "chair", "Independent chair or DfE adviser"
    BOARD_MEMBER = "board_member", "Board member"
    COUNCILLOR = "councillor", "Councillor"
    COMPLAINTS_MANAGER = "complaints_manager", "Complaints manager"
    PERFORMANCE_OFFICER = "performance_officer", "Performance and data officer"
    COUNCIL_ADMIN = "council_admin", "Council administrator"


class Membership(Tracked):
    """A person's role in one council, as a member of one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    job_title = models.CharField(max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "council", "role"], name="unique_role")
        ]

    def __str__(self) -> str:
        # The person by name: a username ("manager") is a sign-in, not a name.
        who = self.user.get_full_name() or self.user.get_username()
        return f"{who} – {self.get_role_display()}, {self.council}"


class Person(Tracked, Archivable):
    """Someone named in the plan (an action owner, a lead), with or without a sign-in."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="people")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="unique_person_name")
        ]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """A one-time link sent to a person to set their password: who sent it, and when."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty when a system job sent it.",
    )
    invited_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-invited_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.user} for {self.council}"


class SingleSignOn(Tracked):
    """A council's own sign-in through its identity provider (OpenID Connect; councils
    run Microsoft Entra ID), set up by a platform administrator (docs/adr/016). The
    provider says who the person is; their roles come only from their memberships."""

    class Claim(models.TextChoices):
        EMAIL = "email", "Email address (email)"
        PREFERRED_USERNAME = "preferred_username", "Sign-in name (preferred_username)"
        UPN = "upn", "User principal name (upn)"

    council = models.OneToOneField(Council, on_delete=models.PROTECT, related_name="single_sign_on")
    enabled = models.BooleanField(default=False)
    issuer = models.URLField(
        help_text=(
            "The provider's issuer; its discovery document is this followed by "
            "/.well-known/openid-configuration. For Microsoft Entra ID: "
            "https://login.microsoftonline.com/<tenant id>/v2.0"
        )
    )
    client_id = models.CharField("client ID", max_length=200)
    allowed_email_domains = models.CharField(
        max_length=500,
        blank=True,
        help_text="Separated by commas, for example peterborough.gov.uk. Empty: any domain.",
    )
    match_claim = models.CharField(
        "claim matched to a person's email address",
        max_length=30,
        choices=Claim.choices,
        default=Claim.EMAIL,
    )

    class Meta:
        verbose_name = "single sign-on"
        verbose_name_plural = "single sign-on"

    def __str__(self) -> str:
        return f"Single sign-on for {self.council}"

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    @property
    def domains(self) -> list[str]:
        return [
            d.strip().lstrip("@").lower()
            for d in self.allowed_email_domains.split(",")
            if d.strip()
        ]

    @property
    def client_secret(self) -> str:
        secret = getattr(self, "secret", None)
        return secret.value if secret is not None else ""

    @property
    def secret_hint(self) -> str:
        """The secret as it may be shown: that it is set and its last four characters."""
        secret = self.client_secret
        if not secret:
            return "Not set"
        return f"Set (ending {secret[-4:]})" if len(secret) >= 16 else "Set"


class SingleSignOnSecret(models.Model):
    """The client secret, kept apart from the audited record so that no audit entry or
    page ever holds it; replacing it is audited without its value (sso_config)."""

    single_sign_on = models.OneToOneField(
        SingleSignOn, on_delete=models.CASCADE, related_name="secret"
    )
    value = models.CharField(max_length=500)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Client secret for {self.single_sign_on.council}"

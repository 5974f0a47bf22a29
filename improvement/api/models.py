"""Personal access tokens: how a program (Power BI, Excel, a script) reads the API
as the person who made the token, with that person's roles and nothing more."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from improvement.api.managers import ApiTokenQuerySet
from improvement.core.models import Council


class ApiToken(models.Model):
    """A named token. Only the SHA-256 of the secret is kept: the token itself is shown
    once, when it is made, and cannot be read back (docs/adr/021)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    # The first characters of the token, shown in the list so a person can tell
    # which token a program holds without the token being stored.
    prefix = models.CharField(max_length=16)
    hashed = models.CharField(max_length=64, unique=True)
    council = models.ForeignKey(
        Council,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every council in which the owner holds a role.",
    )
    read_only = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    last_used_from = models.GenericIPAddressField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"API token {self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired

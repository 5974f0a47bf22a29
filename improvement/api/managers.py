"""Reads of API tokens, named for what they are for. The model imports these; this
module never imports the model."""

from django.db import models
from django.utils import timezone


class ApiTokenQuerySet(models.QuerySet):
    def listed(self) -> "ApiTokenQuerySet":
        """Newest first, with the council each is limited to."""
        return self.select_related("council").order_by("-created_at", "-id")

    def usable(self) -> "ApiTokenQuerySet":
        """Neither revoked nor expired, and its owner still able to sign in."""
        return self.filter(
            revoked_at__isnull=True, expires_at__gt=timezone.now(), owner__is_active=True
        )

    def by_hash(self, hashed: str) -> "ApiTokenQuerySet":
        return self.usable().filter(hashed=hashed).select_related("owner")

"""Reads of people, named for what the pages ask."""

from django.db import models


class MembershipQuerySet(models.QuerySet):
    def for_people_page(self) -> "MembershipQuerySet":
        return self.select_related("user", "organisation").order_by(
            "user__last_name", "user__first_name", "user__username", "role"
        )


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True)

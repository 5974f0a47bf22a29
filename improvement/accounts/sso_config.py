"""Setting up a council's single sign-on: only a platform administrator may, every
change is versioned and audited, and the client secret never enters the audit log
(docs/adr/016)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from improvement.accounts.models import SingleSignOn, SingleSignOnSecret
from improvement.core import audit
from improvement.core.actors import require_actor
from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked


def _require_platform_admin(actor: Any) -> None:
    require_actor(actor)
    if not (getattr(actor, "is_superuser", False) and actor.is_active):
        raise PermissionDenied("Only a platform administrator sets up single sign-on")


@transaction.atomic
def save(
    actor: Any,
    sso: SingleSignOn,
    new_secret: str = "",
    expected_version: int | None = None,
) -> SingleSignOn:
    """Create or change a council's single sign-on; a non-empty `new_secret` replaces
    the client secret (an empty one keeps it)."""
    _require_platform_admin(actor)
    if sso.pk is None:
        create_tracked(sso, actor)
    else:
        save_tracked(sso, actor, expected_version=expected_version)
    if new_secret:
        SingleSignOnSecret.objects.update_or_create(
            single_sign_on=sso,
            defaults={"value": new_secret.strip(), "changed_at": timezone.now()},
        )
        sso.__dict__.pop("secret", None)
        sso._state.fields_cache.pop("secret", None)
        audit.record(actor, "client secret replaced", sso, None, {"client_secret": "replaced"})
    return sso


def for_council(council: Council) -> SingleSignOn | None:
    return SingleSignOn.objects.filter(council=council).select_related("secret").first()


def enabled_for(slug: str) -> SingleSignOn | None:
    """The council's sign-in set-up, when it is switched on; the council comes with it."""
    found = SingleSignOn.objects.filter(council__slug=slug, enabled=True)
    return found.select_related("council", "secret").first()


def enabled_councils() -> list[Council]:
    """The councils whose people may sign in with their council account."""
    return list(Council.objects.filter(single_sign_on__enabled=True).order_by("name"))

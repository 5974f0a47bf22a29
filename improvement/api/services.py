"""Every change to an API token: made, revoked, used. Each is audited."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.api.models import ApiToken
from improvement.core import audit
from improvement.core.access import MEMBER, allowed
from improvement.core.actors import is_person, require_actor
from improvement.core.models import Council

PREFIX = "ib_"
DEFAULT_DAYS = 90
MAX_DAYS = 365
# A token's use is written down at most this often (and whenever its address changes):
# a BI refresh reads hundreds of pages a minute, and a write per read would make every
# read contend for the token's row (docs/adr/021).
USE_RECORDED_EVERY = datetime.timedelta(minutes=1)


def hash_token(token: str) -> str:
    """The stored form of a token. The secret is 256 random bits, so a fast hash is
    enough: there is no password to guess."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


# The longest name the token list shows (ApiToken.name), checked here as well as by the
# form: the service is the one way in, and SQLite does not enforce a column's length.
NAME_LENGTH = 100


def create_token(
    actor: Any,
    name: str,
    *,
    days: int = DEFAULT_DAYS,
    council: Council | None = None,
    read_only: bool = True,
) -> NewToken:
    """Make a token for the person acting: a token is always its maker's own."""
    require_actor(actor)
    if not is_person(actor):
        raise PermissionDenied("A token belongs to a person: the system makes none.")
    name = name.strip()
    if not 1 <= len(name) <= NAME_LENGTH:
        raise ValidationError(
            {"name": f"Enter a name for the token of 1 to {NAME_LENGTH} characters"}
        )
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": f"A token lasts from 1 to {MAX_DAYS} days"})
    if council is not None and not allowed(actor, MEMBER, council):
        raise ValidationError({"council": "You do not hold a role in that council"})
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            owner=actor,
            name=name,
            prefix=secret[: len(PREFIX) + 6],
            hashed=hash_token(secret),
            council=council,
            read_only=read_only,
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        audit.record(actor, "created API token", token, after=_described(token))
    return NewToken(token, secret)


def revoke_token(actor: Any, token: ApiToken) -> ApiToken:
    """Stop a token working at once. Only its owner revokes it (or a system job)."""
    require_actor(actor)
    if is_person(actor) and token.owner_id != actor.pk:
        raise PermissionDenied("Only the person who made a token can revoke it.")
    if token.is_revoked:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor, "revoked API token", token, after={"revoked_at": token.revoked_at.isoformat()}
        )
    return token


def authenticate(secret: str) -> ApiToken | None:
    """The usable token with this secret, its owner fetched with it, or None."""
    if not secret.startswith(PREFIX):
        return None
    return ApiToken.objects.by_hash(hash_token(secret)).first()


def record_use(token: ApiToken, address: str | None) -> bool:
    """Write down that a token was used, and from where: at most once a minute for the
    same address, so the audit log says who read what without a write per read.
    Returns whether anything was written."""
    now = timezone.now()
    recent = token.last_used_at and now - token.last_used_at < USE_RECORDED_EVERY
    if recent and token.last_used_from == address:
        return False
    with transaction.atomic():
        token.last_used_at, token.last_used_from = now, address
        token.save(update_fields=["last_used_at", "last_used_from"])
        audit.record(token.owner, "used API token", token, after={"address": address})
    return True


def _described(token: ApiToken) -> dict[str, Any]:
    return {
        "name": token.name,
        "prefix": token.prefix,
        "council": token.council_id,
        "read_only": token.read_only,
        "expires_at": token.expires_at.isoformat(),
    }

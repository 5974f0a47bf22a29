"""Signing in with a council account through the council's identity provider (OpenID
Connect, the authorization code flow with PKCE), by Authlib (docs/adr/016).

Authlib keeps the state, nonce and PKCE verifier in the session, exchanges the code,
and checks the ID token: its signature against the provider's published keys, its
issuer, audience, expiry and nonce. What it proves is only who the person is: they
must already have an active account with a role in that council, and their roles
come from that membership, never from the provider's claims. Nothing is created.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.http import HttpRequest, HttpResponse

from improvement.accounts.middleware import IDP_MFA
from improvement.accounts.models import SingleSignOn
from improvement.core import audit

if TYPE_CHECKING:
    from authlib.integrations.django_client import DjangoOAuth2App

logger = logging.getLogger(__name__)

SCOPE = "openid email profile"
BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass
class Refused(Exception):
    """The person may not sign in this way; the title and advice are for them to read."""

    title: str
    advice: str
    reason: str

    def __str__(self) -> str:
        return self.reason


def no_access(sso: SingleSignOn, reason: str) -> Refused:
    return Refused(
        f"You do not have access to {sso.council.name}’s improvement board",
        "Ask your council administrator to invite you.",
        reason,
    )


def could_not(reason: str) -> Refused:
    return Refused(
        "We could not sign you in with your council account",
        "Try again. If it happens again, sign in with your username and password, "
        "or ask your council administrator for help.",
        reason,
    )


def _provider_errors() -> tuple[type[Exception], ...]:
    """What a provider that is down or misbehaving raises. Authlib and requests are
    imported only when someone signs in this way: the URLs load this module, and
    the two cost every process that loads them 0.1-0.2 s."""
    import requests
    from authlib.common.errors import AuthlibBaseError
    from joserfc.errors import JoseError

    return (AuthlibBaseError, JoseError, requests.RequestException, ValueError, RuntimeError)


def client(sso: SingleSignOn) -> DjangoOAuth2App:
    """An OpenID Connect client for this council's provider, from its discovery document."""
    from authlib.integrations.django_client import DjangoIntegration, DjangoOAuth2App

    name = f"sso-{sso.council.slug}"
    return DjangoOAuth2App(
        DjangoIntegration(name),
        name=name,
        client_id=sso.client_id,
        client_secret=sso.client_secret,
        server_metadata_url=sso.discovery_url,
        client_kwargs={
            "scope": SCOPE,
            "code_challenge_method": "S256",
            "default_timeout": settings.SSO_PROVIDER_TIMEOUT_SECONDS,
        },
    )


def start(request: HttpRequest, sso: SingleSignOn, redirect_uri: str) -> HttpResponse:
    """Send the person to their council's provider, with a fresh state, nonce and PKCE
    challenge kept in their session."""
    try:
        return client(sso).authorize_redirect(request, redirect_uri)
    except _provider_errors() as error:
        raise could_not(f"provider unreachable: {type(error).__name__}") from error


def _claims(request: HttpRequest, sso: SingleSignOn) -> dict[str, Any]:
    issuer = sso.issuer
    options = {
        "iss": {"essential": True, "values": [issuer, issuer.rstrip("/")]},
        "aud": {"essential": True, "values": [sso.client_id]},
        "exp": {"essential": True},
    }
    try:
        token = client(sso).authorize_access_token(request, claims_options=options)
    except (*_provider_errors(), KeyError) as error:
        raise could_not(f"token refused: {type(error).__name__}: {error}") from error
    claims = token.get("userinfo")
    if not claims:
        raise could_not("no ID token")
    return dict(claims)


def _person(sso: SingleSignOn, claims: dict[str, Any]) -> Any:
    value = claims.get(sso.match_claim)
    if not isinstance(value, str) or "@" not in value:
        raise no_access(sso, f"no usable {sso.match_claim} claim")
    domain = value.rsplit("@", 1)[1].lower()
    if sso.domains and domain not in sso.domains:
        raise no_access(sso, "email domain not allowed")
    people = list(get_user_model().objects.filter(email__iexact=value.strip())[:2])
    if len(people) != 1:
        raise no_access(sso, "no single account with that email address")
    user = people[0]
    if not user.is_active:
        raise no_access(sso, "account deactivated")
    if not user.memberships.filter(council=sso.council).exists():
        raise no_access(sso, "no role in this council")
    return user


def finish(request: HttpRequest, sso: SingleSignOn) -> Any:
    """Check the provider's answer and sign the person in; `Refused` says why not."""
    try:
        claims = _claims(request, sso)
        user = _person(sso, claims)
    except Refused as refusal:
        # No personal data in the log: the council and the reason only.
        logger.warning("single sign-on refused for %s: %s", sso.council.slug, refusal.reason)
        raise
    login(request, user, backend=BACKEND)
    amr = claims.get("amr") or []
    if isinstance(amr, list) and "mfa" in amr:
        # The provider checked a second factor (docs/adr/016): ours is not asked again.
        request.session[IDP_MFA] = user.pk
    audit.record(
        user,
        "signed in with council account",
        user,
        None,
        {"single_sign_on": True, "provider_second_factor": IDP_MFA in request.session},
        sso.council,
    )
    return user

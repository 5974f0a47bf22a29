"""The API's one way in: `Authorization: Bearer <token>`, a personal access token."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from improvement.api import services
from improvement.core.clients import client_address


class TokenAuth(HttpBearer):
    """A usable token (not revoked, not expired, its owner active) lets the request act
    as its owner; anything else is 401. Each use is written down (services.record_use)."""

    openapi_description = (
        "A personal access token, made under Your account, then API tokens. "
        "Send it as `Authorization: Bearer ib_…`."
    )

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = services.authenticate(token)
        if found is None:
            return None
        services.record_use(found, client_address(request))
        # The owner acts, with the owner's roles: core.access reads request.user.
        request.user = found.owner
        return found

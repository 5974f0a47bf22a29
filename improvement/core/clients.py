"""Where a request comes from: the one reading of the client's address.

Sign-in lockout (django-axes, through AXES_CLIENT_IP_CALLABLE) and every rate limit
key on it, so a limit means the same person however many proxies stand in front.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies.

    Each of the `TRUSTED_PROXY_COUNT` proxies appends the address it heard from, so the
    client is that many places from the right of the chain ending at the socket's
    address; anything further left was written by the client and cannot be believed.
    With no trusted proxies the header is ignored: anyone can send it.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part.strip() for part in forwarded.split(",") if part.strip()]
    chain.append(remote or "")
    return chain[-(count + 1)] if len(chain) > count else chain[0]

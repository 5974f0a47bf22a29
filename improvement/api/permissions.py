"""Who may read what through the API: exactly what the token's owner may read on the
pages, by the same declared permissions (core.access), and no further than the one
council a token may be limited to.

The token's owner is put on the request as its user when the token is checked
(`auth.TokenAuth`), so `core.access` answers for the API as it does for a page:
a stranger to the council, or a token limited to another, is told it does not
exist (404); a member without the permission is refused (403).
"""

from django.http import Http404, HttpRequest

from improvement.board.queries import councils_of
from improvement.core import access
from improvement.core.models import Council


def council_for(request: HttpRequest, slug: str, perm: str | None = None) -> Council:
    council = access.council_for(request, slug)
    token = request.auth  # type: ignore[attr-defined]
    if token.council_id is not None and token.council_id != council.pk:
        raise Http404("No such council")
    if perm is not None:
        access.check(request, perm, council)
    return council


def councils_for(request: HttpRequest) -> list[Council]:
    """The councils the token reaches: its owner's, or the one it is limited to."""
    token = request.auth  # type: ignore[attr-defined]
    councils = councils_of(request.user).order_by("name")
    if token.council_id is not None:
        councils = councils.filter(pk=token.council_id)
    return list(councils)

"""The read API under /api/v1/: OpenAPI 3, generated from the typed schemas, with its
documentation page at /api/v1/docs (docs/api.md, docs/adr/021)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from improvement.api import (
    figures_endpoints,
    meeting_endpoints,
    plan_endpoints,
    portfolio_endpoints,
)
from improvement.api.auth import TokenAuth
from improvement.core.paging import BadCursor

api = NinjaAPI(
    title="Improvement Board API",
    version="1",
    description=(
        "Read the improvement plan, its evidence, meetings, the forward plan and the "
        "complaints and Annex A figures of the councils you hold a role in, as you "
        "would read them on the pages. Authenticate with a personal access token."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(PermissionDenied)
def refused(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    # A member without the permission: 403 with the sentence the pages show.
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(BadCursor)
def bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=400)


api.add_router("", figures_endpoints.councils_router)
api.add_router("", plan_endpoints.router)
api.add_router("", meeting_endpoints.router)
api.add_router("", figures_endpoints.router)
api.add_router("", portfolio_endpoints.router)

"""The pages of a file being made: asked for, waited on, downloaded, tried again."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.http import require_POST

from improvement.core import access
from improvement.documents import builds
from improvement.documents.download import INLINE
from improvement.documents.models import DocumentBuild
from improvement.documents.render import CONTENT_TYPES
from improvement.documents.stored_charts import KEY, path_of

# Seconds between a waiting page's looks at the build (templates/includes/check_again.html).
REFRESH_SECONDS = 3


def start(
    request: HttpRequest, council: Any, kind: str, parameters: dict, fmt: str
) -> HttpResponse:
    """For an app's download view: a finished file is downloaded at once; otherwise the
    person waits on the build's page while the worker makes it."""
    build = builds.request_build(request.user, council, kind, parameters, fmt)
    name = "documents:build_file" if build.is_done else "documents:build"
    return redirect(name, council.slug, build.pk)


def _build(request: HttpRequest, slug: str, pk: int) -> DocumentBuild:
    council = access.council_for(request, slug)
    build = builds.build_of(council, pk)
    if build is None:
        raise Http404("No such file")
    return builds.check(request.user, build)


@login_required
def build_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    build = builds.fail_if_abandoned(request.user, _build(request, slug, pk))
    builder = builds.builder_for(build.kind)
    context = {
        "council": build.council,
        "build": build,
        "title": builder.title(build.council, build.parameters),
        "back": builder.back(build.council, build.parameters),
        "refresh": REFRESH_SECONDS if build.is_waiting else None,
    }
    return render(request, "documents/build.html", context)


@login_required
def build_file(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    build = _build(request, slug, pk)
    if not build.is_done:
        return redirect("documents:build", slug, pk)
    return serve(build)


def serve(build: DocumentBuild) -> FileResponse:
    """A finished build's stored file: a PDF opens in the browser, a Word file is saved."""
    response = FileResponse(
        default_storage.open(build.file, "rb"),
        as_attachment=build.fmt not in INLINE,
        filename=build.file_name,
        content_type=CONTENT_TYPES[build.fmt],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_or_wait(
    request: HttpRequest,
    actor: Any,
    council: Any,
    kind: str,
    parameters: dict,
    fmt: str,
    template: str = "documents/waiting.html",
    context: dict | None = None,
) -> HttpResponse:
    """For a download address that serves the file itself once made (a public one): the
    file, or a page that looks again at that address until the worker has made it. A
    build that failed is said so and not queued again on each look: anyone may open a
    public address, so none may keep the worker rebuilding a failing file (an officer
    tries again from the build's page)."""
    build = builds.request_build(actor, council, kind, parameters, fmt, again=False)
    if build.is_done:
        return serve(build)
    page = {**(context or {}), "build": build, "refresh": REFRESH_SECONDS}
    return render(request, template, page)


@login_required
@require_POST
def build_again(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    build = _build(request, slug, pk)
    try:
        builds.try_again(request.user, build)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("documents:build", slug, pk)


def _signature(scope: str, key: str) -> str:
    return salted_hmac(f"documents.chart:{scope}", key).hexdigest()[:32]


def chart_name(scope: str, key: str) -> str:
    """A stored chart's name in the address of a page that shows it: its key and a
    signature binding it to `scope` (say, "report:12"), so the chart's own address
    serves it only to someone who may read that page, and only if that page showed it."""
    return f"{key}-{_signature(scope, key)}"


def chart_file(scope: str, name: str) -> FileResponse:
    """For an app's chart view, once it has checked the reader may read `scope`: the
    stored picture named by `chart_name(scope, key)`, or 404 for any other name."""
    key, _, signature = name.partition("-")
    if not KEY.match(key) or not constant_time_compare(signature, _signature(scope, key)):
        raise Http404("No such chart")
    try:
        file = default_storage.open(path_of(key), "rb")
    except FileNotFoundError as exc:
        raise Http404("No such chart") from exc
    response = FileResponse(file, content_type="image/png")
    # A chart's name is a hash of what it draws: the file under a name never changes.
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response

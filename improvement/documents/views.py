"""The pages of a file being made: asked for, waited on, downloaded, tried again."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from improvement.core import access
from improvement.documents import builds
from improvement.documents.download import INLINE
from improvement.documents.models import DocumentBuild
from improvement.documents.render import CONTENT_TYPES

# Seconds between the waiting page's refreshes.
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


def waiting(request: HttpRequest, build: DocumentBuild) -> HttpResponse:
    """For a download address that serves the file itself once made (a public one):
    a page that reloads that address until the worker has made the file."""
    return render(request, "documents/waiting.html", {"build": build, "refresh": REFRESH_SECONDS})


@login_required
@require_POST
def build_again(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    build = _build(request, slug, pk)
    try:
        builds.try_again(request.user, build)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("documents:build", slug, pk)

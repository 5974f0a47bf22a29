"""Importing and exporting the plan workbook through the web (see formats/plan-workbook.md)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from improvement.plans.views import _editor


@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    _editor(request, slug)
    raise NotImplementedError("import_upload is being built")


@login_required
def import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    _editor(request, slug)
    raise NotImplementedError


@login_required
def export_download(request: HttpRequest, slug: str) -> HttpResponse:
    _editor(request, slug)
    raise NotImplementedError

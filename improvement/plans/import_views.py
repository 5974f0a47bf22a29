"""Importing and exporting the plan workbook through the web (see formats/plan-workbook.md).

An upload is saved under a random token and previewed as a dry run; only a
preview with no errors offers the button that imports it.
"""

import re
import secrets
from pathlib import PurePath
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import get_valid_filename

from improvement.core.forms import GovukForm
from improvement.plans import exporting, importing
from improvement.plans.views import _editor
from improvement.plans.workbook import FILE_TYPES

IMPORT_MAX_BYTES = 10 * 1024 * 1024
TOKEN = re.compile(r"^[0-9a-f]{32}$")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(GovukForm, forms.Form):
    workbook = forms.FileField(
        label="Upload the plan",
        help_text="An Excel workbook (.xlsx or .xlsm) or a CSV file, up to 10 MB",
        error_messages={"required": "Select the plan's workbook"},
    )

    def clean_workbook(self) -> Any:
        upload = self.cleaned_data["workbook"]
        if PurePath(upload.name).suffix.lower() not in FILE_TYPES:
            raise forms.ValidationError("The selected file must be a .xlsx, .xlsm or .csv file")
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10 MB")
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        return upload


def _folder(council: Any, token: str) -> str:
    return f"imports/{council.slug}/{token}"


def _stored(council: Any, token: str) -> str:
    """The path of an upload saved under this council and token; 404 if there is none."""
    if not TOKEN.match(token):
        raise Http404("No such import")
    try:
        _, files = default_storage.listdir(_folder(council, token))
    except FileNotFoundError as exc:
        raise Http404("No such import") from exc
    if not files:
        raise Http404("No such import")
    return f"{_folder(council, token)}/{files[0]}"


@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    council = _editor(request, slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        token = secrets.token_hex(16)
        name = get_valid_filename(PurePath(upload.name).name)
        default_storage.save(f"{_folder(council, token)}/{name}", upload)
        return redirect("plans:import_preview", council.slug, token)
    return render(request, "plans/import_upload.html", {"form": form, "council": council})


@login_required
def import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    council = _editor(request, slug)
    path = _stored(council, token)
    name = PurePath(path).name
    applying = request.method == "POST"
    with default_storage.open(path, "rb") as source:
        plan = importing.import_file(
            source, council, request.user, filename=name, dry_run=not applying
        )
    if applying and plan.applied:
        default_storage.delete(path)
        messages.success(request, f"Plan imported from {name}: {plan.summary()}")
        return redirect("board:objective_list", council.slug)
    return render(
        request,
        "plans/import_preview.html",
        {"plan": plan, "council": council, "name": name},
        status=400 if applying else 200,
    )


@login_required
def export_download(request: HttpRequest, slug: str) -> HttpResponse:
    council = _editor(request, slug)
    response = HttpResponse(exporting.export_plan(council), content_type=XLSX)
    filename = f"{council.slug}-improvement-plan-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""Importing and exporting the plan workbook through the web (see formats/plan-workbook.md).

An upload is saved under a random token and previewed as a dry run; only a
preview with no errors offers the button that imports it.
"""

from pathlib import PurePath
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import GovukForm
from improvement.plans import exporting, importing
from improvement.plans.import_uploads import save_upload, stored
from improvement.plans.workbook import FILE_TYPES, LIMITS

IMPORT_MAX_BYTES = LIMITS.max_file_bytes
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
            raise forms.ValidationError(
                f"The selected file must be smaller than {IMPORT_MAX_BYTES // (1024 * 1024)} MB"
            )
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        return upload


@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = save_upload(council, form.cleaned_data["workbook"])
        return redirect("plans:import_preview", council.slug, token)
    return render(request, "plans/import_upload.html", {"form": form, "council": council})


@login_required
def import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    path = stored(council, token)
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
    council = access.council_for(request, slug, "plans.edit_plan")
    response = HttpResponse(exporting.export_plan(council), content_type=XLSX)
    filename = f"{council.slug}-improvement-plan-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

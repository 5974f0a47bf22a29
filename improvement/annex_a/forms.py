"""The Annex A upload form."""

from pathlib import PurePath
from typing import Any

from django import forms

from improvement.annex_a.reader import limits
from improvement.core.forms import DateField, GovukForm

ALLOWED = (".xlsx", ".xlsm", ".csv")


class UploadForm(GovukForm, forms.Form):
    workbook = forms.FileField(
        label="Annex A workbook",
        help_text="The .xlsx workbook with one sheet a list, or one list as a .csv file.",
    )
    reference_date = DateField(
        label="Reference date",
        help_text="The date the extract was taken, for example 31 3 2024.",
    )

    def clean_workbook(self) -> Any:
        upload = self.cleaned_data["workbook"]
        if PurePath(upload.name).suffix.lower() not in ALLOWED:
            raise forms.ValidationError("The workbook must be an .xlsx or .csv file")
        largest = limits().max_file_bytes
        if upload.size > largest:
            raise forms.ValidationError(
                f"The workbook must be smaller than {largest // (1024 * 1024)} MB"
            )
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        return upload

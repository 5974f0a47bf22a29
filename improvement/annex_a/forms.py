"""The Annex A upload form."""

from django import forms

from improvement.core.forms import DateField, GovukForm

ALLOWED = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


class UploadForm(GovukForm, forms.Form):
    workbook = forms.FileField(
        label="Annex A workbook",
        help_text="The .xlsx workbook with one sheet a list, or one list as a .csv file.",
    )
    reference_date = DateField(
        label="Reference date",
        help_text="The date the extract was taken, for example 31 3 2024.",
    )

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(ALLOWED):
            raise forms.ValidationError("The workbook must be an .xlsx or .csv file")
        return upload

from typing import Any

from django import forms

from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.core.text import LONG_TEXT, SHORT_TEXT
from improvement.core.uploads import check_upload
from improvement.evidence.models import Benchmark, CaseAudit, Measure, VoiceEvent, VoiceTheme
from improvement.plans.ports import Rating, review_area_field

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class MeasureForm(GovukForm, forms.ModelForm):
    review_areas = review_area_field("Review areas it evidences")

    class Meta:
        model = Measure
        fields = [
            "code",
            "name",
            "definition",
            "numerator_definition",
            "denominator_definition",
            "unit",
            "polarity",
            "target",
            "tolerance",
            "frequency",
            "owner",
            "source",
            "objectives",
            "actions",
            "review_areas",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "unit": forms.RadioSelect,
            "polarity": forms.RadioSelect,
            "objectives": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
        }
        labels = {
            "numerator_definition": "Numerator",
            "denominator_definition": "Denominator",
            "tolerance": "Tolerance",
            "objectives": "Objectives it shows the impact of",
            "actions": "Actions it shows the impact of",
        }
        help_texts = {
            "code": "A short code, unique in this council, for example contacts_to_referral_pct",
            "tolerance": "How far from the target still counts as within tolerance",
        }

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = council.people.live()
        self.fields["objectives"].queryset = council.objectives.live().in_plan_order()
        # In plan order, 1.1, 1.2, 2.1, as the plan lists them.
        self.fields["actions"].queryset = council.actions.live().in_plan_order()


class MeasureEditForm(VersionedForm, MeasureForm):
    """Editing a measure: the version it was read at is required."""

    class Meta(MeasureForm.Meta):
        pass


class ValueForm(GovukForm, forms.Form):
    period = DateField(
        label="Month",
        help_text="Any day in the month the value is for, for example 1 1 2024",
        error_messages={"required": "Enter the month the value is for"},
    )
    numerator = forms.DecimalField(required=False, min_value=0, max_digits=14, decimal_places=2)
    denominator = forms.DecimalField(required=False, min_value=0, max_digits=14, decimal_places=2)
    value = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text="Leave blank for a percentage or rate worked out from the figures above",
    )
    note = forms.CharField(
        required=False, max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_fraction = data.get("numerator") is not None and data.get("denominator")
        if data.get("value") is None and not has_fraction:
            self.add_error("value", "Enter the value, or a numerator and a denominator above 0")
        if data.get("period"):
            data["period"] = data["period"].replace(day=1)
        return data


class ImportForm(GovukForm, forms.Form):
    lead = (
        "One row per month, with a header row: period (YYYY-MM), then value, or numerator "
        "and denominator; note is optional. A month already held is corrected. The file "
        "imports whole or not at all."
    )
    file = forms.FileField(
        label="CSV or Excel file",
        help_text="Columns: period (YYYY-MM), value or numerator and denominator, note",
        error_messages={"required": "Choose a CSV or Excel file"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or an Excel (.xlsx) file")
        check_upload(upload, MAX_IMPORT_BYTES)
        return upload


class BenchmarkForm(GovukForm, forms.ModelForm):
    published_on = DateField(
        label="Date published",
        required=False,
        help_text="Leave blank to assume 1 December after the period ends",
    )

    class Meta:
        model = Benchmark
        fields = [
            "kind",
            "year",
            "value",
            "numerator",
            "denominator",
            "source",
            "published_on",
            "note",
        ]
        widgets = {"kind": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 2})}


class AuditForm(GovukForm, forms.ModelForm):
    held_on = DateField(label="Date", error_messages={"required": "Enter the date of the audit"})
    review_areas = review_area_field("Review areas it evidences")

    class Meta:
        model = CaseAudit
        fields = [
            "held_on",
            "theme",
            "service_area",
            "cases",
            "outstanding",
            "good",
            "requires_improvement",
            "inadequate",
            "learning",
            "objectives",
            "review_areas",
        ]
        widgets = {
            "learning": forms.Textarea(attrs={"rows": 4}),
            "objectives": forms.CheckboxSelectMultiple,
        }
        labels = {"cases": "Number of cases audited", "objectives": "Objectives it bears on"}

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = council.objectives.live().in_plan_order()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        grades = ("outstanding", "good", "requires_improvement", "inadequate")
        graded = sum(data.get(name) or 0 for name in grades)
        if data.get("cases") is not None and graded > data["cases"]:
            self.add_error("cases", f"The grades add up to {graded}: more than the cases audited")
        return data


class VoiceForm(GovukForm, forms.ModelForm):
    held_on = DateField(label="Date", error_messages={"required": "Enter the date"})

    class Meta:
        model = VoiceEvent
        fields = ["kind", "title", "held_on", "participants", "participant_count", "headlines"]
        widgets = {"kind": forms.RadioSelect, "headlines": forms.Textarea(attrs={"rows": 4})}
        labels = {"participant_count": "How many took part"}


class ThemeForm(GovukForm, forms.ModelForm):
    class Meta:
        model = VoiceTheme
        fields = ["title", "summary", "objectives"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "objectives": forms.CheckboxSelectMultiple,
        }
        labels = {"title": "Theme", "objectives": "Objectives it bears on"}

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = council.objectives.live().in_plan_order()


class UpdateRequestForm(GovukForm, forms.Form):
    title = forms.CharField(
        label="What the updates are for",
        max_length=SHORT_TEXT,
        help_text="For example, Board of 8 January 2024",
    )
    due_on = DateField(label="Due date", error_messages={"required": "Enter the due date"})
    message = forms.CharField(
        label="Message to owners",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    people = forms.ModelMultipleChoiceField(
        label="Owners to ask",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Every owner of an open action is ticked: untick any you do not want to ask",
        # An empty choice is refused by name, never read as "everyone" (docs/adr/045).
        error_messages={"required": "Select the owners to ask"},
    )

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = owners
        if not self.is_bound and "people" not in self.initial:
            self.initial["people"] = [person.pk for person in owners]


class ActionAnswerForm(GovukForm, forms.Form):
    """One action's update on the owner's one-page form (a prefix per action)."""

    rating = forms.ChoiceField(
        label="Rating", widget=forms.RadioSelect, error_messages={"required": "Select a rating"}
    )
    reason = forms.CharField(
        label="Reason for the rating",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the reason for this rating"},
    )
    narrative = forms.CharField(
        label="Progress",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    support_needed = forms.CharField(
        label="Support or capacity needed",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the board or partners could do to help",
    )

    def __init__(self, *args: Any, action: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix=f"action-{action.pk}", **kwargs)
        self.action = action
        labels = {row["code"]: row["label"] for row in council.rating_scale}
        self.fields["rating"].choices = [(c, labels.get(c, c.title())) for c in Rating.values]


class ArchiveForm(VersionedForm):
    reason = forms.CharField(
        label="Why is this measure being archived?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this measure is being archived"},
    )

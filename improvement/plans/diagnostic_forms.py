"""The forms for diagnostic reviews and their findings (Improvement Notice, 8)."""

from typing import Any

from django import forms

from improvement.core.forms import DateField
from improvement.plans.forms import RecordForm
from improvement.plans.models import DiagnosticFinding, DiagnosticReview
from improvement.plans.review_areas import review_area_field


class DiagnosticReviewForm(RecordForm):
    started_on = DateField(
        label="Date it started", error_messages={"required": "Enter the date it started"}
    )
    reported_on = DateField(
        label="Date it reported", required=False, help_text="Leave empty until it reports"
    )
    review_areas = review_area_field("Review areas it covers")

    class Meta:
        model = DiagnosticReview
        fields = [
            "title",
            "commissioned_by",
            "carried_out_by",
            "started_on",
            "reported_on",
            "review_areas",
            "summary",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}
        labels = {
            "title": "Title",
            "commissioned_by": "Commissioned by",
            "carried_out_by": "Carried out by",
            "summary": "Summary of what it found",
        }
        help_texts = {
            "commissioned_by": "For example, the DfE adviser",
            "carried_out_by": "The local authority or other party agreed with the DfE",
        }
        error_messages = {
            "title": {"required": "Enter the title of the diagnostic review"},
            "commissioned_by": {"required": "Enter who commissioned it"},
            "carried_out_by": {"required": "Enter who carried it out"},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        started, reported = data.get("started_on"), data.get("reported_on")
        if started and reported and reported < started:
            self.add_error(
                "reported_on", "Date it reported must be on or after the date it started"
            )
        return data


class DiagnosticFindingForm(RecordForm):
    class Meta:
        model = DiagnosticFinding
        fields = ["text", "objectives"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "objectives": forms.CheckboxSelectMultiple,
        }
        labels = {
            "text": "Finding",
            "objectives": "Objectives that answer it",
        }
        error_messages = {"text": {"required": "Enter the finding"}}

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = council.objectives.live().in_plan_order()

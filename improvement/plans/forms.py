import datetime
from typing import Any

from django import forms
from django.http import HttpRequest

from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.core.listing import natural_key
from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.core.uploads import check_upload
from improvement.plans.models import (
    Action,
    Finding,
    Inspection,
    Notice,
    Objective,
    Rating,
    Requirement,
    Review,
)
from improvement.plans.review_areas import review_area_field

# No plan in this service starts before this (the 2004 Act's children's services): an
# earlier date is a slip of the keyboard, and years before 1 break date arithmetic.
EARLIEST_AS_AT = datetime.date(2000, 1, 1)


class AsAtForm(GovukForm, forms.Form):
    as_at = DateField(
        label="Show the plan as it stood on",
        required=False,
        help_text="For example, the date of a past board meeting",
    )

    def clean_as_at(self) -> datetime.date | None:
        day = self.cleaned_data.get("as_at")
        if day is not None and day < EARLIEST_AS_AT:
            raise forms.ValidationError(
                f"The date to show the plan as at must be {EARLIEST_AS_AT.year} or later"
            )
        return day


def as_at_of(request: HttpRequest) -> tuple[AsAtForm, datetime.date | None]:
    """The date a page is asked to show the plan as at, and the form that asks it."""
    form = AsAtForm(request.GET or None)
    as_at = form.cleaned_data.get("as_at") if form.is_bound and form.is_valid() else None
    return form, as_at


def without_version(data: dict[str, Any]) -> dict[str, Any]:
    """A form's data for a service, less the version the service checks it against."""
    return {name: value for name, value in data.items() if name != "version"}


class NaturalRefChoices(forms.models.ModelChoiceIterator):
    """Findings as people count them: by kind, then reference, PA2 before PA10
    (`core.listing.natural_key`), which the database's text order cannot give."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for finding in sorted(
            self.queryset, key=lambda found: (found.kind, natural_key(found.ref), found.pk)
        ):
            yield self.choice(finding)


class FindingsField(forms.ModelMultipleChoiceField):
    iterator = NaturalRefChoices


class RecordForm(VersionedForm, forms.ModelForm):
    """A form for a plan record: editing one carries the version it was read at (and a
    form without it is refused); adding one has no version to carry."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.initial.setdefault("version", self.instance.version)


class ObjectiveForm(RecordForm):
    review_areas = review_area_field()

    class Meta:
        model = Objective
        fields = [
            "ref",
            "title",
            "theme",
            "description",
            "findings",
            "requirements",
            "review_areas",
            "position",
        ]
        widgets = {
            "findings": forms.CheckboxSelectMultiple,
            "requirements": forms.CheckboxSelectMultiple,
            "title": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"findings": FindingsField}
        labels = {
            "ref": "Reference",
            "findings": "Findings it answers",
            "requirements": "Notice requirements it answers",
            "position": "Order",
        }

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = council.findings.live()
        self.fields["requirements"].queryset = self.fields["requirements"].queryset.filter(
            notice__council=council
        )


class ActionForm(RecordForm):
    start_on = DateField(label="Start date", required=False)
    due_on = DateField(label="Due date", required=False)

    class Meta:
        model = Action
        fields = [
            "ref",
            "title",
            "organisation",
            "owners",
            "findings",
            "start_on",
            "due_on",
            "due_text",
            "success_measure",
            "evidence_planned",
            "position",
        ]
        widgets = {
            "owners": forms.CheckboxSelectMultiple,
            "findings": forms.CheckboxSelectMultiple,
            "title": forms.Textarea(attrs={"rows": 3}),
            "success_measure": forms.Textarea(attrs={"rows": 3}),
            "evidence_planned": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"findings": FindingsField}
        labels = {
            "ref": "Reference",
            "title": "Action",
            "evidence_planned": "Evidence of impact",
            "due_text": "Due (when not a date)",
            "position": "Order",
        }

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = council.organisations.live()
        self.fields["owners"].queryset = council.people.live()
        self.fields["owners"].required = True
        self.fields["findings"].queryset = council.findings.live()
        if self.instance.pk is not None:
            # The due date moves only by re-profiling, with a reason.
            del self.fields["due_on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, due = data.get("start_on"), data.get("due_on")
        if start and due and due < start:
            self.add_error("due_on", "Due date must be the same as or after the start date")
        return data


class ArchiveForm(VersionedForm):
    reason = forms.CharField(
        label="Why is this being archived?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this is being archived"},
    )


class ReprofileForm(VersionedForm):
    new_due_on = DateField(
        label="New due date", error_messages={"required": "Enter the new due date"}
    )
    reason = forms.CharField(
        label="Why is the due date changing?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the due date is changing"},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class UpdateForm(VersionedForm):
    """Records an update, or corrects one (`editing`, carrying its version). The date
    field and the reason for an early date are checked by the service, which knows the
    owners' limit (see `plans.dating`)."""

    as_of = DateField(
        label="Date of this update",
        # Replaced with the limit for this person; present here so the hint is wired up.
        help_text="For example, 27 3 2024",
        error_messages={"required": "Enter the date of this update"},
    )
    rating = forms.ChoiceField(
        label="Rating", widget=forms.RadioSelect, error_messages={"required": "Select a rating"}
    )
    reason = forms.CharField(
        label="Reason for the rating",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why this rating: what is on track, what has slipped",
        error_messages={"required": "Enter the reason for this rating"},
    )
    narrative = forms.CharField(
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=NOTES_TEXT,
    )
    support_needed = forms.CharField(
        label="Support or capacity needed",
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the board or partners could do to help",
    )
    evidence = MultipleFileField(
        label="Evidence files",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, CSV, text or image files, each up to 10 MB",
    )
    backdate_reason = forms.CharField(
        label="Why is this update dated so early?",
        help_text="Needed only for a date before the owners' limit",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args: Any,
        council: Any,
        proposer: bool,
        earliest: datetime.date,
        may_backdate: bool,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["version"]
        self.fields["as_of"].help_text = f"On or after {earliest:%-d %B %Y}" + (
            ", or earlier giving the reason below" if may_backdate else ""
        )
        if may_backdate:
            self.fields["backdate_reason"].help_text = (
                f"Needed only for a date before {earliest:%-d %B %Y}: say why the board's "
                "earlier picture should change"
            )
        else:
            del self.fields["backdate_reason"]
        labels = {row["code"]: row for row in council.rating_scale}
        choices = []
        for code in Rating.values:
            row = labels.get(code, {"label": code.title(), "meaning": ""})
            text = f"{row['label']}: {row['meaning']}"
            if code == Rating.BLUE and proposer:
                text += " (proposed; the chair or board manager accepts it)"
            choices.append((code, text))
        self.fields["rating"].choices = choices

    def clean_evidence(self) -> list[Any]:
        files = self.cleaned_data.get("evidence") or []
        for upload in files:
            check_upload(upload)
        return files


class DecisionForm(VersionedForm):
    decision = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[
            ("accept", "Accept: the evidence of impact is enough to call this complete"),
            ("return", "Return: more is needed before this is complete"),
        ],
        error_messages={"required": "Select accept or return"},
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you return it: say what more is needed",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", "Enter what more is needed before this is complete")
        return data


class InspectionForm(RecordForm):
    started_on = DateField(label="First day of the visit")
    ended_on = DateField(label="Last day of the visit")
    published_on = DateField(label="Report published", required=False)
    report_url = forms.URLField(label="Link to the report", required=False, assume_scheme="https")

    class Meta:
        model = Inspection
        fields = [
            "kind",
            "title",
            "started_on",
            "ended_on",
            "published_on",
            "judgement",
            "report_url",
        ]
        widgets = {"kind": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            data.get("started_on")
            and data.get("ended_on")
            and (data["ended_on"] < data["started_on"])
        ):
            self.add_error("ended_on", "Last day of the visit must be on or after the first day")
        return data


class FindingForm(RecordForm):
    class Meta:
        model = Finding
        fields = ["kind", "inspection", "ref", "text"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "ref": "Reference",
            "inspection": "Inspection (leave empty for an adviser's recommendation)",
        }


class NoticeForm(RecordForm):
    issued_on = DateField(label="Date of the notice")
    deadline = DateField(label="All actions to be implemented by")
    next_review_on = DateField(
        label="Next DfE review scheduled for",
        required=False,
        help_text="The date the DfE has set. Leave empty until it is set.",
    )

    class Meta:
        model = Notice
        fields = [
            "title",
            "issuer",
            "issued_on",
            "inspection",
            "adviser",
            "review_interval_months",
            "deadline",
            "next_review_on",
        ]
        labels = {"review_interval_months": "Months between DfE reviews"}


class RequirementForm(RecordForm):
    class Meta:
        model = Requirement
        fields = ["paragraph", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class ReviewForm(RecordForm):
    held_on = DateField(label="Date of the review")
    scheduled_on = DateField(
        label="Date the DfE had set for it",
        required=False,
        help_text="Filled in from the notice's next scheduled review",
    )

    class Meta:
        model = Review
        fields = ["held_on", "scheduled_on", "reviewer", "summary", "response"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"summary": "What the review found", "response": "The council's response"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        review = self.instance
        if review.pk is None and review.notice_id and review.notice.next_review_on:
            # A new review is the one the notice had scheduled, unless said otherwise.
            self.initial["scheduled_on"] = review.notice.next_review_on

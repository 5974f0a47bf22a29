"""Forms for reports: which report to start, and the text drafted for it."""

from typing import Any

from django import forms
from django.utils import timezone

from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.meetings.models import EXEMPT_PARAGRAPHS
from improvement.reports import committee, dfe, front_sheet
from improvement.reports.models import ReportDocument
from improvement.reports.queries import board_meetings_of, committees_of, meeting_day

KINDS = ReportDocument.Kind
SECTION_FIELDS = {
    KINDS.BOARD_PROGRESS: [],
    KINDS.COMMITTEE: [(key, label, False) for key, label in committee.HEADER_FIELDS]
    + [(key, key.replace("_", " ").capitalize(), True) for key in committee.DRAFTED_KEYS],
    KINDS.SELF_ASSESSMENT: [(key, label, True) for key, label in dfe.SELF_ASSESSMENT_KEYS],
    KINDS.ADVISER: [(key, label, True) for key, label in dfe.ADVISER_KEYS],
}


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.body.name}, {meeting_day(obj):%-d %B %Y}"


class CreateReportForm(GovukForm, forms.Form):
    kind = forms.ChoiceField(label="Which report", widget=forms.RadioSelect)
    meeting = MeetingChoice(
        queryset=None,
        required=False,
        label="Board meeting",
        help_text="For a board progress report, or the board meeting a committee report follows.",
    )
    body = forms.ModelChoiceField(
        queryset=None, required=False, label="Committee (for a committee report)"
    )
    as_at = DateField(
        required=False,
        label="As at",
        help_text="For a self-assessment or adviser's report. Leave blank for today.",
    )

    def __init__(self, *args: Any, council: Any, kinds: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds
        self.fields["meeting"].queryset = board_meetings_of(council)
        self.fields["body"].queryset = committees_of(council)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind in (KINDS.BOARD_PROGRESS, KINDS.COMMITTEE) and not data.get("meeting"):
            self.add_error("meeting", "Select the board meeting the report is for")
        if kind == KINDS.COMMITTEE and not data.get("body"):
            self.add_error("body", "Select the committee the report goes to")
        return data

    def report_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        meeting = data.get("meeting")
        kind = data["kind"]
        uses_meeting = kind in (KINDS.BOARD_PROGRESS, KINDS.COMMITTEE)
        as_at = meeting_day(meeting) if uses_meeting else data.get("as_at")
        return {
            "meeting": meeting if uses_meeting else None,
            "body": data.get("body") if kind == KINDS.COMMITTEE else None,
            "as_at": as_at or timezone.localdate(),
        }


class EditReportForm(VersionedForm):
    title = forms.CharField(max_length=300)
    recommendations = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="One recommendation a line.",
    )

    def __init__(self, *args: Any, report: ReportDocument, **kwargs: Any) -> None:
        sections = report.sections or {}
        initial = {
            "title": report.title,
            "recommendations": report.recommendations,
            "version": report.version,
            "exempt_paragraph": report.exempt_paragraph or "",
            **{f"section_{key}": value for key, value in sections.items()},
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.kind = report.kind
        if report.kind in (KINDS.SELF_ASSESSMENT, KINDS.ADVISER):
            del self.fields["recommendations"]
        if report.kind == KINDS.BOARD_PROGRESS:
            _front_sheet_fields(self, report)
            self.fields["every_action"] = forms.BooleanField(
                required=False,
                initial=report.every_action,
                label="Add every action as an appendix",
                help_text=ReportDocument._meta.get_field("every_action").help_text,
            )
        if report.kind == KINDS.COMMITTEE:
            self.fields["exempt_paragraph"] = forms.TypedChoiceField(
                choices=[("", "Public report")] + EXEMPT_PARAGRAPHS,
                coerce=int,
                empty_value=None,
                required=False,
                label="Public or exempt (Schedule 12A)",
            )
        for key, label, long in SECTION_FIELDS[report.kind]:
            widget = forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput()
            self.fields[f"section_{key}"] = forms.CharField(
                label=label, required=False, widget=widget
            )
        _style(self)

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        changes: dict[str, Any] = {"title": data["title"]}
        if "recommendations" in data:
            changes["recommendations"] = data["recommendations"]
        for name in ("exempt_paragraph", "every_action"):
            if name in data:
                changes[name] = data[name]
        changes["sections"] = {
            name.removeprefix("section_"): value
            for name, value in data.items()
            if name.startswith("section_")
        }
        return changes


def _front_sheet_fields(form: forms.Form, report: ReportDocument) -> None:
    """The board report's front sheet, first on the form as it is first in the report;
    a field the officer has not written shows its default, which they may change."""
    found = front_sheet.values(report.meeting, report.author, report.sections)
    for key, label in front_sheet.FIELDS:
        name = f"section_{key}"
        long = key in front_sheet.LONG
        form.fields[name] = forms.CharField(
            label=label,
            required=False,
            max_length=2000 if long else 300,
            widget=forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput(),
        )
        form.initial[name] = found[key]
    form.order_fields(["title"] + [f"section_{key}" for key, _ in front_sheet.FIELDS])


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "govuk-textarea")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "govuk-select")
        elif isinstance(widget, forms.TextInput):
            widget.attrs.setdefault("class", "govuk-input")

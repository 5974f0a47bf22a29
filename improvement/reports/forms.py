"""Forms for reports: which report to start, and the text drafted for it."""

from typing import Any

from django import forms
from django.utils import timezone

from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.meetings.models import EXEMPT_PARAGRAPHS
from improvement.reports import committee, dfe, front_sheet
from improvement.reports.models import ReportDocument, ReportSettings
from improvement.reports.queries import (
    board_meetings_of,
    committee_meetings_of,
    committees_of,
    council_committee_meetings,
    meeting_day,
)

KINDS = ReportDocument.Kind
SECTION_FIELDS = {
    KINDS.BOARD_PROGRESS: [],
    KINDS.COMMITTEE: [],  # by the council's layout: `committee_fields`
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
        help_text=(
            "For a board progress report; for a committee report, the board meeting whose "
            "report is bound in (leave blank for the latest before the committee meets)."
        ),
    )
    body = forms.ModelChoiceField(
        queryset=None, required=False, label="Committee (for a committee report)"
    )
    committee_meeting = MeetingChoice(
        queryset=None,
        required=False,
        label="Committee meeting (for a committee report)",
        help_text="Its date heads the report. You can choose it later, before finalising.",
    )
    appendix = forms.ChoiceField(
        choices=ReportDocument.Appendix.choices,
        initial=ReportDocument.Appendix.BOARD_REPORT,
        required=False,
        widget=forms.RadioSelect,
        label="Appendix bound in (for a committee report)",
    )
    appendix_year = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        label="Year of the complaints annual report",
        help_text="The year it starts: 2022 for 2022-23.",
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
        self.fields["committee_meeting"].queryset = council_committee_meetings(council)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind == KINDS.BOARD_PROGRESS and not data.get("meeting"):
            self.add_error("meeting", "Select the board meeting the report is for")
        if kind == KINDS.COMMITTEE:
            _check_committee(self, data)
        return data

    def report_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        kind = data["kind"]
        if kind == KINDS.COMMITTEE:
            return {
                "meeting": data.get("committee_meeting"),
                "body": data["body"],
                "appendix": data.get("appendix") or ReportDocument.Appendix.BOARD_REPORT,
                "appendix_meeting": data.get("meeting"),
                "appendix_year": data.get("appendix_year"),
            }
        meeting = data.get("meeting")
        uses_meeting = kind == KINDS.BOARD_PROGRESS
        as_at = meeting_day(meeting) if uses_meeting else data.get("as_at")
        return {
            "meeting": meeting if uses_meeting else None,
            "body": None,
            "as_at": as_at or timezone.localdate(),
        }


def _check_committee(form: forms.Form, data: dict[str, Any]) -> None:
    """A committee report goes to a committee, at one of its meetings, and binds in the
    board's report or the complaints annual report of a year."""
    body = data.get("body")
    if not body:
        form.add_error("body", "Select the committee the report goes to")
    chosen = data.get("committee_meeting")
    if chosen is not None and body and chosen.body_id != body.pk:
        form.add_error("committee_meeting", f"Select a meeting of the {body.name}")
    complaints = data.get("appendix") == ReportDocument.Appendix.COMPLAINTS_ANNUAL
    if complaints and not data.get("appendix_year"):
        form.add_error("appendix_year", "Enter the year of the complaints annual report")


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
            _committee_fields(self, report)
        for key, label, long in SECTION_FIELDS[report.kind]:
            widget = forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput()
            self.fields[f"section_{key}"] = forms.CharField(
                label=label, required=False, widget=widget
            )
        _style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        complaints = data.get("appendix") == ReportDocument.Appendix.COMPLAINTS_ANNUAL
        if complaints and not data.get("appendix_year"):
            self.add_error("appendix_year", "Enter the year of the complaints annual report")
        return data

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        changes: dict[str, Any] = {"title": data["title"]}
        if "recommendations" in data:
            changes["recommendations"] = data["recommendations"]
        for name in ("exempt_paragraph", "every_action", *COMMITTEE_CHOICES):
            if name in data:
                changes[COMMITTEE_FIELD_NAMES.get(name, name)] = data[name]
        changes["sections"] = {
            name.removeprefix("section_"): value
            for name, value in data.items()
            if name.startswith("section_")
        }
        return changes


class ReportSettingsForm(VersionedForm):
    """How the council writes its committee reports, and the text they start from."""

    committee_layout = forms.ChoiceField(
        choices=ReportSettings.Layout.choices,
        widget=forms.RadioSelect,
        label="Committee report layout",
    )
    corporate_priorities = forms.CharField(
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Corporate priorities",
        help_text="One a line. Every committee report lists them.",
        error_messages={"required": "Enter the council's corporate priorities"},
    )
    priorities_link = forms.URLField(
        required=False,
        assume_scheme="https",
        max_length=200,
        label="Link to the corporate strategy and priorities (optional)",
    )
    carbon_statement = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Carbon impact",
        help_text="What a report on the improvement plan means for carbon emissions.",
        error_messages={"required": "Enter the sentence on carbon impact"},
    )
    legal_implications = forms.CharField(
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Legal implications of the Improvement Notice",
        help_text="Blank lines separate paragraphs.",
        error_messages={"required": "Enter the legal implications of the Improvement Notice"},
    )
    cabinet_member = forms.CharField(
        required=False,
        max_length=200,
        label="Cabinet member (portfolio holder) for children's services (optional)",
    )
    local_member = forms.CharField(
        max_length=200,
        label="Local member",
        help_text="For a report on every ward, All.",
        error_messages={"required": "Enter the local member"},
    )


COMMITTEE_CHOICES = ("meeting", "appendix", "appendix_meeting", "appendix_year")
# The committee meeting is chosen by its id among the committee's own meetings.
COMMITTEE_FIELD_NAMES = {"meeting": "meeting_id"}


def _committee_fields(form: forms.Form, report: ReportDocument) -> None:
    """A committee report's meeting (its committee's, the next one first), its appendix
    and its written parts in the order of the council's layout."""
    fields = form.fields
    meetings = committee_meetings_of(report.body, timezone.localdate()) if report.body else []
    fields["meeting"] = forms.TypedChoiceField(
        choices=[("", "Choose the meeting")]
        + [(str(m.pk), f"{m.body.name}, {meeting_day(m):%-d %B %Y}") for m in meetings],
        coerce=int,
        empty_value=None,
        required=False,
        initial=report.meeting_id or "",
        label="Committee meeting",
        help_text="Its date heads the report. A report cannot be finalised without one.",
    )
    fields["appendix"] = forms.ChoiceField(
        choices=ReportDocument.Appendix.choices,
        initial=report.appendix or ReportDocument.Appendix.BOARD_REPORT,
        widget=forms.RadioSelect,
        label="Appendix bound in",
    )
    fields["appendix_meeting"] = MeetingChoice(
        queryset=board_meetings_of(report.council),
        required=False,
        initial=report.appendix_meeting_id,
        label="Board meeting whose report is bound in",
        help_text="Leave blank for the latest before the committee meets.",
    )
    fields["appendix_year"] = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        initial=report.appendix_year,
        label="Year of the complaints annual report",
        help_text="The year it starts: 2022 for 2022-23.",
    )
    fields["exempt_paragraph"] = forms.TypedChoiceField(
        choices=[("", "Public report")] + EXEMPT_PARAGRAPHS,
        coerce=int,
        empty_value=None,
        required=False,
        label="Public or exempt (Schedule 12A)",
    )
    for key, label, long in committee.form_keys(report.council):
        widget = forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput()
        fields[f"section_{key}"] = forms.CharField(label=label, required=False, widget=widget)


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

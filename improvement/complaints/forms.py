import datetime
from typing import Any

from django import forms

from improvement.complaints import models as m
from improvement.complaints.queries import settings_for
from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.core.text import LONG_TEXT

# The financial years a report can be asked for: the form's bounds and the URL's.
FIRST_YEAR, LAST_YEAR = 2000, 2100
# A record's category is stored in 120 characters (Representation.category).
CATEGORY_LENGTH = m.Representation._meta.get_field("category").max_length


def _with_blank(choices: Any, blank: str = "Not yet") -> list[tuple[str, str]]:
    return [("", blank), *choices]


class RepresentationForm(GovukForm, forms.Form):
    """A complaint as received; its reference is given when it is recorded."""

    received_on = DateField(label="Date received")
    process = forms.ChoiceField(
        label="Eligibility decision", choices=m.Process.choices, widget=forms.RadioSelect
    )
    not_logged_reason = forms.ChoiceField(
        label="Reason not logged",
        choices=_with_blank(m.NotLoggedReason.choices, "Not applicable"),
        required=False,
    )
    explanation_sent_on = DateField(
        label="Letter of explanation sent", required=False, help_text="When not logged"
    )
    service = forms.ChoiceField(choices=m.Service.choices)
    team = forms.CharField(max_length=120, required=False)
    category = forms.ChoiceField(required=False)
    complainant_name = forms.CharField(label="Complainant's name", max_length=200, required=False)
    complainant_type = forms.ChoiceField(
        label="Who is complaining", choices=_with_blank(m.ComplainantType.choices, "Choose")
    )
    on_behalf_of = forms.CharField(
        label="On behalf of", max_length=200, required=False, help_text="The child's name"
    )
    complainant_address = forms.CharField(
        label="Complainant's address",
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
        required=False,
        max_length=m.CONTACT_TEXT,
    )
    complainant_email = forms.EmailField(
        label="Complainant's email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    complainant_telephone = forms.CharField(
        label="Complainant's telephone number", max_length=40, required=False
    )
    preferred_contact = forms.ChoiceField(
        label="How they prefer to be contacted",
        choices=_with_blank(m.ContactMethod.choices, "Not known"),
        required=False,
    )
    advocate = forms.BooleanField(label="Supported by an advocate", required=False)
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=LONG_TEXT
    )

    def __init__(self, *args: Any, council: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        categories = settings_for(council).categories
        self.fields["category"].choices = _with_blank([(c, c) for c in categories], "Choose")


class ComplimentForm(GovukForm, forms.Form):
    received_on = DateField(label="Date received")
    service = forms.ChoiceField(choices=m.Service.choices)
    team = forms.CharField(max_length=120)
    complainant_type = forms.ChoiceField(label="From", choices=m.ComplainantType.choices)
    summary = forms.CharField(
        label="Compliment",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=LONG_TEXT,
    )


class CaseForm(VersionedForm, RepresentationForm):
    """Changing a complaint as it was received, at the version it was read."""


class ComplimentEditForm(VersionedForm, ComplimentForm):
    """Changing a compliment, at the version it was read."""


class StageForm(VersionedForm):
    """A stage of a record: the version it was read at is required."""


class Stage1Form(StageForm):
    acknowledged_on = DateField(
        label="Acknowledgement sent",
        required=False,
        help_text="Statutory complaints: within 2 working days of receipt",
    )
    stage1_route = forms.ChoiceField(
        label="Route", choices=m.Route.choices, widget=forms.RadioSelect
    )
    stage1_extended = forms.BooleanField(
        label="Complex: extended to 20 working days", required=False
    )
    stage1_responded_on = DateField(label="Response sent", required=False)
    stage1_outcome = forms.ChoiceField(
        label="Outcome", choices=_with_blank(m.Outcome.choices), required=False
    )
    manager_contacted = forms.BooleanField(
        label="The team manager contacted the complainant", required=False
    )
    service_improvement = forms.CharField(
        label="Service improvements",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=LONG_TEXT,
    )


class Stage2Form(StageForm):
    stage2_requested_on = DateField(label="Stage 2 requested", required=False)
    stage2_extended = forms.BooleanField(
        label="Extended to 65 working days (exceptional)", required=False
    )
    stage2_investigating_officer = forms.CharField(
        label="Investigating officer", max_length=200, required=False
    )
    stage2_independent_person = forms.CharField(
        label="Independent person",
        help_text="Oversees the investigation on the complainant's behalf",
        max_length=200,
        required=False,
    )
    stage2_completed_on = DateField(label="Investigation completed", required=False)
    stage2_outcome = forms.ChoiceField(
        label="Outcome", choices=_with_blank(m.Outcome.choices), required=False
    )


class Stage3Form(StageForm):
    stage3_requested_on = DateField(label="Review panel requested", required=False)
    stage3_panel_on = DateField(label="Panel held", required=False)
    stage3_report_on = DateField(label="Panel report sent", required=False)
    stage3_response_on = DateField(label="Council's response sent", required=False)
    stage3_outcome = forms.ChoiceField(
        label="Outcome", choices=_with_blank(m.Outcome.choices), required=False
    )


class OmbudsmanForm(StageForm):
    ombudsman_referred_on = DateField(label="Referred to the LGSCO", required=False)
    ombudsman_decided_on = DateField(label="LGSCO decision", required=False)
    ombudsman_outcome = forms.ChoiceField(
        label="Decision", choices=_with_blank(m.OmbudsmanOutcome.choices), required=False
    )
    ombudsman_reference = forms.CharField(
        label="LGSCO reference", max_length=40, required=False, help_text="For example 22-000-753"
    )


STAGE_FORMS = {
    "stage1": (Stage1Form, "Stage 1"),
    "stage2": (Stage2Form, "Stage 2 investigation"),
    "stage3": (Stage3Form, "Stage 3 review panel"),
    "ombudsman": (OmbudsmanForm, "Local Government and Social Care Ombudsman"),
}


class GrantForm(GovukForm, forms.Form):
    user = forms.ChoiceField(label="Person")
    reason = forms.CharField(max_length=300, help_text="Why they need to see case details")

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = _with_blank(people, "Choose")


class RevokeForm(VersionedForm):
    """Removing someone's case access: the grant as it was when the page was read."""


class SubjectAccessForm(GovukForm, forms.Form):
    name = forms.CharField(
        label="Person's full name",
        max_length=200,
        help_text="Records naming them as complainant or as the child are exported",
    )


class ReportYearForm(GovukForm, forms.Form):
    year = forms.IntegerField(
        label="Financial year starting 1 April",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
    )


class ReportNoteForm(GovukForm, forms.Form):
    text = forms.CharField(
        label="Note",
        help_text='Printed first in the report, under "Notes on the figures": for example '
        "where a figure differs from the report as presented, and why",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=LONG_TEXT,
    )


class ReportChoiceForm(VersionedForm):
    """A case chosen, or not, as an example in its year's annual report, in the words
    the report prints (never the case's summary, which holds names)."""

    in_annual_report = forms.BooleanField(
        label="Print this as an example in the annual report", required=False
    )
    report_text = forms.CharField(
        label="Words for the report",
        help_text="The complaint's detail or the compliment as the report prints it, with no "
        "names: write X for a person",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=LONG_TEXT,
    )
    report_impact = forms.CharField(
        label="Impact of the complaint",
        help_text="Complaints only: what it meant for the child or family",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=LONG_TEXT,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("in_annual_report") and not (data.get("report_text") or "").strip():
            self.add_error("report_text", "Enter the words for the report, or untick the box")
        return data


class DecisionLinkForm(VersionedForm):
    """The parts of an Ombudsman decision kept only on the decision: its link and a
    summary. The reference, date and decision of one on a case are the case's."""

    link = forms.URLField(
        assume_scheme="https",
        label="Link to the decision",
        help_text="On the Ombudsman's website, for example "
        "https://www.lgo.org.uk/decisions/children-s-care-services/other/22-000-753",
        required=False,
        max_length=300,
    )
    summary = forms.CharField(
        label="Summary",
        help_text="What was decided, with no names",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=LONG_TEXT,
    )


class DecisionForm(DecisionLinkForm):
    """An Ombudsman decision on a complaint never recorded here."""

    reference = forms.CharField(
        label="LGSCO reference", max_length=40, help_text="For example 22-008-825"
    )
    decided_on = DateField(label="Date of the decision")
    process = forms.ChoiceField(
        label="Which complaints process",
        choices=m.DecisionProcess.choices,
        widget=forms.RadioSelect,
    )
    service = forms.ChoiceField(choices=m.Service.choices)
    outcome = forms.ChoiceField(label="Decision", choices=m.OmbudsmanOutcome.choices)

    field_order = ["reference", "decided_on", "process", "service", "outcome", "link", "summary"]


class ArchiveDecisionForm(VersionedForm):
    reason = forms.CharField(
        label="Why is this decision being removed?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this decision is being removed"},
    )


def latest_complete_year(today: datetime.date) -> int:
    """The last financial year that has ended."""
    return (today.year if today.month >= 4 else today.year - 1) - 1


CORPORATE_FIELDS = (
    "advocacy_provider",
    "report_committee",
    "corporate_stage1_days",
    "corporate_stage1_extended_days",
    "corporate_stage2_days",
    "corporate_stage2_extended_days",
)


class SettingsForm(VersionedForm):
    # How long closed cases are kept is the council administrator's retention setting
    # (core.RetentionSettings), changed on the People pages.
    overdue_report_to = forms.CharField(
        label="Also send the monthly overdue report to",
        help_text="Email addresses, one a line; the complaints managers always get it",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=LONG_TEXT,
    )
    report_committee = forms.CharField(
        label="The committee the annual report is for",
        help_text="For example Children and Education Scrutiny Committee",
        required=False,
        max_length=200,
    )
    advocacy_provider = forms.CharField(
        label="Who provides independent advocacy for children",
        help_text="Named in the annual report, for example National Youth Advocacy Service (NYAS)",
        required=False,
        max_length=200,
    )
    corporate_stage1_days = forms.IntegerField(
        label="Corporate complaints: working days to respond at stage 1",
        min_value=1,
        max_value=365,
        help_text="Your corporate policy; statutory children's complaints keep the "
        "Children Act timescales",
    )
    corporate_stage1_extended_days = forms.IntegerField(
        label="Corporate complaints: stage 1 working days when extended",
        min_value=1,
        max_value=365,
    )
    corporate_stage2_days = forms.IntegerField(
        label="Corporate complaints: working days to respond at stage 2",
        min_value=1,
        max_value=365,
    )
    corporate_stage2_extended_days = forms.IntegerField(
        label="Corporate complaints: stage 2 working days when extended",
        min_value=1,
        max_value=365,
    )
    categories = forms.CharField(
        label="Complaint categories",
        help_text="One a line; the register matches them ignoring case and spacing",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=LONG_TEXT,
    )

    def clean_overdue_report_to(self) -> str:
        addresses = self.cleaned_data["overdue_report_to"].split()
        for address in addresses:
            forms.EmailField().clean(address)
        return "\n".join(addresses)

    def clean_categories(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["categories"].splitlines()]
        too_long = [line for line in lines if len(line) > CATEGORY_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Each category must be {CATEGORY_LENGTH} characters or fewer: "
                f"shorten “{too_long[0][:40]}…”"
            )
        return [line for line in lines if line]

    @classmethod
    def initial_for(cls, current: Any) -> dict[str, Any]:
        return {
            "overdue_report_to": current.overdue_report_to,
            "categories": "\n".join(current.categories),
            **{name: getattr(current, name) for name in CORPORATE_FIELDS},
            "version": current.version,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for stage in ("stage1", "stage2"):
            days = data.get(f"corporate_{stage}_days")
            extended = data.get(f"corporate_{stage}_extended_days")
            if days and extended and extended < days:
                self.add_error(
                    f"corporate_{stage}_extended_days",
                    "An extension cannot allow fewer working days than the timescale",
                )
        return data

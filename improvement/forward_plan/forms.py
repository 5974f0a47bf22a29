"""Forms of the forward plan; each is drawn as GOV.UK components by `GovukForm`."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from improvement.core.forms import DateField, GovukForm, VersionedForm
from improvement.core.text import LONG_TEXT, SHORT_TEXT
from improvement.forward_plan import comments, queries
from improvement.forward_plan.models import ForwardDecision, ForwardPlanSettings
from improvement.forward_plan.statutory_notes import split_lines

HONEYPOT = "website"


class DecisionForm(GovukForm, forms.ModelForm):
    expected_on = DateField(label="Date decision expected", required=False)

    class Meta:
        model = ForwardDecision
        fields = [
            "title",
            "description",
            "is_key",
            "amount",
            "wards_affected",
            "maker_kind",
            "maker_name",
            "maker_portfolio",
            "expected_on",
            "expected_note",
            "scrutiny",
            "wards",
            "consultation",
            "contact",
            "contact_email",
            "directorate",
            "documents",
            "is_private",
            "exempt_paragraph",
            "private_reason",
            "exempt_detail",
        ]
        labels = {"is_key": "Key decision", "is_private": "To be taken in private"}

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scrutiny"].queryset = queries.scrutiny_bodies(council)


class EditionForm(GovukForm, forms.Form):
    published_on = DateField(label="Date of publication")
    decisions_from = DateField(
        label="Key decisions from",
        required=False,
        help_text="Leave blank for the first day with 28 clear days' notice.",
    )


class ConfirmForm(VersionedForm):
    """A button that changes a record read at a version: publish an edition."""


class GeneralExceptionForm(VersionedForm):
    """Regulation 10: the chair informed in writing, and a public notice; no agreement."""

    reason = forms.CharField(
        widget=forms.Textarea,
        label="Why publishing 28 clear days' notice is impracticable",
        max_length=LONG_TEXT,
    )
    chair = forms.CharField(label="Scrutiny chair informed", max_length=SHORT_TEXT)
    informed_on = DateField(label="Date the chair was informed in writing")
    notice_on = DateField(label="Date the public notice was published")


class SpecialUrgencyForm(VersionedForm):
    """Regulation 11: the chair agreed the decision is urgent and cannot reasonably wait."""

    reason = forms.CharField(
        widget=forms.Textarea, label="Why the decision cannot wait", max_length=LONG_TEXT
    )
    chair = forms.CharField(label="Scrutiny chair who agreed", max_length=SHORT_TEXT)
    agreed_on = DateField(label="Date the chair agreed")
    notice_on = DateField(
        label="Date the notice of reasons was published",
        required=False,
        help_text="Leave blank if it was published the day the chair agreed.",
    )


class TakeForm(VersionedForm):
    taken_on = DateField(label="Date taken")
    outcome = forms.CharField(
        widget=forms.Textarea,
        label="Decision",
        help_text="Published: write nothing exempt.",
        max_length=LONG_TEXT,
    )
    published_on = DateField(label="Date the decision notice is published", required=False)


class ProgrammeForm(VersionedForm):
    body = forms.ModelChoiceField(queryset=None, label="Scrutiny committee")
    meeting_on = DateField(label="Meeting", required=False)

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = queries.scrutiny_bodies(council)


class SettingsForm(VersionedForm):
    """The council's key-decision test and publication rhythm."""

    key_threshold = forms.IntegerField(
        min_value=0,
        max_value=1_000_000_000,
        label="Key decision threshold, in pounds",
        help_text="Spending or saving above this is a key decision.",
    )
    key_ward_count = forms.IntegerField(
        min_value=1,
        max_value=200,
        label="Wards",
        help_text="A significant effect on this many wards or more is a key decision.",
    )
    notice_clear_days = forms.IntegerField(
        min_value=28, max_value=365, label="Clear days' notice of a key decision"
    )
    clear_days_counting = forms.ChoiceField(
        choices=ForwardPlanSettings.Counting.choices,
        widget=forms.RadioSelect,
        label="Count clear days as",
        help_text=(
            "The regulations do not define a clear day. In its ordinary meaning every calendar "
            "day between publication and decision counts."
        ),
    )
    general_exception_clear_days = forms.IntegerField(
        min_value=5, max_value=365, label="Clear days' notice under the general exception"
    )
    edition_interval_days = forms.IntegerField(
        min_value=1, max_value=365, label="Days between editions"
    )
    comments_email = forms.EmailField(
        required=False,
        max_length=254,
        label="Email for comments",
        help_text="Where comments go when a decision has no contact email.",
    )
    enquiries_contact = forms.CharField(
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Who answers questions on the plan",
        help_text="Printed in each edition: name, role, address, email and telephone.",
    )
    documents_contact = forms.CharField(
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Who documents can be requested from",
        help_text="Printed under inspection of documents: name, role, address, email and "
        "telephone.",
    )
    decisions_web_address = forms.URLField(
        required=False,
        max_length=300,
        assume_scheme="https",
        label="Web address where decisions are posted",
    )
    cabinet_members = forms.CharField(
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="The Cabinet's members",
        help_text="One a line: the member, a | then their responsibility, for example "
        "Councillor Fitzgerald | Leader of the Council",
    )
    directorates = forms.CharField(
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Directorates and their codes",
        help_text="One a line: code | directorate | address | responsibilities, for example "
        "CYP | Children and Young People's Service | Sand Martin House | Children's services",
    )

    call_in_members_needed = forms.IntegerField(
        min_value=1,
        max_value=50,
        label="Members needed to call a decision in",
        help_text="The number of members of the scrutiny committee the constitution requires.",
    )
    call_in_counts = forms.ChoiceField(
        choices=ForwardPlanSettings.CallInCount.choices,
        widget=forms.RadioSelect,
        label="Which members count towards a call-in",
        help_text="Substitutes and the committee's secretariat never count.",
    )
    call_in_email = forms.EmailField(
        required=False,
        max_length=254,
        label="Email of the scrutiny officer told of each call-in",
        help_text="When blank, the scrutiny committee's secretariat is told.",
    )

    def clean_cabinet_members(self) -> str:
        for member, responsibility in split_lines(self.cleaned_data["cabinet_members"], 2):
            if not member or not responsibility:
                raise ValidationError(
                    "Write each member as the member, a | then their responsibility"
                )
        return self.cleaned_data["cabinet_members"].strip()

    def clean_directorates(self) -> str:
        rows = split_lines(self.cleaned_data["directorates"], 4)
        codes = [row[0].lower() for row in rows]
        if any(not code or not name for code, name, _, _ in rows):
            raise ValidationError("Write each directorate as code | directorate, then the rest")
        if any(len(code) > 12 for code in codes):
            raise ValidationError("Each directorate's code must be 12 characters or fewer")
        if len(set(codes)) != len(codes):
            raise ValidationError("Each directorate needs its own code")
        return self.cleaned_data["directorates"].strip()


class CallInForm(VersionedForm):
    members = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Members of the scrutiny committee calling it in",
        error_messages={"required": "Select the members who asked for the call-in"},
    )

    def __init__(self, *args: Any, council: Any, decision: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = queries.scrutiny_members(council, decision.scrutiny)


class CallInReasonsForm(GovukForm, forms.Form):
    """A member's request for a call-in: their reasons, checked on the next page."""

    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=LONG_TEXT,
        label="Why should the decision be called in?",
        error_messages={"required": "Enter your reasons for calling the decision in"},
        help_text="Your reasons are shown to the other members of the committee and sent "
        "to the scrutiny officer.",
    )


class SignForm(GovukForm, forms.Form):
    """The button that sends a checked request, or joins one: it carries only refusals."""


class CommentForm(GovukForm, forms.Form):
    """The plan's "submit your comments or queries" form. A honeypot field (drawn by the
    template, hidden from people) and a signed timestamp keep robots out."""

    comment = forms.CharField(
        widget=forms.Textarea, label="Your comment or query", max_length=LONG_TEXT
    )
    name = forms.CharField(required=False, max_length=SHORT_TEXT, label="Name")
    address = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=SHORT_TEXT
    )
    telephone = forms.CharField(required=False, max_length=40, label="Telephone")
    email = forms.EmailField(required=False, label="Email")
    respond_by = forms.CharField(
        required=False,
        max_length=SHORT_TEXT,
        label="Who would you like to respond?",
        help_text="If left blank your comments will be referred to the relevant Cabinet Member.",
    )
    stamp = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.data.get(HONEYPOT):
            raise ValidationError("Please send your comment using the form")
        comments.check_stamp(self.data.get("stamp", ""))
        return data

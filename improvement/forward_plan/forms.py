"""Forms of the forward plan; each is drawn as GOV.UK components by `GovukForm`."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from improvement.core.forms import DateField, GovukForm
from improvement.forward_plan import comments
from improvement.forward_plan.models import ForwardDecision

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
        self.fields["scrutiny"].queryset = council.bodies.live().filter(kind="scrutiny")


class EditionForm(GovukForm, forms.Form):
    published_on = DateField(label="Date of publication")
    decisions_from = DateField(
        label="Key decisions from",
        required=False,
        help_text="Leave blank for the first day with 28 clear days' notice.",
    )


class ConfirmForm(GovukForm, forms.Form):
    pass


class UrgencyForm(GovukForm, forms.Form):
    route = forms.ChoiceField(
        choices=ForwardDecision.Urgency.choices[1:], widget=forms.RadioSelect, label="Route"
    )
    reason = forms.CharField(widget=forms.Textarea, label="Why the decision cannot wait")
    chair = forms.CharField(label="Scrutiny chair who agreed", max_length=200)
    agreed_on = DateField(label="Date the chair agreed")


class TakeForm(GovukForm, forms.Form):
    taken_on = DateField(label="Date taken")
    outcome = forms.CharField(
        widget=forms.Textarea, label="Decision", help_text="Published: write nothing exempt."
    )
    published_on = DateField(label="Date the decision notice is published", required=False)


class ProgrammeForm(GovukForm, forms.Form):
    body = forms.ModelChoiceField(queryset=None, label="Scrutiny committee")
    meeting_on = DateField(label="Meeting", required=False)

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = council.bodies.live().filter(kind="scrutiny")


class CommentForm(GovukForm, forms.Form):
    """The plan's "submit your comments or queries" form. A honeypot field (drawn by the
    template, hidden from people) and a signed timestamp keep robots out."""

    comment = forms.CharField(widget=forms.Textarea, label="Your comment or query")
    name = forms.CharField(required=False, max_length=200, label="Name")
    address = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    telephone = forms.CharField(required=False, max_length=40, label="Telephone")
    email = forms.EmailField(required=False, label="Email")
    respond_by = forms.CharField(
        required=False,
        max_length=200,
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

from typing import Any

from django import forms

from improvement.core.forms import DateField, GovukForm
from improvement.meetings.models import (
    EXEMPT_PARAGRAPHS,
    Attendance,
    Body,
    BodyMembership,
    Declaration,
)


class CouncilForm(GovukForm, forms.Form):
    """A form whose choices are drawn from the council's own records."""

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.council = council
        for name, field in self.fields.items():
            source = getattr(self, f"source_{name}", None)
            if source is not None:
                field.queryset = source(council)


class BodyForm(CouncilForm):
    name = forms.CharField(max_length=200)
    slug = forms.SlugField(help_text="Used in web addresses, for example scrutiny")
    kind = forms.ChoiceField(choices=Body.Kind.choices)
    standing = forms.ChoiceField(choices=Body.Standing.choices)
    description = forms.CharField(widget=forms.Textarea, required=False)


class MemberForm(CouncilForm):
    person = forms.ModelChoiceField(
        queryset=None, required=False, help_text="Leave empty if vacant"
    )
    role_title = forms.CharField(max_length=200)
    organisation = forms.ModelChoiceField(queryset=None, required=False)
    position = forms.ChoiceField(choices=BodyMembership.Position.choices)
    independent = forms.BooleanField(required=False)
    voting = forms.BooleanField(required=False, initial=True)
    co_opted = forms.ChoiceField(choices=BodyMembership.CoOpted.choices, required=False)
    substitute = forms.BooleanField(required=False)
    starts_on = DateField(required=False)
    ends_on = DateField(required=False)

    def source_person(self, council: Any) -> Any:
        return council.people.live()

    def source_organisation(self, council: Any) -> Any:
        return council.organisations.live()


class TermsForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}))
    approved_on = DateField()
    approved_by_name = forms.CharField(
        max_length=200, label="Approved by", help_text="For example, Full Council"
    )


class MeetingForm(CouncilForm):
    date = DateField()
    time = forms.TimeField(help_text="For example, 14:00")
    location = forms.CharField(max_length=300, required=False)
    is_public = forms.BooleanField(required=False, initial=True, label="Open to the public")


class ItemForm(CouncilForm):
    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea, required=False)
    report_author = forms.CharField(max_length=200, required=False)
    exempt_paragraph = forms.TypedChoiceField(
        choices=[("", "Open to the public"), *EXEMPT_PARAGRAPHS],
        coerce=int,
        empty_value=None,
        required=False,
        label="Exempt under Schedule 12A to the Local Government Act 1972",
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def source_actions(self, council: Any) -> Any:
        return council.actions.live()


class PaperForm(CouncilForm):
    file = forms.FileField()


class AttendanceForm(CouncilForm):
    person = forms.ModelChoiceField(queryset=None)
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    substitute_for = forms.ModelChoiceField(queryset=None, required=False)
    capacity = forms.CharField(max_length=200, required=False)

    def source_person(self, council: Any) -> Any:
        return council.people.live()

    source_substitute_for = source_person


class DeclarationForm(CouncilForm):
    person = forms.ModelChoiceField(queryset=None)
    kind = forms.ChoiceField(choices=Declaration.Kind.choices)
    detail = forms.CharField(widget=forms.Textarea, required=False)

    source_person = AttendanceForm.source_person


class MinuteForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), label="Minute")


class CommentForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea, label="Your comment on the draft minutes")


class ApproveForm(CouncilForm):
    at_meeting = forms.ModelChoiceField(queryset=None, label="Approved at the meeting of")


class TextForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea, label="Resolution")


class MeetingActionForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea, label="Action")
    kind = forms.ChoiceField(choices=[("action", "Action"), ("officer_request", "Request")])
    owner = forms.ModelChoiceField(queryset=None, required=False)
    due_on = DateField(required=False)
    plan_action = forms.ModelChoiceField(queryset=None, required=False)

    source_owner = AttendanceForm.source_person

    def source_plan_action(self, council: Any) -> Any:
        return council.actions.live()


class CloseForm(CouncilForm):
    outcome = forms.CharField(widget=forms.Textarea, required=False)


class WorkProgrammeForm(CouncilForm):
    title = forms.CharField(max_length=500)
    meeting_on = DateField(label="Meeting date")
    contact_officer = forms.CharField(max_length=200, required=False)
    draft_deadline = DateField(required=False)
    final_deadline = DateField(required=False)
    comments = forms.CharField(widget=forms.Textarea, required=False)


class ConfirmForm(CouncilForm):
    """A button with no fields: publish the agenda, add the reporting-route items."""


class CallInForm(CouncilForm):
    members = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Members of the scrutiny committee calling it in",
        error_messages={"required": "Select the members who asked for the call-in"},
    )

    def __init__(self, *args: Any, decision: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        committee = decision.scrutiny
        people = (
            self.council.people.filter(
                body_memberships__body=committee, body_memberships__substitute=False
            ).distinct()
            if committee
            else self.council.people.none()
        )
        self.fields["members"].queryset = people

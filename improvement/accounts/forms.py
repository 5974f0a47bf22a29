"""The council administrator's forms: invite a person, give a role, confirm a change."""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from improvement.accounts.models import Role
from improvement.core.forms import GovukForm
from improvement.core.models import Council


class RoleFields(GovukForm, forms.Form):
    """A role in the council, held as a member of one of its organisations."""

    role = forms.ChoiceField(
        choices=[("", "Select a role"), *Role.choices],
        error_messages={"required": "Select a role"},
    )
    organisation = forms.ModelChoiceField(
        queryset=None,
        empty_label="Select an organisation",
        error_messages={"required": "Select the organisation they work for"},
    )
    job_title = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = council.organisations.live()


class InviteForm(RoleFields):
    first_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter their first name"}
    )
    last_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter their last name"}
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We will send them a link to set their password. It is also their username.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    field_order = ["first_name", "last_name", "email", "role", "organisation", "job_title"]


class GiveRoleForm(RoleFields):
    pass


class ConfirmForm(GovukForm, forms.Form):
    """Nothing to fill in: the button is the confirmation."""


class ResetPasswordForm(GovukForm, auth_forms.PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages = {
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        }


class NewPasswordForm(GovukForm, auth_forms.SetPasswordForm):
    """Setting a password from an invitation or a reset link."""

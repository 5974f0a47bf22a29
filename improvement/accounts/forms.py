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


class CodeForm(GovukForm, forms.Form):
    """A 6-digit code from the person's authenticator app."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The code is 6 digits long and changes every 30 seconds.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "").strip()
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The code must be 6 digits, like 123456")
        return code


class RecoveryCodeForm(GovukForm, forms.Form):
    """One of the ten recovery codes the person saved when they set up their app."""

    code = forms.CharField(
        label="Recovery code",
        help_text="One of the recovery codes you saved when you set up your authenticator app. "
        "Each code works once.",
        max_length=40,
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "autocomplete": "off", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter a recovery code"},
    )

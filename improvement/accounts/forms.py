"""The council administrator's forms: invite a person, give a role, confirm a change."""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from improvement.accounts.models import Role
from improvement.core.forms import GovukForm, VersionedForm
from improvement.core.models import Council, RetentionSettings
from improvement.core.uploads import check_logo


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


DAYS, YEARS = RetentionSettings.ANNEX_A_DAYS, RetentionSettings.COMPLAINT_YEARS


class RetentionForm(VersionedForm):
    """How long the council keeps personal data before the daily purges remove it."""

    annex_a_days = forms.IntegerField(
        label="Keep Annex A child-level rows for (days)",
        help_text=f"After each import, from {DAYS[0]} to {DAYS[1]} days. "
        "0 keeps none: only the KPIs and the import report are kept",
        min_value=DAYS[0],
        max_value=DAYS[1],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter how many days to keep Annex A child-level rows",
            "invalid": "Days to keep Annex A rows must be a whole number, like 90",
            "min_value": f"Days to keep Annex A rows must be {DAYS[0]} or more",
            "max_value": f"Days to keep Annex A rows must be {DAYS[1]} or fewer",
        },
    )
    complaint_years = forms.IntegerField(
        label="Keep the personal data of closed complaints for (years)",
        help_text=f"After the case closes, from {YEARS[0]} to {YEARS[1]} years. Names and "
        "details are then blanked; the figures stay",
        min_value=YEARS[0],
        max_value=YEARS[1],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
        error_messages={
            "required": "Enter how many years to keep closed complaints",
            "invalid": "Years to keep closed complaints must be a whole number, like 6",
            "min_value": f"Years to keep closed complaints must be {YEARS[0]} or more",
            "max_value": f"Years to keep closed complaints must be {YEARS[1]} or fewer",
        },
    )

    @classmethod
    def initial_for(cls, current: RetentionSettings) -> dict[str, Any]:
        return {
            "annex_a_days": current.annex_a_days,
            "complaint_years": current.complaint_years,
            "version": current.version,
        }


class BrandingForm(VersionedForm):
    """The council's name, colour and logo on every document it issues."""

    name = forms.CharField(
        label="Council's name on documents",
        help_text="Leave blank to print the council's name as the service knows it",
        required=False,
        max_length=200,
        error_messages={"max_length": "The council's name must be 200 characters or fewer"},
    )
    colour = forms.CharField(
        label="Colour of headings",
        help_text="As # and 6 letters or digits, like #1d70b8. It must be dark enough to "
        "read on white",
        max_length=7,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the colour of headings, like #1d70b8",
            "max_length": "Enter the colour as # and 6 letters or digits, like #1d70b8",
        },
    )
    logo = forms.FileField(
        label="Logo",
        help_text="A PNG or JPEG picture, smaller than 1 MB, printed at the top of each "
        "document. Leave empty to keep the current logo",
        required=False,
    )
    remove_logo = forms.BooleanField(label="Print no logo", required=False)

    def clean_logo(self) -> Any:
        upload = self.cleaned_data.get("logo")
        if upload:
            check_logo(upload)
        return upload

    @classmethod
    def initial_for(cls, current: Any) -> dict[str, Any]:
        return {"name": current.name, "colour": current.colour, "version": current.version}


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

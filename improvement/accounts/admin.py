"""The platform administrator's Django admin: councils and their first administrator.

Only a superuser may use it. Staff status alone opens nothing here: council people
are managed in the service by the council administrator, where every change is
checked and audited.
"""

from typing import Any

from authlib.common.security import is_secure_transport
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from improvement.accounts import sso_config
from improvement.accounts.models import Membership, Organisation, SingleSignOn, User
from improvement.core.models import Council


def superuser_only(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


admin.site.has_permission = superuser_only


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    fields = ["council", "organisation", "role", "job_title"]
    extra = 0


@admin.register(User)
class PersonAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "kind"]
    list_filter = ["council"]
    fields = ["council", "name", "kind"]


class SingleSignOnForm(forms.ModelForm):
    issuer = forms.URLField(
        assume_scheme="https", help_text=SingleSignOn._meta.get_field("issuer").help_text
    )
    new_client_secret = forms.CharField(
        label="Client secret",
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Leave empty to keep the current secret. It is never shown again.",
    )

    class Meta:
        model = SingleSignOn
        fields = [
            "council",
            "enabled",
            "issuer",
            "client_id",
            "allowed_email_domains",
            "match_claim",
        ]

    def clean_issuer(self) -> str:
        issuer = self.cleaned_data["issuer"]
        if not is_secure_transport(issuer):
            raise forms.ValidationError("Enter the issuer's address starting with https://")
        return issuer

    def clean(self) -> dict:
        data = super().clean()
        has_secret = self.instance.pk and self.instance.client_secret
        if data.get("enabled") and not (has_secret or data.get("new_client_secret")):
            self.add_error("new_client_secret", "Enter the client secret to turn sign-on on")
        return data


@admin.register(SingleSignOn)
class SingleSignOnAdmin(admin.ModelAdmin):
    """A council's identity provider: changes are versioned and audited, and the client
    secret is written only (sso_config.save)."""

    form = SingleSignOnForm
    list_display = ["council", "enabled", "issuer", "client_id"]
    readonly_fields = ["secret_hint", "version", "modified_at", "modified_by"]

    @admin.display(description="Current client secret")
    def secret_hint(self, obj: SingleSignOn) -> str:
        return obj.secret_hint if obj.pk else "Not set"

    def save_model(self, request: HttpRequest, obj: SingleSignOn, form: Any, change: bool) -> None:
        sso_config.save(request.user, obj, form.cleaned_data.get("new_client_secret", ""))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Turned off, never deleted: its history stays with it.
        return False

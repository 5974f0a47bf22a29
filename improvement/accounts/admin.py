"""The platform administrator's Django admin: councils and their first administrator.

Only a superuser may use it. Staff status alone opens nothing here: council people
are managed in the service by the council administrator, where every change is
checked and audited.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from improvement.accounts.models import Membership, Organisation, User
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

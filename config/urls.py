from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from improvement.accounts import forms as accounts_forms
from improvement.accounts import views as accounts_views
from improvement.api.api import api as private_api
from improvement.board import views as board_views
from improvement.core import health
from improvement.core import views as core_views
from improvement.public.api import public_api

council_patterns = [
    path("", include("improvement.plans.urls")),
    path("", include("improvement.board.urls")),
    path("", include("improvement.core.urls")),
    path("evidence/", include("improvement.evidence.urls")),
    path("annex-a/", include("improvement.annex_a.urls")),
    path("complaints/", include("improvement.complaints.urls")),
    path("meetings/", include("improvement.meetings.urls")),
    path("forward-plan/", include("improvement.forward_plan.urls")),
    path("reports/", include("improvement.reports.urls")),
    # Files made by the worker: waited on and downloaded (docs/adr/012).
    path("documents/", include("improvement.documents.urls")),
    path("people/", include("improvement.accounts.urls")),
]

urlpatterns = [
    path("", board_views.home, name="home"),
    path("portfolio/", board_views.portfolio, name="portfolio"),
    path("healthz", health.healthz, name="healthz"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    # The second factor: the code after the password, and setting one up (docs/adr/015).
    path("", include("improvement.accounts.second_factor_urls")),
    # Signing in with a council account through its identity provider (docs/adr/016).
    path("", include("improvement.accounts.sso_urls")),
    path(
        "sign-out/",
        TemplateView.as_view(template_name="registration/logout_confirm.html"),
        name="logout_confirm",
    ),
    path("sign-out/confirm/", accounts_views.SignOutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=accounts_forms.ResetPasswordForm),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=accounts_forms.NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "invitation/<uidb64>/<token>/",
        accounts_views.AcceptInvitationView.as_view(),
        name="accept_invitation",
    ),
    path("councils/<slug:slug>/", include(council_patterns)),
    path("public/<slug:slug>/reports/", include("improvement.reports.public_urls")),
    path("public/<slug:slug>/forward-plan/", include("improvement.forward_plan.public_urls")),
    path("public/", include("improvement.public.urls")),
    # The public record as JSON, no token (docs/public-api.md), matched before the
    # token API's "api/v1/" below.
    path("api/v1/public/", public_api.urls),
    # The private read API with personal access tokens (docs/adr/021, docs/api.md).
    path("api/v1/", private_api.urls),
    path("account/api-tokens/", include("improvement.api.urls")),
    path("django-admin/", admin.site.urls),
]

handler404 = "improvement.core.errors.not_found"
handler403 = "improvement.core.errors.forbidden"
handler500 = "improvement.core.errors.server_error"

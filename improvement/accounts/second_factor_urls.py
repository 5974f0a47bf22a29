from django.urls import path

from improvement.accounts import second_factor_views as views

urlpatterns = [
    path("sign-in/code/", views.verify, name="otp_verify"),
    path("sign-in/recovery-code/", views.verify_recovery, name="otp_verify_recovery"),
    path("two-factor/", views.overview, name="otp_overview"),
    path("two-factor/set-up/", views.setup, name="otp_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="otp_recovery_codes"),
    path("two-factor/recovery-codes/new/", views.new_recovery_codes, name="otp_new_recovery_codes"),
]

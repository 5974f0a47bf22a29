"""Pages of the public site (no sign-in) for the reports app, under /public/<slug>/."""

from django.urls import path  # noqa: F401

app_name = "public_reports"

urlpatterns: list = []

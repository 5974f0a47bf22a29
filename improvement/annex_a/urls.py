from django.urls import path  # noqa: F401

app_name = "annex_a"

urlpatterns: list = []

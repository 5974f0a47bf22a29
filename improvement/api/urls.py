"""Your account's API tokens. The API itself is mounted at /api/v1/ (config/urls.py)."""

from django.urls import path

from improvement.api import views

urlpatterns = [
    path("", views.tokens, name="api_tokens"),
    path("new/", views.new_token, name="api_token_new"),
    path("check/", views.check_token, name="api_token_check"),
    path("made/", views.token_made, name="api_token_made"),
    path("<int:pk>/revoke/", views.revoke, name="api_token_revoke"),
]

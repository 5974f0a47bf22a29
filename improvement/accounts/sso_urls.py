from django.urls import path

from improvement.accounts import sso_views as views

urlpatterns = [
    path("sign-in/council/", views.choose, name="sso_choose"),
    path("sign-in/council/<slug:slug>/", views.start, name="sso_start"),
    path("sign-in/council/<slug:slug>/callback/", views.callback, name="sso_callback"),
]

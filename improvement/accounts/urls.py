from django.urls import path

from improvement.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.people, name="people"),
    path("invite/", views.invite, name="invite"),
    path("retention/", views.retention, name="retention"),
    path("branding/", views.branding, name="branding"),
    path("<int:pk>/", views.person, name="person"),
    path("<int:pk>/roles/add/", views.give_role, name="give_role"),
    path("<int:pk>/roles/<int:membership_pk>/remove/", views.remove_role, name="remove_role"),
    path("<int:pk>/deactivate/", views.deactivate, name="deactivate"),
    path("<int:pk>/reactivate/", views.reactivate, name="reactivate"),
    path("<int:pk>/unlock/", views.unlock, name="unlock"),
    path(
        "<int:pk>/second-factor/reset/",
        views.reset_second_factor,
        name="reset_second_factor",
    ),
]

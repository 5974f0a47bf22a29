"""Pages of the public site (no sign-in) for the decisions app, under /public/<slug>/."""

from django.urls import path

from improvement.forward_plan import public_views

app_name = "public_forward_plan"

urlpatterns = [
    path("", public_views.edition_list, name="edition_list"),
    path("<int:pk>/", public_views.edition_detail, name="edition_detail"),
    path("<int:pk>/plan.<str:fmt>", public_views.edition_file, name="edition_file"),
    path("forward_plan/<int:pk>/comment/", public_views.comment, name="comment"),
    path("forward_plan/<int:pk>/comment/sent/", public_views.comment_sent, name="comment_sent"),
]

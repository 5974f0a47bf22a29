from django.urls import path

from improvement.forward_plan import call_in_views, form_views, views

app_name = "forward_plan"

urlpatterns = [
    path("", views.register, name="register"),
    path("add/", form_views.decision_add, name="decision_add"),
    path("<int:pk>/", views.decision_detail, name="decision_detail"),
    path("<int:pk>/general-exception/", form_views.general_exception, name="general_exception"),
    path("<int:pk>/special-urgency/", form_views.special_urgency, name="special_urgency"),
    path("<int:pk>/take/", form_views.take, name="take"),
    path("<int:pk>/work-programme/", form_views.work_programme, name="work_programme"),
    path("editions/", views.edition_list, name="edition_list"),
    path("editions/add/", form_views.edition_add, name="edition_add"),
    path("editions/<int:pk>/", views.edition_detail, name="edition_detail"),
    path("editions/<int:pk>/publish/", form_views.edition_publish, name="edition_publish"),
    path("editions/<int:pk>/plan.<str:fmt>", views.edition_file, name="edition_file"),
    path("comments/", views.comment_list, name="comment_list"),
    path("settings/", form_views.settings_change, name="settings"),
    path("executive-decisions/", views.executive_decisions, name="executive_decisions"),
    path("executive-decisions/<int:pk>/call-in/", form_views.call_in_record, name="call_in"),
    path("executive-decisions/<int:pk>/", call_in_views.call_in_detail, name="call_in_detail"),
    path(
        "executive-decisions/<int:pk>/request-call-in/",
        call_in_views.call_in_request,
        name="call_in_request",
    ),
    path(
        "executive-decisions/<int:pk>/request-call-in/check/",
        call_in_views.call_in_check,
        name="call_in_check",
    ),
    path(
        "executive-decisions/<int:pk>/join-call-in/",
        call_in_views.call_in_join,
        name="call_in_join",
    ),
]

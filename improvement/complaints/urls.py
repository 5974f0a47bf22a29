from django.urls import path

from improvement.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.index, name="index"),
    path("cases/", views.case_list, name="cases"),
    path("cases/new/", views.record_new, name="record_new"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/change/", views.case_edit, name="case_edit"),
    path("cases/<int:pk>/letters/<slug:kind>.docx", views.letter, name="letter"),
    path("cases/<int:pk>/annual-report/", views.report_choice, name="report_choice"),
    path("cases/<int:pk>/<slug:stage>/", views.stage_edit, name="stage_edit"),
    path("ombudsman/", views.decisions, name="decisions"),
    path("ombudsman/new/", views.decision_new, name="decision_new"),
    path("ombudsman/<int:pk>/", views.decision_edit, name="decision_edit"),
    path("ombudsman/<int:pk>/remove/", views.decision_archive, name="decision_archive"),
    path("compliments/new/", views.compliment_new, name="compliment_new"),
    path("report/", views.report, name="report"),
    path("report/<int:year>.<str:fmt>", views.report_download, name="report_download"),
    path("report/<int:year>/notes/new/", views.report_note, name="report_note"),
    path("subject-access/", views.subject_access, name="subject_access"),
    path("settings/", views.complaints_settings, name="settings"),
    path("access/", views.grants, name="grants"),
    path("access/<int:pk>/revoke/", views.grant_revoke, name="grant_revoke"),
]

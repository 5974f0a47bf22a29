from django.urls import path

from improvement.evidence import request_views, views, voice_views

app_name = "evidence"

urlpatterns = [
    path("", views.index, name="index"),
    path("measures/add/", views.measure_create, name="measure_create"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/archive/", views.measure_archive, name="measure_archive"),
    path("measures/<int:pk>/values/add/", views.value_add, name="value_add"),
    path("measures/<int:pk>/values/import/", views.measure_import, name="measure_import"),
    path("measures/<int:pk>/benchmarks/add/", views.benchmark_add, name="benchmark_add"),
    path("audits/", voice_views.audit_list, name="audit_list"),
    path("audits/add/", voice_views.audit_create, name="audit_create"),
    path("voice/", voice_views.voice_list, name="voice_list"),
    path("voice/add/", voice_views.voice_create, name="voice_create"),
    path("voice/<int:pk>/", voice_views.voice_detail, name="voice_detail"),
    path("voice/<int:pk>/themes/add/", voice_views.theme_add, name="theme_add"),
    path("update-requests/", request_views.request_list, name="request_list"),
    path("update-requests/add/", request_views.request_create, name="request_create"),
    path("update-requests/check/", request_views.request_check, name="request_check"),
    path("update-requests/<int:pk>/", request_views.request_detail, name="request_detail"),
    path("update-requests/<int:pk>/remind/", request_views.request_remind, name="request_remind"),
    path("answer/<str:token>/", request_views.request_answer, name="request_answer"),
]

from django.urls import path

from improvement.plans import diagnostic_views, import_views, record_views, views

app_name = "plans"

# The dashboard and the objective and action pages are the board's (board.urls),
# at the same paths under the council.
urlpatterns = [
    path("plan/objectives/add/", views.objective_create, name="objective_create"),
    path("plan/objectives/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("plan/objectives/<int:pk>/archive/", views.objective_archive, name="objective_archive"),
    path(
        "plan/objectives/<int:objective_pk>/actions/add/", views.action_create, name="action_create"
    ),
    path("plan/actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("plan/actions/<int:pk>/archive/", views.action_archive, name="action_archive"),
    path("plan/actions/<int:pk>/reprofile/", views.action_reprofile, name="action_reprofile"),
    path("plan/actions/<int:action_pk>/updates/add/", views.update_create, name="update_create"),
    path("plan/updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("plan/updates/<int:pk>/decide/", views.completion_decide, name="completion_decide"),
    path("plan/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("notice/", views.notice_detail, name="notice_detail"),
    path("records/<str:kind>/add/", record_views.record_edit, name="record_add"),
    path("records/<str:kind>/<int:pk>/edit/", record_views.record_edit, name="record_edit"),
    path("plan/import/", import_views.import_upload, name="import_upload"),
    path("plan/import/<str:token>/", import_views.import_preview, name="import_preview"),
    path("plan/export/", import_views.export_download, name="export_download"),
    path("diagnostics/", diagnostic_views.diagnostic_list, name="diagnostic_list"),
    path("diagnostics/add/", diagnostic_views.diagnostic_add, name="diagnostic_add"),
    path("diagnostics/<int:pk>/", diagnostic_views.diagnostic_detail, name="diagnostic_detail"),
    path("diagnostics/<int:pk>/edit/", diagnostic_views.diagnostic_edit, name="diagnostic_edit"),
    path(
        "diagnostics/<int:pk>/archive/",
        diagnostic_views.diagnostic_archive,
        name="diagnostic_archive",
    ),
    path(
        "diagnostics/<int:pk>/findings/add/",
        diagnostic_views.finding_add,
        name="diagnostic_finding_add",
    ),
    path(
        "diagnostics/findings/<int:pk>/edit/",
        diagnostic_views.finding_edit,
        name="diagnostic_finding_edit",
    ),
    path(
        "diagnostics/findings/<int:pk>/archive/",
        diagnostic_views.finding_archive,
        name="diagnostic_finding_archive",
    ),
]

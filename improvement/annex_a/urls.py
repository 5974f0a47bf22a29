from django.urls import path

from improvement.annex_a import views

app_name = "annex_a"

urlpatterns = [
    path("", views.kpi_page, name="kpis"),
    path("upload/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.import_status, name="import_status"),
    path("imports/<int:pk>/preview/", views.import_preview, name="import_preview"),
    path("imports/<int:pk>/undo/", views.import_undo, name="import_undo"),
    path("imports/<int:pk>/kpis/<slug:key>/rows/", views.kpi_rows, name="kpi_rows"),
]

"""Pages of the public site (no sign-in) for the reports app, under /public/<slug>/."""

from django.urls import path

from improvement.reports import public_views

app_name = "public_reports"

urlpatterns = [
    path("", public_views.report_list, name="report_list"),
    path("<int:pk>/", public_views.report_detail, name="report_detail"),
    path("<int:pk>/charts/<str:name>.png", public_views.report_chart, name="report_chart"),
    path("<int:pk>/report.pdf", public_views.report_pdf, name="report_pdf"),
]

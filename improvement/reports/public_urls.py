"""Pages of the public site (no sign-in) for the reports app, under /public/<slug>/."""

from django.urls import path

from improvement.reports import pack_views, public_views

app_name = "public_reports"

urlpatterns = [
    path("", public_views.report_list, name="report_list"),
    path("<int:pk>/", public_views.report_detail, name="report_detail"),
    path("<int:pk>/charts/<str:name>.png", public_views.report_chart, name="report_chart"),
    path("<int:pk>/report.pdf", public_views.report_pdf, name="report_pdf"),
    path("meetings/<int:meeting>/agenda-pack.pdf", pack_views.public_pack, name="meeting_pack"),
]

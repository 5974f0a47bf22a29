from django.urls import path

from improvement.reports import pack_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    # A meeting's agenda pack (docs/adr/030).
    path("meetings/<int:meeting>/pack/", pack_views.pack_page, name="pack"),
    path("meetings/<int:meeting>/pack/publish/", pack_views.pack_publish, name="pack_publish"),
    path("meetings/<int:meeting>/pack/<str:which>.pdf", pack_views.pack_file, name="pack_file"),
    path("settings/", views.report_settings, name="report_settings"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/charts/<str:name>.png", views.report_chart, name="report_chart"),
    path("<int:pk>/finalise/", views.report_finalise, name="report_finalise"),
    path("<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("<int:pk>/<str:action>/", views.report_action, name="report_action"),
    path("<int:pk>/draft.<str:fmt>", views.report_download, name="report_download"),
    path(
        "<int:pk>/versions/<int:number>.<str:fmt>",
        views.report_download,
        name="version_download",
    ),
]

from django.urls import path

from improvement.public import feeds, views

app_name = "public"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.council, name="council"),
    path("<slug:slug>/decisions/", views.decisions, name="decisions"),
    path("<slug:slug>/progress/", views.plan_progress, name="progress"),
    path("<slug:slug>/data/", views.open_data, name="open_data"),
    path("<slug:slug>/data/<slug:name>.csv", views.data_file, name="data_file"),
    path("<slug:slug>/meetings.ics", feeds.council_ics, name="council_ics"),
    path("<slug:slug>/meetings.json", feeds.council_json, name="council_json"),
    path("<slug:slug>/meetings/<int:pk>/", views.meeting, name="meeting"),
    path("<slug:slug>/meetings/<int:pk>.json", feeds.meeting_json, name="meeting_json"),
    path("<slug:slug>/papers/<int:pk>/", views.paper, name="paper"),
    path("<slug:slug>/bodies/<slug:body_slug>/", views.body, name="body"),
    path("<slug:slug>/bodies/<slug:body_slug>/meetings.ics", feeds.body_ics, name="body_ics"),
]

from django.urls import path
from django.views.generic import RedirectView

from improvement.meetings import agenda_views, form_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.index, name="index"),
    path("actions/", views.action_log, name="action_log"),
    path("work-programme/", views.work_programme, name="work_programme"),
    # Executive decisions and their call-in moved to the forward plan; old links still work.
    path(
        "decisions/",
        RedirectView.as_view(pattern_name="forward_plan:executive_decisions", permanent=True),
    ),
    path(
        "decisions/<int:pk>/call-in/",
        RedirectView.as_view(pattern_name="forward_plan:call_in", permanent=True),
    ),
    path("bodies/add/", form_views.body_create, name="body_create"),
    path("bodies/<slug:body_slug>/", views.body_detail, name="body_detail"),
    path("bodies/<slug:body_slug>/members/add/", form_views.member_add, name="member_add"),
    path("bodies/<slug:body_slug>/terms/add/", form_views.terms_add, name="terms_add"),
    path("bodies/<slug:body_slug>/routes/", form_views.body_routes, name="body_routes"),
    path("bodies/<slug:body_slug>/schedule/", form_views.meeting_create, name="meeting_create"),
    path(
        "bodies/<slug:body_slug>/standard-agenda/",
        agenda_views.standard_agenda,
        name="standard_agenda",
    ),
    path("bodies/<slug:body_slug>/programme/add/", form_views.programme_add, name="programme_add"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/change/", agenda_views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/items/add/", form_views.item_add, name="item_add"),
    path("<int:pk>/publish-agenda/", form_views.agenda_publish, name="agenda_publish"),
    path("<int:pk>/attendance/", form_views.attendance_add, name="attendance_add"),
    path("attendance/<int:pk>/change/", form_views.attendance_change, name="attendance_change"),
    path("<int:pk>/comments/add/", form_views.comment_add, name="comment_add"),
    path("<int:pk>/minutes/approve/", form_views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes/publish/", form_views.minutes_publish, name="minutes_publish"),
    path("<int:pk>/actions/add/", form_views.action_add, name="action_add"),
    path("<int:pk>/reporting-routes/", form_views.reporting_routes, name="reporting_routes"),
    path("items/<int:pk>/papers/add/", form_views.paper_add, name="paper_add"),
    path("items/<int:pk>/declarations/add/", form_views.declaration_add, name="declaration_add"),
    path("items/<int:pk>/change/", agenda_views.item_edit, name="item_edit"),
    path("items/<int:pk>/withdraw/", form_views.item_withdraw, name="item_withdraw"),
    path("items/<int:pk>/move/<str:direction>/", form_views.item_move, name="item_move"),
    path("items/<int:pk>/minute/", form_views.minute_edit, name="minute_edit"),
    path("items/<int:pk>/resolutions/add/", form_views.resolution_add, name="resolution_add"),
    path("papers/<int:pk>/", views.paper_download, name="paper_download"),
    path("actions/<int:pk>/close/", form_views.action_close, name="action_close"),
]

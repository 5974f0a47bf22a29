from django.urls import path

from improvement.board import views

app_name = "board"

# Under /councils/<slug>/, at the paths these pages had in the plans and core apps.
urlpatterns = [
    path("", views.start, name="start"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("plan/", views.objective_list, name="objective_list"),
    path("evidence/slow-to-progress/", views.slow_to_progress, name="exceptions"),
    path("plan/objectives/<int:pk>/", views.objective_detail, name="objective_detail"),
    path("plan/actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("activity/", views.activity, name="activity"),
    path("search/", views.search, name="search"),
    path("history/<str:model>/<int:pk>/", views.history, name="history"),
]

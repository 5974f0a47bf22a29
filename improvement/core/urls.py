from django.urls import path

from improvement.core import views

app_name = "core"

urlpatterns = [
    path("activity/", views.activity, name="activity"),
    path("history/<str:model>/<int:pk>/", views.history, name="history"),
]

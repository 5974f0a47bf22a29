from django.urls import path

from improvement.documents import views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/", views.build_page, name="build"),
    path("<int:pk>/file", views.build_file, name="build_file"),
    path("<int:pk>/again/", views.build_again, name="build_again"),
]

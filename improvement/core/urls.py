from django.urls import URLPattern

app_name = "core"

# The activity and history pages read every app's records, so they are the board's
# (board.urls, at the same paths); core serves nothing under a council.
urlpatterns: list[URLPattern] = []

from django.urls import path

from followup.calendar import views

# Included by followup/urls.py under "calendar/", in the "followup" namespace.
urlpatterns = [
    path("", views.feed_list, name="calendar"),
    path("new/", views.feed_create, name="calendar_create"),
    path("<int:pk>/revoke/", views.feed_revoke, name="calendar_revoke"),
    path("feed/<slug:token>.ics", views.feed, name="calendar_feed"),
]

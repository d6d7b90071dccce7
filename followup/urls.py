from django.urls import include, path

app_name = "followup"

urlpatterns = [
    path("dashboard/", include("followup.dashboards.urls")),
    path("calendar/", include("followup.calendar.urls")),
]

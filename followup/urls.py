from django.urls import include, path

from followup import views

app_name = "followup"

urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("item/<int:pk>/", views.item_detail, name="item"),
    path("item/<int:pk>/report/", views.item_report, name="report"),
    path("item/<int:pk>/confirm/", views.item_review, {"action": "confirm"}, name="confirm"),
    path("item/<int:pk>/reopen/", views.item_review, {"action": "reopen"}, name="reopen"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("dashboard/", include("followup.dashboards.urls")),
    path("calendar/", include("followup.calendar.urls")),
]

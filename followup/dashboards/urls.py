from django.urls import path

from followup.dashboards import views

# Included by followup/urls.py under "dashboard/", in the "followup" namespace.
urlpatterns = [
    path("office/<int:pk>/", views.office_dashboard, name="dashboard"),
    path("office/<int:pk>/subordinates/", views.subordinates_dashboard, name="dashboard_subordinates"),
]

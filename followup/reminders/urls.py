from django.urls import path

from followup.reminders import views

app_name = "reminders"

urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("office/<int:office_pk>/", views.office_policy, name="office_policy"),
    path("office/<int:office_pk>/sent/", views.office_sent, name="office_sent"),
    path("delivery/<int:pk>/send-again/", views.send_again, name="send_again"),
]

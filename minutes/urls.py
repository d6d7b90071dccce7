from django.urls import path

from minutes import views

app_name = "minutes"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/<int:office_pk>/", views.meeting_create, name="create"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/edit/add-group/", views.recipients_add_group, name="add_group"),
]

from django.urls import path

from offices import views

app_name = "offices"

urlpatterns = [
    path("", views.office_list, name="list"),
    path("<int:pk>/", views.office_detail, name="detail"),
    path("<int:office_pk>/officials/new/", views.official_create, name="official_create"),
    path("officials/<int:pk>/edit/", views.official_edit, name="official_edit"),
    path("<int:office_pk>/files/new/", views.file_create, name="file_create"),
    path("files/<int:pk>/edit/", views.file_edit, name="file_edit"),
    path("<int:office_pk>/branches/new/", views.branch_create, name="branch_create"),
    path("branches/<int:pk>/edit/", views.branch_edit, name="branch_edit"),
]

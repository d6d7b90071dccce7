"""Included by actionplan/urls.py under the `actionplan` namespace."""

from django.urls import path

from actionplan.ideas import views

urlpatterns = [
    path("office/<int:office_pk>/ideas/", views.idea_list, name="ideas"),
    path("office/<int:office_pk>/ideas/new/", views.idea_create, name="idea_create"),
    path("office/<int:office_pk>/ideas/import/", views.ideas_import, name="ideas_import"),
    path("office/<int:office_pk>/ideas/export/", views.ideas_export, name="ideas_export"),
    path("ideas/<int:pk>/", views.idea_detail, name="idea"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="idea_edit"),
    path("ideas/<int:pk>/status/", views.idea_status, name="idea_status"),
    path("ideas/<int:pk>/publish/", views.idea_publish, name="idea_publish"),
]

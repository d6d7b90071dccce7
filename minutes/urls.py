from django.urls import path

from minutes import views, views_document, views_workflow

app_name = "minutes"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("inbox/", views_workflow.inbox, name="inbox"),
    path("new/<int:office_pk>/", views.meeting_create, name="create"),
    path("<int:pk>/", views_workflow.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/document/", views_document.meeting_document, name="document"),
    path("<int:pk>/document.pdf", views_document.meeting_pdf, name="pdf"),
    path("<int:pk>/edit/add-group/", views.recipients_add_group, name="add_group"),
    path("<int:pk>/step/<slug:step>/", views_workflow.meeting_step, name="step"),
    path("deliveries/<int:pk>/retry/", views_workflow.delivery_retry, name="delivery_retry"),
]

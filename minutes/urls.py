from django.urls import path

from minutes.content import views as content
from minutes.conventions import views as conventions
from minutes.delivery import views as delivery
from minutes.distribution import views as distribution
from minutes.document import views as document
from minutes.workflow import views as workflow

app_name = "minutes"

urlpatterns = [
    path("", content.meeting_list, name="list"),
    path("new/<int:office_pk>/", content.meeting_create, name="create"),
    path("<int:pk>/edit/", content.meeting_edit, name="edit"),
    path("<int:pk>/edit/add-group/", content.recipients_add_group, name="add_group"),
    path("<int:pk>/edit/deadline-proposal/", content.deadline_proposal, name="deadline_proposal"),
    path("inbox/", workflow.inbox, name="inbox"),
    path("<int:pk>/", workflow.meeting_detail, name="detail"),
    path("<int:pk>/issue/", workflow.meeting_issue_review, name="issue"),
    path("<int:pk>/step/<slug:step>/", workflow.meeting_step, name="step"),
    path("<int:pk>/document/", document.meeting_document, name="document"),
    path("<int:pk>/document.pdf", document.meeting_pdf, name="pdf"),
    path("deliveries/<int:pk>/retry/", delivery.delivery_retry, name="delivery_retry"),
    path("conventions/office/<int:office_pk>/", conventions.conventions_edit, name="conventions"),
    path(
        "conventions/office/<int:office_pk>/preview/",
        conventions.conventions_preview,
        name="conventions_preview",
    ),
    path("groups/office/<int:office_pk>/", distribution.group_list, name="groups"),
    path("groups/office/<int:office_pk>/new/", distribution.group_create, name="group_create"),
    path("groups/<int:pk>/", distribution.group_edit, name="group_edit"),
    path("groups/<int:pk>/delete/", distribution.group_delete, name="group_delete"),
]

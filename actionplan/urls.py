from django.urls import include, path

from actionplan import views
from actionplan.editing import views as editing
from actionplan.links import views as links
from actionplan.progress import views as progress
from actionplan.subordinates import views as subordinates

app_name = "actionplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("office/<int:office_pk>/", views.office_plans, name="office"),
    path("office/<int:office_pk>/import/", views.plan_import, name="import"),
    path("office/<int:office_pk>/copy/", views.plan_copy, name="copy"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", editing.plan_edit, name="edit"),
    # A superior office's template for its subordinates, and its overview of their scores
    path(
        "<int:pk>/template/publish/",
        subordinates.template_publish,
        {"published": True},
        name="template_publish",
    ),
    path(
        "<int:pk>/template/unpublish/",
        subordinates.template_publish,
        {"published": False},
        name="template_unpublish",
    ),
    path(
        "office/<int:office_pk>/from-template/<int:pk>/",
        subordinates.plan_from_template,
        name="from_template",
    ),
    path("office/<int:office_pk>/subordinates/", subordinates.overview, name="subordinates"),
    path("", include("actionplan.ideas.urls")),  # the innovation bank
    # Decisions linked to indicators, minutes as evidence (actionplan/links/)
    path("indicators/<int:pk>/minutes/<int:meeting_pk>/attach/", links.minutes_attach, name="minutes_attach"),
    path("indicators/<int:pk>/minutes/<int:meeting_pk>/detach/", links.minutes_detach, name="minutes_detach"),
    path("decisions/<int:decision_pk>/indicators/", links.decision_links, name="decision_links"),
    path("decisions/<int:decision_pk>/link/<int:indicator_pk>/", links.decision_link, name="decision_link"),
    path(
        "decisions/<int:decision_pk>/unlink/<int:indicator_pk>/",
        links.decision_unlink,
        name="decision_unlink",
    ),
    path("indicator/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicator/<int:pk>/quarter/<int:quarter>/report/", views.report_achievement, name="report"),
    path("report/<int:pk>/confirm/", views.report_review, {"action": "confirm"}, name="confirm"),
    path("report/<int:pk>/return/", views.report_review, {"action": "return"}, name="return"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
    # What the office sends upward (actionplan/progress/): the quarterly sheet, an indicator's evidence
    path("<int:pk>/progress/<int:quarter>.xlsx", progress.progress_sheet_xlsx, name="progress_xlsx"),
    path("<int:pk>/progress/<int:quarter>.pdf", progress.progress_sheet_pdf, name="progress_pdf"),
    path("indicator/<int:pk>/evidence.zip", progress.evidence_bundle, name="evidence_bundle"),
]

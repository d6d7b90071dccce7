from django.urls import path

from actionplan import views

app_name = "actionplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("office/<int:office_pk>/", views.office_plans, name="office"),
    path("office/<int:office_pk>/import/", views.plan_import, name="import"),
    path("office/<int:office_pk>/copy/", views.plan_copy, name="copy"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("indicator/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicator/<int:pk>/quarter/<int:quarter>/report/", views.report_achievement, name="report"),
    path("report/<int:pk>/confirm/", views.report_review, {"action": "confirm"}, name="confirm"),
    path("report/<int:pk>/return/", views.report_review, {"action": "return"}, name="return"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
]

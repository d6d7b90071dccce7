from django.urls import include, path

from actionplan import views

app_name = "actionplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("office/<int:office_pk>/", views.office_plans, name="office"),
    path("office/<int:office_pk>/import/", views.plan_import, name="import"),
    path("office/<int:office_pk>/copy/", views.plan_copy, name="copy"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("", include("actionplan.ideas.urls")),  # the innovation bank
]

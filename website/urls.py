from django.urls import path

from website import views

app_name = "public"

urlpatterns = [
    path("", views.published_list, name="list"),
    path("<int:pk>/", views.published_document, name="document"),
    path("<int:pk>.pdf", views.published_pdf, name="pdf"),
]

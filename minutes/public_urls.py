from django.urls import path

from minutes import views_public

app_name = "public"

urlpatterns = [
    path("", views_public.published_list, name="list"),
    path("<int:pk>/", views_public.published_document, name="document"),
    path("<int:pk>.pdf", views_public.published_pdf, name="pdf"),
]

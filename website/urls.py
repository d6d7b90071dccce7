"""The public website, mounted at /public/ (config/urls.py). The first addresses of documents
(/public/minutes/<pk>/, printed in the QR codes of issued documents) stay, as permanent redirects."""

from django.urls import path, register_converter
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from website import views
from website.addresses import FiscalYearConverter, MemoNumberConverter, OfficeConverter

register_converter(OfficeConverter, "office")
register_converter(FiscalYearConverter, "fy")
register_converter(MemoNumberConverter, "memo")

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("minutes/", views.minutes_list, name="list"),
    path("minutes/<int:pk>/", views.old_document, name="document"),
    path("minutes/<int:pk>.pdf", views.old_pdf, name="pdf"),
    # The language switch without a CSRF token, so that public pages carry no secret (pages.py):
    # a forged switch can only change a reader's language.
    path("language/", csrf_exempt(set_language), name="language"),
    path("<office:office>/", views.office, name="office"),
    path("<office:office>/ideas/", views.ideas, name="ideas"),
    path("<office:office>/<fy:fiscal_year>/", views.office, name="office_year"),
    path("<office:office>/<fy:fiscal_year>/<memo:memo_number>/", views.minutes_page, name="minutes"),
    path("<office:office>/<fy:fiscal_year>/<memo:memo_number>.pdf", views.minutes_pdf, name="minutes_pdf"),
]

"""The public website, mounted at /public/ (config/urls.py). The first addresses of documents
(/public/minutes/<pk>/, printed in the QR codes of issued documents) stay, as permanent redirects."""

from django.urls import path, register_converter
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from website import exports, feeds, views
from website.addresses import FiscalYearConverter, MemoNumberConverter, OfficeConverter
from website.alerts import views as alerts
from website.api import api

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
    # Following and open data (website/feeds.py, alerts/, api/, exports.py; docs/feeds.md, docs/api.md).
    path("feeds/minutes.atom", feeds.minutes_feed, name="feed"),
    path("feeds/search.atom", feeds.search_feed, name="search_feed"),
    path("feeds/<office:office>.atom", feeds.office_feed, name="office_feed"),
    path("feeds/<office:office>.ics", feeds.office_calendar, name="office_calendar"),
    path("feeds/alerts/", alerts.subscribe, name="alerts_subscribe"),
    path("feeds/alerts/confirm/<str:token>/", alerts.confirm, name="alerts_confirm"),
    path("feeds/alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="alerts_unsubscribe"),
    path("api/exports/decisions.csv", exports.decisions_csv, name="export_decisions_csv"),
    path("api/exports/decisions.json", exports.decisions_json, name="export_decisions_json"),
    path("api/v1/", api.urls),
    path("<office:office>/", views.office, name="office"),
    path("<office:office>/ideas/", views.ideas, name="ideas"),
    path("<office:office>/<fy:fiscal_year>/", views.office, name="office_year"),
    path("<office:office>/<fy:fiscal_year>/<memo:memo_number>/", views.minutes_page, name="minutes"),
    path("<office:office>/<fy:fiscal_year>/<memo:memo_number>.pdf", views.minutes_pdf, name="minutes_pdf"),
]

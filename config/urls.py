from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from health import views as health_views
from offices import passwords
from offices import views as office_views
from website.search_views import search_page

admin.site.site_header = _("Sobha administration")
admin.site.site_title = _("Sobha")

urlpatterns = [
    path("", office_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        passwords.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("offices/", include("offices.urls")),
    path("minutes/", include("minutes.urls")),
    path("plans/", include("actionplan.urls")),
    path("followup/reminders/", include("followup.reminders.urls")),
    path("followup/", include("followup.urls")),
    path("public/search/", search_page, name="public_search"),
    path("public/", include("website.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health_views.status, name="health"),
    path("admin/", admin.site.urls),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from health import views as health_views
from offices import views as office_views

admin.site.site_header = _("Sobha administration")
admin.site.site_title = _("Sobha")

urlpatterns = [
    path("", office_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("offices/", include("offices.urls")),
    path("minutes/", include("minutes.urls")),
    path("public/minutes/", include("minutes.public_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health_views.status, name="health"),
    path("admin/", admin.site.urls),
]

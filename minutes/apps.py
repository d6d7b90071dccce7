from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("Meeting minutes")

    def ready(self):
        from minutes import checks, conventions, distribution  # noqa: F401 - checks registers itself
        from offices.administration.sections import add_section

        add_section(distribution.SECTION, before="settings")
        add_section(conventions.SECTION, before="settings")

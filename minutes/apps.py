from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("Meeting minutes")

    def ready(self):
        from minutes.distribution import SECTION
        from offices.administration.sections import add_section

        add_section(SECTION, before="settings")

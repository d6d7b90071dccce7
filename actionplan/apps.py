from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Innovation action plan")

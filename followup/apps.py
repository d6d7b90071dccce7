from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """Chases every deadline: decisions of issued minutes and the action plan's indicators."""

    name = "followup"
    verbose_name = _("Follow-up")

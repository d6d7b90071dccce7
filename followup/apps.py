from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """Chases every deadline: decisions of issued minutes and the action plan's indicators."""

    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        from django.core import checks

        from followup.reminders import SECTION
        from followup.reminders import admin as reminders_admin  # noqa: F401 - registers the models
        from followup.reminders.checks import check_channels
        from offices.administration.sections import add_section

        # The office administration's page of the office's reminder policy and what was sent.
        add_section(SECTION, before="settings")
        checks.register(check_channels)

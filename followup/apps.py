from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """Chases every deadline: decisions of issued minutes and the action plan's indicators."""

    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        from actionplan.signals import plan_changed
        from followup import receivers
        from followup.selectors import meeting_followup_section
        from minutes.sections import MeetingSection, add_meeting_section
        from minutes.signals import minutes_issued

        minutes_issued.connect(receivers.on_minutes_issued, dispatch_uid="followup-minutes-issued")
        plan_changed.connect(receivers.on_plan_changed, dispatch_uid="followup-plan-changed")
        # On an issued meeting's staff page: each decision's items and their history of progress.
        add_meeting_section(
            MeetingSection("followup", "followup/_meeting_section.html", meeting_followup_section)
        )

        from django.core import checks

        from followup.reminders import SECTION
        from followup.reminders import admin as reminders_admin  # noqa: F401 - registers the models
        from followup.reminders.checks import check_channels
        from offices.administration.sections import add_section

        # The office administration's page of the office's reminder policy and what was sent.
        add_section(SECTION, before="settings")
        checks.register(check_channels)

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

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Innovation action plan")

    def ready(self):
        from actionplan.links.suggest import office_has_plan_for
        from minutes.content.panels import DecisionPanel, add_decision_panel

        # Under each saved decision of an office with a plan for the meeting's year: its indicators.
        add_decision_panel(DecisionPanel("decision-links", "actionplan:decision_links", office_has_plan_for))

"""The follow-up's receivers of the lower apps' signals (connected in apps.py): each only hands the
event to a service; the rules are there."""

from actionplan.models import Plan
from followup.services import occurrences_for_meeting, occurrences_for_plan
from minutes.models import Meeting


def on_minutes_issued(sender, *, meeting_id: int, **kwargs) -> None:
    occurrences_for_meeting(meeting=Meeting.objects.get(pk=meeting_id))


def on_plan_changed(sender, *, plan_id: int, **kwargs) -> None:
    occurrences_for_plan(plan=Plan.objects.get(pk=plan_id))
